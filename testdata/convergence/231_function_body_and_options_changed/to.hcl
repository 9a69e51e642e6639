dialect = "postgres"

function "double" {
  args       = ["x integer"]
  returns    = "integer"
  language   = "sql"
  volatility = "immutable"
  body       = "SELECT x + x"
  comment    = "new"
}

function "audit_name" {
  args             = ["who text", "n integer DEFAULT 3"]
  returns          = "text"
  language         = "plpgsql"
  volatility       = "stable"
  strict           = true
  security_definer = true
  parallel         = "restricted"
  cost             = 50
  set              = ["search_path=pg_catalog, public", "work_mem=64MB"]
  body             = <<-SQL
    BEGIN
      RETURN repeat(who, n);
    END
  SQL
}
