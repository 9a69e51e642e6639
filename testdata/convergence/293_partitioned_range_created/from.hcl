dialect = "postgres"

table "other" {
  column "id" { type = "integer" }
}
