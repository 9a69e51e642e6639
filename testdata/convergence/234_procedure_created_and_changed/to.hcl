dialect = "postgres"

table "counters" {
  column "name" {
    type = "text"
  }
  column "n" {
    type = "integer"
  }
  primary_key {
    columns = ["name"]
  }
}

procedure "bump" {
  args             = ["counter text", "step integer DEFAULT 1"]
  language         = "sql"
  security_definer = true
  body             = "UPDATE counters SET n = n + step WHERE name = counter"
  comment          = "adds step to a counter"
}

procedure "reset_all" {
  args     = ["INOUT total integer"]
  language = "plpgsql"
  set      = ["search_path=public"]
  body     = <<-SQL
    BEGIN
      SELECT coalesce(sum(n), 0) INTO total FROM counters;
      UPDATE counters SET n = 0;
    END
  SQL
}
