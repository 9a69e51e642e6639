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

procedure "order_total" {
  body = <<-SQL
    create procedure dbo.order_total @id int
    as
      set nocount on;
      select amount from dbo.orders where id = @id;
  SQL
}
