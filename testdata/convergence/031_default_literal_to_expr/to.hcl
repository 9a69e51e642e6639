dialect = "postgres"

table "t" {
  column "id" {
    type = "integer"
  }
  column "c" {
    type    = "text"
    default = sql("current_user")
  }
  primary_key {
    columns = ["id"]
  }
}
