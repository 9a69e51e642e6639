dialect = "postgres"

table "tickets" {
  column "id" {
    type = "integer"
    identity {}
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
