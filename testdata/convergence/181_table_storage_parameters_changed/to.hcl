dialect = "postgres"

table "events" {
  storage_parameters = ["fillfactor=80", "autovacuum_vacuum_scale_factor=0.050", "toast.autovacuum_enabled=false"]
  column "id" {
    type = "integer"
  }
  column "body" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
