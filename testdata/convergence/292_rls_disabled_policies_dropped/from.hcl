dialect = "postgres"

table "notes" {
  column "id" { type = "integer" }
  column "author" { type = "text" }
  primary_key { columns = ["id"] }
  row_security       = true
  force_row_security = true
}

table "tags" {
  column "id" { type = "integer" }
  row_security       = true
  force_row_security = true
}

policy "own_notes" {
  on    = "notes"
  using = "author = current_user"
}

policy "read_all" {
  on      = "notes"
  command = "select"
  roles   = ["pg_read_all_data"]
  using   = "true"
}
