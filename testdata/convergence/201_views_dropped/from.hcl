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
  query   = <<-SQL
    SELECT id, name, email
    FROM users
    WHERE active;
  SQL
  comment = "users who can sign in"
}

view "user_totals" {
  query = <<-SQL
    SELECT u.id, u.name, count(o.id) AS order_count, sum(o.total) AS total
    FROM users u
    LEFT OUTER JOIN orders AS o ON o.user_id = u.id AND o.status <> 'cancelled'
    GROUP BY u.id, u.name
  SQL
}

materialized_view "order_stats" {
  query = <<-SQL
    select status, count(*), sum(total) as revenue from public.orders group by status
  SQL
  index "order_stats_status" {
    columns = ["status"]
    unique  = true
  }
  comment = "revenue per status"
}

