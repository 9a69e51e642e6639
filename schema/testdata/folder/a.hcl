dialect = "postgres"

table "accounts" {
  column "id" { type = "bigint" }
  primary_key {
    columns = ["id"]
  }
}
