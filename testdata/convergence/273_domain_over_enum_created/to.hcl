dialect = "postgres"

enum "color" {
  values = ["red", "green", "blue"]
}

domain "warm_color" {
  type    = "color"
  default = "red"
  check "warm_color_check" {
    expr = "VALUE <> 'blue'"
  }
}

table "keep" {
  column "id" {
    type = "integer"
  }
}

table "paints" {
  column "id" {
    type = "integer"
  }
  column "shade" {
    type = "warm_color"
  }
}
