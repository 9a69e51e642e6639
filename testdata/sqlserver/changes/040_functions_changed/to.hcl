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

function "order_tax" {
  body = <<-SQL
    create function dbo.order_tax (@amount decimal(10,2))
    returns decimal(10,2)
    as
    begin
      return @amount * 0.25;
    end
  SQL
}

function "orders_of" {
  body = <<-SQL
    CREATE FUNCTION dbo.orders_of(@customer nvarchar(50))
    RETURNS TABLE
    AS RETURN (SELECT id, amount, updated_at FROM dbo.orders WHERE customer = @customer)
  SQL
}
