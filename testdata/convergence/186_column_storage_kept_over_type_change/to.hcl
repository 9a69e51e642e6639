dialect = "postgres"

table "notes" {
  column "id" {
    type = "integer"
  }
  column "body" {
    type    = "bigint"
    using   = "length(body)"
    using_down = "body::text"
  }
  primary_key {
    columns = ["id"]
  }
}
