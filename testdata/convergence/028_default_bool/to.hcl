dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "boolean"
    default = true
  }
  primary_key {
    columns = ["id"]
  }
}
