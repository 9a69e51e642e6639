dialect = "postgres"

table "docs" {
  column "id" {
    type = "integer"
  }
  column "body" {
    type        = "text"
    compression = "lz4"
    storage     = "main"
  }
  column "meta" {
    type    = "jsonb"
    storage = "external"
  }
  column "title" {
    type    = "text"
    storage = "extended"
  }
  column "raw" {
    type        = "bytea"
    null        = true
    compression = "pglz"
    storage     = "external"
  }
  primary_key {
    columns = ["id"]
  }
}
