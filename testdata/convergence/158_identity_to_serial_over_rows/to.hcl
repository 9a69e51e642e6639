dialect = "postgres"

table "tickets" {
  column "id" {
    type = "serial"
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
