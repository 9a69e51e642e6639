dialect = "postgres"

sequence "order_no" {
  type      = "integer"
  start     = 1000
  increment = 10
  comment   = "order numbers"
}

table "keep" {
  column "id" {
    type = "integer"
  }
}

table "orders" {
  column "id" {
    type = "integer"
  }
  column "no" {
    type    = "integer"
    default = sql("nextval('order_no')")
  }
}
