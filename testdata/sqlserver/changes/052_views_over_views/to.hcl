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

view "a_top_orders" {
  query = <<-SQL
    create view dbo.a_top_orders as
    select id, amount from dbo.z_big_orders where amount > 10000
  SQL
}

view "z_big_orders" {
  query = <<-SQL
    create view dbo.z_big_orders as
    select id, amount from dbo.orders where amount > 1000
  SQL
}
