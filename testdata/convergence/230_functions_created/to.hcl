dialect = "postgres"

schema "app" {}

function "add" {
  args       = ["a integer", "b integer DEFAULT 1"]
  returns    = "integer"
  language   = "sql"
  volatility = "immutable"
  strict     = true
  leakproof  = true
  parallel   = "safe"
  cost       = 5
  body       = "SELECT a + b"
  comment    = "adds two numbers"
}

function "greet" {
  args             = ["who text"]
  returns          = "text"
  language         = "plpgsql"
  volatility       = "stable"
  security_definer = true
  set              = ["search_path=public, pg_temp"]
  body             = <<-SQL
    BEGIN
      RETURN 'hello, ' || who || ' $$';
    END
  SQL
}

function "series" {
  args     = ["n integer"]
  returns  = "SETOF integer"
  language = "sql"
  rows     = 10
  body     = "SELECT generate_series(1, n)"
}

function "pairs" {
  returns  = "TABLE(k text, v numeric)"
  language = "sql"
  body     = "SELECT 'a', 1.5"
}

function "split_name" {
  args     = ["full_name text", "OUT first text", "OUT last text"]
  language = "sql"
  body     = "SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2)"
}

function "version" {
  schema   = "app"
  returns  = "text"
  language = "sql"
  body     = "SELECT '1.0'::text"
}
