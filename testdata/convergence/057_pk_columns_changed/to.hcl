dialect = "postgres"

table "documents" {
  column "tenant_id" {
    type = "integer"
  }
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["tenant_id", "id"]
  }
}
