dialect = "postgres"

schema "archive" {}

table "old_items" {
  schema       = "archive"
  renamed_from = "public.items"

  column "id" {
    type = "integer"
  }
  primary_key {
    name    = "items_pkey"
    columns = ["id"]
  }
}
