dialect = "postgres"

table "metrics" {
  column "id" { type = "integer" }
  column "at" { type = "integer" }
  column "note" {
    type = "text"
    null = true
  }
  index "metrics_id_idx" { columns = ["id"] }
  partition_by {
    strategy = "range"
    columns  = ["at"]
  }
}

table "metrics_a" {
  partition_of {
    parent = "metrics"
    bound  = "FOR VALUES FROM (0) TO (100)"
  }
}

table "metrics_b" {
  partition_of {
    parent = "metrics"
    bound  = "FOR VALUES FROM ('100') TO ('220')"
  }
}

table "metrics_c" {
  partition_of {
    parent = "metrics"
    bound  = "FOR VALUES FROM (250) TO (300)"
  }
}

table "metrics_d" {
  partition_of {
    parent = "metrics"
    bound  = "FOR VALUES FROM (300) TO (400)"
  }
}
