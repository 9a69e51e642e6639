dialect = "postgres"

table "unrelated" {
  column "id" {
    type = "integer"
  }
}
