dialect = "sqlserver"

table "customers" {
  column "id" { type = "int" }
  primary_key { columns = ["id"] }
}

table "orders" {
  column "id" { type = "int" }
  column "customer_id" { type = "int" }
  column "placed_at" { type = "datetime2" }
  column "status" { type = "nvarchar(20)" }
  column "amount" { type = "decimal(18,2)" }
  primary_key {
    columns = ["customer_id", "id"]
  }
  check "ck_orders_amount" {
    expr = "amount >= 0"
    nocheck = true
  }
  foreign_key "fk_orders_customer" {
    columns     = ["customer_id"]
    ref_table   = "customers"
    ref_columns = ["id"]
    nocheck = true
  }
}
