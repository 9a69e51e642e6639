dialect = "postgres"

table "reservations" {
  column "id" {
    type = "integer"
  }
  column "span" {
    type = "int4range"
  }
  column "note" {
    type = "text"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  exclude "reservations_span_excl" {
    element {
      column   = "span"
      operator = "&&"
    }
    comment = "spans never overlap"
  }
  exclude {
    using = "gist"
    element {
      expr     = "int4range(lower(span), lower(span) + 1)"
      operator = "&&"
    }
    include = ["id"]
    with    = ["fillfactor=80"]
  }
}
