dialect = "postgres"

function "defaults" {
  args     = ["h text", "a date DEFAULT '2024-01-01'", "b integer DEFAULT NULL", "c text DEFAULT 'it''s'", "e numeric DEFAULT -1.5", "f boolean DEFAULT true", "g integer DEFAULT 1 + 2"]
  returns  = "text"
  language = "sql"
  body     = "SELECT concat(h, a, b, c, e, f, g)"
}
