dialect = "postgres"

table "teams" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "users" {
  renamed_from = "accounts"

  column "id" {
    type = "integer"
  }
  column "team_id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "name" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  unique {
    columns = ["email"]
  }
  index {
    columns = ["name"]
  }
  check {
    expr = "length(email) > 3"
  }
  foreign_key {
    columns     = ["team_id"]
    ref_table   = "teams"
    ref_columns = ["id"]
  }
}

table "orders" {
  column "id" {
    type = "integer"
  }
  column "account_id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["account_id"]
    ref_table   = "users"
    ref_columns = ["id"]
  }
}
