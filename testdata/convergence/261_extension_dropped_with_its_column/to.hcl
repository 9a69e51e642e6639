dialect = "postgres"

table "items" {
  column "id" {
    type = "integer"
  }
}
