dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "invited"
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("SYSUTCDATETIME()")
  }

  primary_key {
    columns = ["id"]
  }
}
