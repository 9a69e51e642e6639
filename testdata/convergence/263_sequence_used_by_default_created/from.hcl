dialect = "postgres"

table "keep" {
  column "id" {
    type = "integer"
  }
}
