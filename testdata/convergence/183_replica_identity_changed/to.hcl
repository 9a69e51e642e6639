dialect = "postgres"

table "orders" {
  replica_identity       = "index"
  replica_identity_index = "orders_code_idx"
  column "id" {
    type = "integer"
  }
  column "code" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  index "orders_code_idx" {
    columns = ["code"]
    unique  = true
  }
}
