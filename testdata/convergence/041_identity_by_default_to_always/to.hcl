dialect = "postgres"

table "tickets" {
  column "id" {
    type = "bigint"
    identity {
      always = true
    }
  }
  column "title" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
