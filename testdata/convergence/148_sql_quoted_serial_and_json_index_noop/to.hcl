dialect = "postgres"

table "AuditLog" {
  column "Id" {
    type = "serial"
  }
  column "data" {
    type = "jsonb"
  }
  column "ok" {
    type = "boolean"
  }
  column "at" {
    type = "timestamp"
  }
  primary_key {
    columns = ["Id"]
  }
  check "AuditLog_ok_check" {
    expr = "ok = 't'"
  }
  index "AuditLog_data_id" {
    on {
      expr = "(data->>'id')::integer"
    }
  }
}
