dialect = "postgres"

table "tickets" {
  column "id" {
    type = "bigserial"
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
