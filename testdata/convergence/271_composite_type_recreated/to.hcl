dialect = "postgres"

composite_type "pair" {
  attribute "b" {
    type = "text"
  }
  attribute "a" {
    type = "integer"
  }
}
