dialect = "postgres"

composite_type "pair" {
  attribute "a" {
    type = "integer"
  }
  attribute "b" {
    type = "text"
  }
}
