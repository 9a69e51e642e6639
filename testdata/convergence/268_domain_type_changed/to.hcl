dialect = "postgres"

domain "label" {
  type = "text"
  check "label_check" {
    expr = "length(VALUE) > 0"
  }
}
