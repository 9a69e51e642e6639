dialect = "postgres"

function "scale" {
  args     = ["v integer"]
  returns  = "integer"
  language = "sql"
  body     = "SELECT v * 10"
}

function "label" {
  args     = ["id integer"]
  returns  = "text"
  language = "sql"
  body     = "SELECT 'item ' || id"
}

function "code" {
  args     = ["n integer"]
  returns  = "text"
  language = "sql"
  body     = "SELECT lpad(n::text, 4, '0')"
}
