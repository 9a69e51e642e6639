dialect = "postgres"

table "customers" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "orders" {
  column "id" {
    type = "integer"
  }
  column "customer_id" {
    type = "integer"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "orders_customer_id_fkey" {
    columns     = ["customer_id"]
    ref_table   = "customers"
    ref_columns = ["id"]
  }
}
