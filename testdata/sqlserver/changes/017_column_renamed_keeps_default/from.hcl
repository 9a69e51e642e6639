dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }

  primary_key {
    columns = ["id"]
  }
}
