dialect = "postgres"

table "items" {
  column "id" {
    type = "integer"
  }
  column "qty" {
    type    = "integer"
    default = 0
  }
  primary_key {
    columns = ["id"]
  }
}
