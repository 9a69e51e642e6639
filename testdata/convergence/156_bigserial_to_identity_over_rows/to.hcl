dialect = "postgres"

table "tickets" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
