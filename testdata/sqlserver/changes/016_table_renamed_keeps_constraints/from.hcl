dialect = "sqlserver"

table "teams" {
  column "id" {
    type = "int"
  }

  primary_key {
    columns = ["id"]
  }
}

table "accounts" {
  column "id" {
    type = "int"
  }
  column "team_id" {
    type = "int"
  }
  column "email" {
    type = "nvarchar(255)"
  }
  column "status" {
    type    = "nvarchar(20)"
    default = "active"
  }

  primary_key {
    columns = ["id"]
  }
  unique "uq_accounts_email" {
    columns = ["email"]
  }
  index "ix_accounts_status" {
    columns = ["status"]
  }
  check "ck_accounts_status" {
    expr = "status IN ('active', 'closed')"
  }
  foreign_key "fk_accounts_team" {
    columns     = ["team_id"]
    ref_table   = "teams"
    ref_columns = ["id"]
  }
}

table "orders" {
  column "id" {
    type = "int"
  }
  column "account_id" {
    type = "int"
  }

  primary_key {
    columns = ["id"]
  }
  foreign_key "fk_orders_account" {
    columns     = ["account_id"]
    ref_table   = "accounts"
    ref_columns = ["id"]
  }
}
