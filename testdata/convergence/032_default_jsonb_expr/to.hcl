dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "jsonb"
    default = sql("'[]'::jsonb")
  }
  primary_key {
    columns = ["id"]
  }
}
