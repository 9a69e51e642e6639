dialect = "postgres"

extension "pg_trgm" {}
