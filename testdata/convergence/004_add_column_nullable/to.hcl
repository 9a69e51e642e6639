dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "nickname" {
    type = "varchar(40)"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
