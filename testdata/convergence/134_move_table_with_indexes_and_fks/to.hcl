dialect = "postgres"

schema "sales" {}

table "customers" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "orders" {
  schema       = "sales"
  renamed_from = "public.orders"

  column "id" {
    type = "serial"
  }
  column "customer_id" {
    type = "integer"
  }
  column "number" {
    type   = "text"
    unique = true
  }
  column "total" {
    type = "numeric(10,2)"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["customer_id"]
    ref_table   = "public.customers"
    ref_columns = ["id"]
  }
  check {
    expr = "total >= 0"
  }
  index {
    columns = ["customer_id"]
  }
}

table "shipments" {
  column "id" {
    type = "integer"
  }
  column "order_id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["order_id"]
    ref_table   = "sales.orders"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
}
