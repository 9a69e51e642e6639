dialect = "postgres"
