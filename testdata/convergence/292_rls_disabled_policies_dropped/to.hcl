dialect = "postgres"

table "notes" {
  column "id" { type = "integer" }
  column "author" { type = "text" }
  primary_key { columns = ["id"] }
}

table "tags" {
  column "id" { type = "integer" }
  row_security = true
}
