dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    comment = "The user's own words"
  }
  primary_key {
    columns = ["id"]
  }
}
