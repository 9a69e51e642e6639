dialect = "postgres"

schema "reporting" {}
