dialect = "postgres"

table "logs" {
  column "id" {
    type = "serial"
  }
  column "msg" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}
