dialect = "sqlserver"

table "events" {
  column "id" {
    type = "bigint"
    identity {
      not_for_replication = true
    }
  }
  column "kind" {
    type = "nvarchar(20)"
  }

  primary_key {
    columns = ["id"]
  }
}
