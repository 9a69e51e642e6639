dialect = "sqlserver"

table "events" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "kind" {
    type = "nvarchar(20)"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
}
