dialect = "sqlserver"
