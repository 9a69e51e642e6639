dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "status" {
    type    = "varchar(20)"
    default = "active"
  }
  primary_key {
    columns = ["id"]
  }
}
