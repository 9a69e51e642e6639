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

# dependency order is the reverse of name order: a_top reads m_mid reads z_base
materialized_view "a_top" {
  query = "SELECT count(*) AS n FROM m_mid"
}

view "m_mid" {
  query = "SELECT id, name FROM z_base WHERE score > 1"
}

view "z_base" {
  query = "SELECT id, name, score FROM users WHERE active"
}
