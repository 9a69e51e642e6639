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
  query = <<-SQL
    CREATE VIEW [dbo].[big_orders] AS
    SELECT id, customer, amount FROM dbo.orders WHERE amount > 1000
  SQL
}
