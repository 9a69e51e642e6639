dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    comment = "Shown on the profile page"
  }
  primary_key {
    columns = ["id"]
  }
}
