dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
