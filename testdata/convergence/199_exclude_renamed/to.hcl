dialect = "postgres"

table "shifts" {
  column "crew" {
    type         = "int4range"
    renamed_from = "worker"
  }
  column "span" {
    type = "tsrange"
  }
  exclude "shifts_no_overlap" {
    element {
      column   = "span"
      operator = "&&"
    }
    comment = "kept over the rename"
  }
  exclude "shifts_worker_excl" {
    element {
      column   = "crew"
      operator = "&&"
    }
  }
}
