dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "timestamptz"
    default = sql("now()")
  }
  primary_key {
    columns = ["id"]
  }
}
