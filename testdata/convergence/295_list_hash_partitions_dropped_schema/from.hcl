dialect = "postgres"

schema "archive" {}

table "keep" {
  column "id" { type = "integer" }
}

table "hashed" {
  schema = "archive"
  column "id" { type = "bigint" }
  primary_key { columns = ["id"] }
  partition_by {
    strategy = "hash"
    columns  = ["id"]
  }
}

table "hashed_0" {
  schema = "archive"
  partition_of {
    parent = "hashed"
    bound  = "FOR VALUES WITH (MODULUS 2, REMAINDER 0)"
  }
}

table "hashed_1" {
  schema = "archive"
  partition_of {
    parent = "archive.hashed"
    bound  = "FOR VALUES WITH (modulus 2, remainder 1)"
  }
}

table "listed" {
  schema = "archive"
  column "region" { type = "text" }
  column "owner" { type = "text" }
  row_security = true
  partition_by {
    strategy = "list"
    columns  = ["region"]
  }
}

table "listed_eu" {
  schema = "archive"
  partition_of {
    parent = "listed"
    bound  = "FOR VALUES IN ('eu', 'uk')"
  }
}

table "listed_other" {
  schema = "archive"
  partition_of {
    parent = "listed"
    bound  = "DEFAULT"
  }
}

policy "owner_only" {
  on    = "archive.listed"
  using = "owner = current_user"
}
