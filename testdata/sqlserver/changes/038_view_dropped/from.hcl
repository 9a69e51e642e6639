dialect = "sqlserver"

table "orders" {
  column "id" {
    type = "int"
  }
  column "customer" {
    type = "nvarchar(50)"
  }
  column "amount" {
    type = "decimal(10,2)"
  }
  primary_key {
    columns = ["id"]
  }
}

view "big_orders" {
  query = "SELECT id, amount FROM dbo.orders WHERE amount > 1000"
}
