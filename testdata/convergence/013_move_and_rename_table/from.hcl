dialect = "postgres"

schema "archive" {}

table "items" {
  column "id" {
    type = "integer"
  }
  primary_key {
    name    = "items_pkey"
    columns = ["id"]
  }
}
