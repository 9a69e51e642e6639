dialect = "postgres"

function "fmt" {
  args     = ["integer"]
  returns  = "text"
  language = "sql"
  body     = "SELECT $1::text"
}

function "fmt" {
  args     = ["text"]
  returns  = "text"
  language = "sql"
  body     = "SELECT $1"
}
