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

view "named_orders" {
  quoted_identifier = false
  query = <<-SQL
    CREATE VIEW dbo.named_orders AS
    SELECT id, customer FROM dbo.orders WHERE customer <> "unknown"
  SQL
}
