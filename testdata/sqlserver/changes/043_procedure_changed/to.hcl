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

procedure "archive_orders" {
  body = <<-SQL
    create proc dbo.archive_orders @before datetime2, @max int = 1000
    as
    begin
      set nocount on;
      delete top (@max) from dbo.orders where updated_at < @before;
    end
  SQL
}
