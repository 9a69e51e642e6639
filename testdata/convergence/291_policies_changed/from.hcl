dialect = "postgres"

table "accounts" {
  column "id" { type = "bigint" }
  column "owner" { type = "text" }
  column "level" { type = "integer" }
  primary_key { columns = ["id"] }
  row_security = true
}

policy "p_roles" {
  on    = "accounts"
  roles = ["pg_monitor"]
  using = "owner = current_user"
}

policy "p_exprs" {
  on         = "accounts"
  command    = "update"
  using      = "level > 0"
  with_check = "level < 100"
  comment    = "old"
}

policy "p_command" {
  on    = "accounts"
  command = "select"
  using = "true"
}

policy "p_restrictive" {
  on    = "accounts"
  using = "id > 0"
}

policy "p_drop_using" {
  on         = "accounts"
  using      = "id > 10"
  with_check = "id > 10"
}

policy "p_level" {
  on      = "accounts"
  command = "delete"
  using   = "level = 1"
}
