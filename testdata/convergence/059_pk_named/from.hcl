dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
