dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type = "text"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
