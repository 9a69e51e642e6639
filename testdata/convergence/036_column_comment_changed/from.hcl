dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    comment = "Old text"
  }
  primary_key {
    columns = ["id"]
  }
}
