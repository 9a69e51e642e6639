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
  start     = 5000
  increment = 5
  min_value = 100
  max_value = 1000000
  cycle     = true
  cache     = 1
}

sequence "invoice_no" {
  start     = 1
  cache     = 20
}
