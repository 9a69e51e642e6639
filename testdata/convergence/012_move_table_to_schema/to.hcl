dialect = "postgres"

schema "archive" {}

table "items" {
  schema       = "archive"
  renamed_from = "public.items"

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
