dialect = "postgres"

table "documents" {
  column "id" { type = "bigint" }
  column "tenant" { type = "text" }
  column "body" {
    type = "text"
    null = true
  }
  primary_key { columns = ["id"] }
  row_security       = true
  force_row_security = true
}

policy "tenant_read" {
  on    = "documents"
  using = "tenant = current_setting('app.tenant', true)"
}

policy "monitor_update" {
  on          = "documents"
  command     = "update"
  restrictive = true
  roles       = ["pg_monitor", "pg_read_all_data"]
  using       = "id > 0"
  with_check  = "body IS NOT NULL"
}

policy "tenant_insert" {
  on         = "documents"
  command    = "insert"
  with_check = "tenant = current_setting('app.tenant', true)"
  comment    = "rows go to the session's tenant"
}
