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

trigger "orders_touch" {
  on = "orders"
  body = <<-SQL
    create trigger dbo.orders_touch on dbo.orders
    after update
    as
      set nocount on;
      update o set updated_at = sysutcdatetime()
      from dbo.orders o join inserted i on i.id = o.id;
  SQL
}
