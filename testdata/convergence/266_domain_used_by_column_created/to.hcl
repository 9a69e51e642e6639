dialect = "postgres"

domain "code" {
  type      = "varchar(20)"
  not_null  = true
  default   = "NONE"
  collation = "C"
  check {
    expr = "VALUE <> ''"
  }
  check "code_upper" {
    expr = "VALUE = upper(VALUE)"
  }
  comment = "an upper-case code"
}

domain "quantity" {
  type = "int"
}

table "keep" {
  column "id" {
    type = "integer"
  }
}

table "stock" {
  column "code" {
    type = "code"
  }
  column "qty" {
    type = "quantity"
    null = true
  }
  column "history" {
    type = "quantity[]"
    null = true
  }
}
