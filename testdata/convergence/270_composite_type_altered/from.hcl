dialect = "postgres"

composite_type "point3" {
  attribute "x" {
    type = "integer"
  }
  attribute "y" {
    type = "integer"
  }
  attribute "label" {
    type = "text"
  }
}
