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
    create view dbo.big_orders
    as
      select  id, customer,   amount   -- the large ones
      from dbo.orders
      where amount > 1000
  SQL
}
