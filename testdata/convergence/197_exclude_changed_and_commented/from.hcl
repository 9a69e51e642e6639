dialect = "postgres"

table "slots" {
  column "id" {
    type = "integer"
  }
  column "active" {
    type = "boolean"
  }
  column "span" {
    type = "int4range"
  }
  column "other" {
    type = "int8range"
  }
  primary_key {
    columns = ["id"]
  }
  exclude "slots_span_excl" {
    element {
      column   = "span"
      operator = "&&"
    }
  }
  exclude "slots_other_excl" {
    element {
      column   = "other"
      operator = "&&"
    }
  }
}
