dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    comment = "Soon gone"
  }
  primary_key {
    columns = ["id"]
  }
}
