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

sequence "order_no" {
  type      = "int"
  start     = 1000
  increment = 10
}

sequence "invoice_no" {
  start     = 1
  min_value = 1
  max_value = 999999
  cycle     = true
  cache     = 50
}
