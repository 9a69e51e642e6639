dialect = "postgres"

table "tickets" {
  column "id" {
    type = "integer"
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
