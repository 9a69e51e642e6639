dialect = "postgres"

schema "reporting" {
  comment = "Views and tables for the BI tool"
}

table "t" {
  column "id" {
    type = "integer"
  }
}
