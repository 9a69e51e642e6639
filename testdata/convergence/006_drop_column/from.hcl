dialect = "postgres"

table "users" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "fax_number" {
    type = "varchar(30)"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
