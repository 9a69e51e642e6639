dialect = "sqlserver"

table "users" {
  column "id" {
    type = "int"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("GETDATE()")
  }

  primary_key {
    columns = ["id"]
  }
}
