dialect = "postgres"

domain "amount" {
  type    = "numeric(10,2)"
  default = 0
  check "amount_positive" {
    expr = "VALUE >= 0"
  }
  check "amount_small" {
    expr = "VALUE < 1000000"
  }
}

table "payments" {
  column "id" {
    type = "integer"
  }
  column "amount" {
    type = "amount"
    null = true
  }
}
