dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
}
