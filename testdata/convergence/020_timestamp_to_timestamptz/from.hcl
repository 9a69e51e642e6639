dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "timestamp"
    default = sql("now()")
  }
  primary_key {
    columns = ["id"]
  }
}
