dialect = "postgres"

composite_type "point3" {
  attribute "x" {
    type = "bigint"
  }
  attribute "y" {
    type = "integer"
  }
  attribute "z" {
    type = "integer"
  }
}
