dialect = "postgres"

table "api_keys" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
