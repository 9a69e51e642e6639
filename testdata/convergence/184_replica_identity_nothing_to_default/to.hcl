dialect = "postgres"

table "orders" {
  replica_identity = "default"
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}
