dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "integer"
    default = 0
  }
  primary_key {
    columns = ["id"]
  }
}
