dialect = "sqlserver"

table "events" {
  column "id" {
    type    = "uniqueidentifier"
    default = sql("NEWSEQUENTIALID()")
  }
  column "seq" {
    type = "bigint"
    identity {}
  }
  column "payload" {
    type = "nvarchar(max)"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
  index "ix_events_recent" {
    on {
      column = "seq"
      desc   = true
    }
    include = ["payload"]
  }
  index "cx_events_seq" {
    columns   = ["seq"]
    unique    = true
    clustered = true
  }
}
