dialect = "postgres"

composite_type "address" {
  attribute "street" {
    type      = "text"
    collation = "C"
  }
  attribute "zip" {
    type = "varchar(10)"
  }
  attribute "lines" {
    type = "text[]"
  }
  comment = "a postal address"
}

table "keep" {
  column "id" {
    type = "integer"
  }
}

table "customers" {
  column "id" {
    type = "integer"
  }
  column "ship_to" {
    type = "address"
    null = true
  }
}
