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

view "order_list" {
  query = "SELECT id, customer, amount FROM dbo.orders"
}

trigger "order_list_insert" {
  on = "order_list"
  body = <<-SQL
    CREATE TRIGGER dbo.order_list_insert ON dbo.order_list
    INSTEAD OF INSERT
    AS
    BEGIN
      SET NOCOUNT ON;
      INSERT INTO dbo.orders (id, customer, amount)
      SELECT id, customer, amount FROM inserted;
    END
  SQL
}
