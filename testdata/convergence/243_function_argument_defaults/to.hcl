dialect = "postgres"

function "defaults" {
  args     = ["h text DEFAULT upper('x')", "a date DEFAULT '2025-06-30'", "b integer DEFAULT NULL", "c text DEFAULT 'it''s'", "e numeric DEFAULT 2.25", "f boolean DEFAULT true", "g integer DEFAULT 1 + 2"]
  returns  = "text"
  language = "sql"
  body     = "SELECT concat(h, a, b, c, e, f, g)"
}
