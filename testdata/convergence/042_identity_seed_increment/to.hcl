dialect = "postgres"

table "tickets" {
  column "id" {
    type = "integer"
    identity {
      seed      = 1000
      increment = 5
    }
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
