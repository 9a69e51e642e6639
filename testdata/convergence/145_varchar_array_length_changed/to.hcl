dialect = "postgres"

table "posts" {
  column "id" {
    type = "integer"
  }
  column "tags" {
    type    = "varchar(50)[]"
    default = sql("ARRAY[]::varchar(50)[]")
  }
  primary_key {
    columns = ["id"]
  }
}
