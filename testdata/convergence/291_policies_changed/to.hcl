dialect = "postgres"

table "ledger" {
  renamed_from = "accounts"
  column "id" { type = "bigint" }
  column "owner" { type = "text" }
  column "level" { type = "bigint" }
  primary_key { columns = ["id"] }
  row_security = true
}

policy "p_roles" {
  on = "ledger"
  roles = ["pg_monitor", "pg_read_all_stats"]
  using = "owner = current_user"
}

policy "p_exprs" {
  on         = "ledger"
  command    = "update"
  using      = "level > 1"
  with_check = "level < 50"
  comment    = "new"
}

policy "p_command" {
  on      = "ledger"
  command = "delete"
  using   = "true"
}

policy "p_restrictive" {
  on          = "ledger"
  restrictive = true
  using       = "id > 0"
}

policy "p_drop_using" {
  on         = "ledger"
  with_check = "id > 10"
}

policy "p_level" {
  on      = "ledger"
  command = "delete"
  using   = "level = 1"
}
