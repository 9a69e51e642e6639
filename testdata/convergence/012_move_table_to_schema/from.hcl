dialect = "postgres"

schema "archive" {}

table "items" {
  column "id" {
    type = "integer"
  }
  column "label" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
