dialect = "postgres"

table "settings" {
  column "id" {
    type    = "uuid"
    default = sql("gen_random_uuid()")
  }
  column "data" {
    type    = "jsonb"
    default = sql("'{}'::jsonb")
  }
  column "tags" {
    type    = "text[]"
    default = sql("ARRAY[]::text[]")
  }
  column "day" {
    type    = "date"
    default = sql("CURRENT_DATE")
  }
  column "expires_at" {
    type    = "timestamptz"
    default = sql("now() + interval '1 day'")
  }
  column "fee" {
    type    = "numeric(6,2)"
    default = 1.50
  }
  column "zero" {
    type    = "numeric"
    default = 0
  }
  column "big" {
    type    = "double precision"
    default = 1000
  }
  column "active" {
    type    = "boolean"
    default = true
  }
  column "label" {
    type    = "varchar"
    null    = true
    default = "none"
  }
  column "code" {
    type    = "character(1)"
    null    = true
    default = "A"
  }
  column "ratio" {
    type    = "real"
    null    = true
    default = 0.5
  }
  primary_key {
    columns = ["id"]
  }
}
