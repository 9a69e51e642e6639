dialect = "postgres"

table "tickets" {
  column "id" {
    type = "integer"
    identity {
      seed      = -1
      increment = -1
    }
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
