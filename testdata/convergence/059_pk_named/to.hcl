dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  primary_key {
    name    = "pk_accounts"
    columns = ["id"]
  }
}
