dialect = "postgres"

table "logs" {
  column "id" {
    type = "bigserial"
  }
  column "msg" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
