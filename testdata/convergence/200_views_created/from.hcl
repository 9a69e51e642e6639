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

