dialect = "postgres"

table "events" {
  column "id" {
    type = "bigint"
  }
  column "happened" {
    type       = "timestamptz"
    using      = "to_timestamp(happened)"
    using_down = "extract(epoch from happened)::bigint"
  }
  primary_key {
    columns = ["id"]
  }
}
