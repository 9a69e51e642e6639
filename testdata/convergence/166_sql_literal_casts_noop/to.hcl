dialect = "postgres"

table "docs" {
  column "id" {
    type = "integer"
  }
  column "title" {
    type = "text"
  }
  column "body" {
    type = "text"
  }
  column "meta" {
    type    = "jsonb"
    default = "{}"
  }
  column "ip" {
    type = "inet"
  }
  column "tags" {
    type    = "text[]"
    default = "{}"
  }
  column "published" {
    type = "date"
  }
  column "expires" {
    type    = "timestamptz"
    default = sql("now() + '30 days'")
  }
  column "archived_at" {
    type    = "timestamptz"
    default = sql("'0001-01-01 00:00:00'::timestamp")
  }
  column "price" {
    type    = "numeric"
    default = sql("0.0")
  }
  column "search" {
    type = "tsvector"
    null = true
    computed {
      expr      = "to_tsvector('english', title || ' ' || body)"
      persisted = true
    }
  }
  primary_key {
    columns = ["id"]
  }
  check "docs_meta_check" {
    expr = "NOT meta @> '{\"hidden\": true}'"
  }
  check "docs_ip_check" {
    expr = "ip << '10.0.0.0/8'"
  }
  check "docs_tags_check" {
    expr = "NOT tags && '{spam}'"
  }
  index "docs_fts_idx" {
    using = "gin"
    on {
      expr = "to_tsvector('english', title || ' ' || body)"
    }
  }
  index "docs_recent_idx" {
    columns = ["id"]
    where   = "published > '2020-01-01' AND published < date '2030-01-01' - '1 year'::interval"
  }
}
