dialect = "sqlserver"

schema "sales" {}

table "audit_log" {
  schema       = "sales"
  renamed_from = "dbo.audit_log"

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
