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
    CREATE PROCEDURE [dbo].[archive_orders] @before datetime2
    AS
    BEGIN
      SET NOCOUNT ON;
      DELETE FROM dbo.orders WHERE updated_at < @before;
    END
  SQL
}
