dialect = "postgres"

function "double" {
  args     = ["x integer"]
  returns  = "integer"
  language = "sql"
  body     = "SELECT x * 2"
  comment  = "old"
}

function "audit_name" {
  args     = ["who text", "n integer"]
  returns  = "text"
  language = "plpgsql"
  body     = <<-SQL
    BEGIN
      RETURN who;
    END
  SQL
}
