dialect = "postgres"

table "other" {
  column "id" { type = "integer" }
}

table "events" {
  column "id" { type = "bigint" }
  column "created_on" { type = "date" }
  column "kind" { type = "text" }
  primary_key { columns = ["id", "created_on"] }
  index "events_kind_idx" { columns = ["kind"] }
  partition_by {
    strategy = "range"
    columns  = ["created_on"]
  }
}

table "events_2024" {
  partition_of {
    parent = "events"
    bound  = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
  }
  check "events_2024_kind_check" { expr = "kind <> ''" }
}

table "events_2025" {
  partition_of {
    parent = "events"
    bound  = "for values from ('2025-01-01') to ('2026-01-01')"
  }
}

table "events_rest" {
  partition_of {
    parent = "events"
    bound  = "DEFAULT"
  }
}

table "names" {
  column "name" { type = "text" }
  partition_by {
    strategy = "list"
    on { expr = "lower(name)" }
  }
}

table "names_ab" {
  partition_of {
    parent = "names"
    bound  = "FOR VALUES IN ('a', 'b')"
  }
}
