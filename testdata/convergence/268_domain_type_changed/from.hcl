dialect = "postgres"

domain "label" {
  type = "varchar(10)"
  check "label_check" {
    expr = "length(VALUE) > 0"
  }
}
