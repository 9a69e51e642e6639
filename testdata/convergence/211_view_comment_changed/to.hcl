dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "name" {
    type = "varchar(100)"
  }
  column "email" {
    type = "text"
  }
  column "active" {
    type    = "boolean"
    default = true
  }
  column "score" {
    type = "integer"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}

table "orders" {
  column "id" {
    type = "integer"
  }
  column "user_id" {
    type = "integer"
  }
  column "total" {
    type = "numeric(10,2)"
  }
  column "status" {
    type    = "varchar(20)"
    default = "new"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["user_id"]
    ref_table   = "users"
    ref_columns = ["id"]
  }
}

view "active_users" {
  query   = "SELECT id, name FROM users WHERE active"
  comment = "users who can sign in"
}

materialized_view "totals" {
  query   = "SELECT user_id, sum(total) FROM orders GROUP BY user_id"
  comment = "spent per user"
}
