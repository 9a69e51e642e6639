dialect = "postgres"

table "events" {
  column "id" {
    type = "integer"
  }
  column "kind" {
    type = "text"
  }
  column "legacy_code" {
    type = "text"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index "events_kind_legacy_idx" {
    columns = ["kind", "legacy_code"]
  }
  index "events_legacy_lower_idx" {
    on {
      expr = "lower(legacy_code)"
    }
  }
  check "events_legacy_check" {
    expr = "legacy_code <> ''"
  }
}
