dialect = "postgres"

schema "reporting" {
  comment = "BI"
}
