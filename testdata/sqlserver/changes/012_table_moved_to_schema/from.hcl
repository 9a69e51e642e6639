dialect = "sqlserver"

table "audit_log" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "message" {
    type = "nvarchar(max)"
  }

  primary_key {
    columns = ["id"]
  }
}
