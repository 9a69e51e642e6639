dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "email" {
    type = "nvarchar(255)"
  }
  column "legacy_flag" {
    type    = "bit"
    default = false
  }

  primary_key {
    columns = ["id"]
  }
}
