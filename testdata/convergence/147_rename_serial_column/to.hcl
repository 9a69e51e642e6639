dialect = "postgres"

table "logs" {
  column "log_id" {
    type         = "serial"
    renamed_from = "id"
  }
  column "msg" {
    type = "text"
  }
  primary_key {
    columns = ["log_id"]
  }
}
