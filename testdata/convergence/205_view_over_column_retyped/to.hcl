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
    type = "bigint"
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
    type = "numeric(12,2)"
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

view "scores" {
  query = "SELECT u.id, u.score, o.total FROM users u JOIN orders o ON o.user_id = u.id"
}

view "names" {
  query = "SELECT id, name FROM users"
}
