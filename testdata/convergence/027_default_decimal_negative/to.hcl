dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "numeric(8,2)"
    default = -1.5
  }
  primary_key {
    columns = ["id"]
  }
}
