dialect = "sqlserver"

table "tickets" {
  column "id" {
    type = "int"
  }
  column "assignee" {
    type = "nvarchar(50)"
    null = false
  }

  primary_key {
    columns = ["id"]
  }
  index "ix_tickets_assignee" {
    columns = ["assignee"]
  }
}
