dialect = "postgres"

schema "inv" {}

domain "sku" {
  schema = "inv"
  type   = "text"
}

composite_type "dims" {
  schema = "inv"
  attribute "w" {
    type = "integer"
  }
  attribute "h" {
    type = "integer"
  }
}

sequence "item_no" {
  schema = "inv"
}

table "items" {
  schema = "inv"
  column "no" {
    type    = "bigint"
    default = sql("nextval('inv.item_no')")
  }
  column "sku" {
    type = "inv.sku"
  }
  column "size" {
    type = "inv.dims"
    null = true
  }
}

table "keep" {
  column "id" {
    type = "integer"
  }
}
