dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "cache" {
  unlogged               = true
  storage_parameters     = ["fillfactor=50", "autovacuum_enabled=false"]
  replica_identity       = "index"
  replica_identity_index = "cache_key_key"
  column "key" {
    type = "text"
  }
  column "value" {
    type        = "text"
    null        = true
    compression = "lz4"
    storage     = "external"
  }
  unique {
    columns = ["key"]
  }
}
