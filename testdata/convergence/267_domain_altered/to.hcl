dialect = "postgres"

domain "amount" {
  type     = "numeric(10,2)"
  not_null = true
  check "amount_positive" {
    expr = "VALUE > 0"
  }
  check "amount_round" {
    expr = "VALUE = round(VALUE)"
  }
  comment = "a whole, positive amount"
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
