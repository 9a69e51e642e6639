dialect = "postgres"

table "user" {
  column "id" {
    type = "integer"
  }
  column "group" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}

table "order" {
  column "id" {
    type = "integer"
  }
  column "user" {
    type = "integer"
  }
  column "limit" {
    type    = "integer"
    default = 0
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "order_user_fkey" {
    columns     = ["user"]
    ref_table   = "user"
    ref_columns = ["id"]
  }
  index "order_user_idx" {
    columns = ["user"]
  }
}

table "select" {
  column "from" {
    type = "text"
  }
  column "where" {
    type = "text"
    null = true
  }
  unique "select_from_key" {
    columns = ["from"]
  }
  check "select_where_check" {
    expr = "\"where\" <> ''"
  }
}
