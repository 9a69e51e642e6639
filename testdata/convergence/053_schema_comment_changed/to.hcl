dialect = "postgres"

schema "reporting" {
  comment = "Views and tables for the BI tool"
}
