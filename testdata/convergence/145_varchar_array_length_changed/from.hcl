dialect = "postgres"

table "posts" {
  column "id" {
    type = "integer"
  }
  column "tags" {
    type    = "varchar(10)[]"
    default = sql("ARRAY[]::varchar(10)[]")
  }
  primary_key {
    columns = ["id"]
  }
}
