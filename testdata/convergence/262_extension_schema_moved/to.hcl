dialect = "postgres"

schema "ext" {}

extension "pg_trgm" {
  schema = "ext"
}
