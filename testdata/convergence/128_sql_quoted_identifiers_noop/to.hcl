dialect = "postgres"

table "user" {
  column "Id" {
    type = "integer"
  }
  column "Email Address" {
    type   = "text"
    unique = true
  }
  primary_key {
    columns = ["Id"]
  }
  index {
    on {
      expr = "lower(\"Email Address\")"
    }
  }
}

table "Order Items" {
  column "OrderId" {
    type = "integer"
  }
  column "LineNo" {
    type = "integer"
  }
  column "UserId" {
    type = "integer"
    null = true
  }
  column "Qty" {
    type = "integer"
  }
  primary_key {
    columns = ["OrderId", "LineNo"]
  }
  foreign_key {
    columns     = ["UserId"]
    ref_table   = "user"
    ref_columns = ["Id"]
  }
  check {
    expr = "\"Qty\" > 0"
  }
  index {
    columns = ["UserId"]
  }
}
