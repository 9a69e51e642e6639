dialect = "postgres"

table "members" {
  column "id" {
    type = "integer"
  }
  column "org_id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
  index "members_org_email_uidx" {
    columns = ["org_id", "email"]
    unique  = true
  }
}
