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
  query = "SELECT id, name, email FROM users WHERE active AND score IS NOT NULL"
}

view "big_orders" {
  query = "SELECT o.id, o.total FROM orders o WHERE o.total > 5"
}
