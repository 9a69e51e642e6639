dialect = "postgres"

table "members" {
  column "id" {
    type = "integer"
  }
  column "org_id" {
    type = "integer"
  }
  column "email" {
    type   = "text"
    unique = true
  }
  primary_key {
    columns = ["id"]
  }

}
