dialect = "postgres"

table "docs" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
    null = true
  }
  column "code" {
    type = "varchar(10)"
    null = true
  }
  column "data" {
    type = "jsonb"
    null = true
  }
  column "born" {
    type = "date"
    null = true
  }
  column "start_at" {
    type = "timestamp"
    null = true
  }
  column "end_at" {
    type = "timestamp"
    null = true
  }
  column "a" {
    type = "integer"
    null = true
  }
  column "b" {
    type = "integer"
    null = true
  }
  column "flag" {
    type = "boolean"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  check "c_regex" {
    expr = "email ~* '^[^@]+@[^@]+$'"
  }
  check "c_similar" {
    expr = "code SIMILAR TO '[A-Z]{3}%'"
  }
  check "c_any" {
    expr = "code = ANY (ARRAY['AAA', 'BBB'])"
  }
  check "c_all" {
    expr = "a <> ALL (ARRAY[1, 2, 3])"
  }
  check "c_extract" {
    expr = "EXTRACT(year FROM born) > 1900"
  }
  check "c_position" {
    expr = "position('x' in email) = 0"
  }
  check "c_substring" {
    expr = "substring(code from 1 for 1) <> 'Z'"
  }
  check "c_trim" {
    expr = "trim(both ' ' from email) = email"
  }
  check "c_case" {
    expr = "CASE WHEN a > 0 THEN b IS NOT NULL ELSE true END"
  }
  check "c_coalesce" {
    expr = "COALESCE(a, 0) + NULLIF(b, 0) > 0"
  }
  check "c_nonnulls" {
    expr = "num_nonnulls(a, b) >= 1"
  }
  check "c_is_true" {
    expr = "flag IS NOT FALSE"
  }
  check "c_json" {
    expr = "jsonb_typeof(data) = 'object'"
  }
  check "c_range" {
    expr = "start_at < end_at OR end_at IS NULL"
  }
  check "c_char_length" {
    expr = "char_length(code) <= 5"
  }
  check "c_cast" {
    expr = "CAST(a AS text) <> '7'"
  }
  check "c_json_key" {
    expr = "data ? 'kind' AND (data->>'kind') <> ''"
  }
  check "c_mod" {
    expr = "a % 2 = 0 AND -b < 10"
  }
}
