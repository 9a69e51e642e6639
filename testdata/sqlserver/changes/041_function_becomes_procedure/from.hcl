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
  column "updated_at" {
    type = "datetime2"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}

function "order_total" {
  body = <<-SQL
    CREATE FUNCTION dbo.order_total(@id int) RETURNS decimal(10,2)
    AS BEGIN RETURN (SELECT amount FROM dbo.orders WHERE id = @id) END
  SQL
}
