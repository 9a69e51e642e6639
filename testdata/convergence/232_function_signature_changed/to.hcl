dialect = "postgres"

function "scale" {
  args     = ["v bigint"]
  returns  = "bigint"
  language = "sql"
  body     = "SELECT v * 10"
}

function "label" {
  args     = ["id integer"]
  returns  = "character varying"
  language = "sql"
  body     = "SELECT ('item ' || id)::varchar"
}

function "code" {
  args     = ["num integer"]
  returns  = "text"
  language = "sql"
  body     = "SELECT lpad(num::text, 4, '0')"
}
