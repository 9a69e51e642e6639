dialect = "postgres"

table "keep" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
