dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    default = "none"
  }
  primary_key {
    columns = ["id"]
  }
}
