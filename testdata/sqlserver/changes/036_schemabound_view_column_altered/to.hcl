dialect = "sqlserver"

table "orders" {
  column "id" {
    type = "int"
  }
  column "customer" {
    type = "nvarchar(100)"
  }
  column "amount" {
    type = "decimal(10,2)"
  }
  primary_key {
    columns = ["id"]
  }
}

view "order_customers" {
  query = <<-SQL
    CREATE VIEW dbo.order_customers WITH SCHEMABINDING AS
    SELECT o.id, o.customer FROM dbo.orders AS o
  SQL
}
