dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "state" {
    type         = "nvarchar(20)"
    default      = "active"
    renamed_from = "status"
  }

  primary_key {
    columns = ["id"]
  }
}
