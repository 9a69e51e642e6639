dialect = "postgres"

table "items" {
  column "id" {
    type = "integer"
  }
  column "qty" {
    type    = "text"
    default = "0"
  }
  primary_key {
    columns = ["id"]
  }
}
