dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text[]"
    default = sql("'{}'::text[]")
  }
  primary_key {
    columns = ["id"]
  }
}
