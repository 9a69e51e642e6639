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
    where              = "active"
    initially_deferred = true
  }
  exclude "slots_other_excl" {
    element {
      column   = "other"
      operator = "&&"
    }
    comment = "ranges of other never overlap"
  }
}
