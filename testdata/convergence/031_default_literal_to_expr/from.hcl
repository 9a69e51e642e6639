dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    default = "unknown"
  }
  primary_key {
    columns = ["id"]
  }
}
