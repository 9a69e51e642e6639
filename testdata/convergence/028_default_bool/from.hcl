dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "boolean"
    default = false
  }
  primary_key {
    columns = ["id"]
  }
}
