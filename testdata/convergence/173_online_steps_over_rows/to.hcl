dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  unique "accounts_email_key" {
    columns = ["email"]
  }
}

table "events" {
  column "id" {
    type = "integer"
  }
  column "account_id" {
    type = "integer"
  }
  column "kind" {
    type = "text"
  }
  column "amount" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "events_account_id_fkey" {
    columns     = ["account_id"]
    ref_table   = "accounts"
    ref_columns = ["id"]
  }
  check "events_amount_check" {
    expr = "amount >= 0"
  }
  index "events_account_id_idx" {
    columns = ["account_id"]
  }
}
