dialect = "postgres"

function "fmt" {
  args     = ["integer"]
  returns  = "text"
  language = "sql"
  body     = "SELECT '#' || $1::text"
}

function "fmt" {
  args     = ["a integer", "b integer"]
  returns  = "text"
  language = "sql"
  body     = "SELECT a || '/' || b"
}
