dialect = "postgres"

table "shifts" {
  column "worker" {
    type = "int4range"
  }
  column "span" {
    type = "tsrange"
  }
  exclude "shifts_span_excl" {
    element {
      column   = "span"
      operator = "&&"
    }
    comment = "kept over the rename"
  }
  exclude "shifts_worker_excl" {
    element {
      column   = "worker"
      operator = "&&"
    }
  }
}
