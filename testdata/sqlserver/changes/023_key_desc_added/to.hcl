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
    desc    = ["id"]
  }
  unique "uq_orders_status_placed" {
    columns = ["status", "placed_at"]
    desc    = ["placed_at"]
  }
}
