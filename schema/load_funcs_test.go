package schema_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// TestLoadFunctionDiagnostics: every error of a function, procedure or
// trigger block names the file:line:col, the object and what to do.
func TestLoadFunctionDiagnostics(t *testing.T) {
	const table = "table \"users\" {\n  column \"id\" {\n    type = \"int\"\n  }\n}\n"
	tests := []struct {
		name string
		file string
		src  string
		want []string
	}{
		{"valid", "s.hcl", `dialect = "postgres"
function "f" {
  args     = ["a int", "b text DEFAULT 'x'"]
  returns  = "int"
  language = "sql"
  body     = "SELECT a"
}
procedure "p" {
  language = "plpgsql"
  body     = "BEGIN END"
}
` + table + `trigger "t" {
  on       = "users"
  timing   = "before"
  events   = ["insert"]
  function = "f"
}
`, []string{"<nil>"}},
		{"missing body", "s.hcl", `dialect = "postgres"
function "f" {
  args = ["a int"]
}
`, []string{`s.hcl:2:1: function f: missing required attribute body (add body = <<-SQL … SQL)`}},
		{"missing language and returns", "s.hcl", `dialect = "postgres"
function "f" {
  args = ["a int"]
  body = "SELECT a"
}
`, []string{
			`s.hcl:2:1: function public.f: missing required attribute language (add language = "sql" (or "plpgsql", …))`,
			`s.hcl:2:1: function public.f: missing required attribute returns (add returns = "integer" (or "void", "SETOF t", "TABLE(id integer)", "trigger"))`,
		}},
		{"bad options", "s.hcl", `dialect = "postgres"
function "f" {
  args       = ["a int DEFAULT 1", "b int", "VARIADIC c int[]", "d int"]
  returns    = "int"
  language   = "sql"
  volatility = "sometimes"
  parallel   = "yes"
  rows       = 5
  set        = ["search_path"]
  body       = "SELECT 1"
}
`, []string{
			`s.hcl:3:36: function public.f: argument 2 has no default after one that has (42P13) (give it a default too, or move it before the arguments with defaults)`,
			`s.hcl:3:45: function public.f: argument 3 has no default after one that has (42P13) (give it a default too, or move it before the arguments with defaults)`,
			`s.hcl:3:45: function public.f: only the last argument can be variadic (make the variadic argument the last one)`,
			`s.hcl:3:65: function public.f: argument 4 has no default after one that has (42P13) (give it a default too, or move it before the arguments with defaults)`,
			`s.hcl:6:3: function public.f: invalid volatility "sometimes" (use "volatile", "stable" or "immutable")`,
			`s.hcl:7:3: function public.f: invalid parallel "yes" (use "unsafe", "restricted" or "safe")`,
			`s.hcl:8:3: function public.f: rows is only for a set-returning function (remove rows, or return SETOF or TABLE)`,
			`s.hcl:9:17: function public.f: invalid set "search_path" (write "name=value", e.g. "search_path=public, pg_temp")`,
		}},
		{"procedure has no returns", "s.hcl", `dialect = "postgres"
procedure "p" {
  returns  = "int"
  language = "sql"
  body     = "SELECT 1"
}
`, []string{`s.hcl:3:3: procedure p: unknown attribute or block "returns" (expected one of ansi_nulls, args, body, comment, language, quoted_identifier, schema, security_definer, set)`}},
		{"duplicate signature", "s.yaml", `dialect: postgres
functions:
  - name: f
    args: [a integer]
    returns: int
    language: sql
    body: SELECT 1
  - name: f
    args: [b int4]
    returns: int
    language: sql
    body: SELECT 2
`, []string{`s.yaml:8:5: function public.f: function public.f(integer) is declared twice (same argument types) (first declared at s.yaml:3:5; rename or remove one of them)`}},
		{"trigger load errors", "s.hcl", `dialect = "postgres"
` + table + `trigger "t" {
  on        = "users"
  timing    = "before"
  events    = ["insert"]
  for_each  = "column"
}
`, []string{
			`s.hcl:11:3: trigger t: invalid for_each "column" (use "row" or "statement")`,
		}},
		{"trigger errors", "s.hcl", `dialect = "postgres"
` + table + `trigger "t" {
  on        = "nope"
  timing    = "around"
  events    = ["insert", "upsert"]
  update_of = ["id"]
  old_table = "o"
  function  = "f"
  enabled   = "maybe"
}
`, []string{
			`s.hcl:7:1: trigger t on public.nope: transition tables (old_table, new_table) need an AFTER trigger (use timing = "after")`,
			`s.hcl:8:3: trigger t on public.nope: table public.nope does not exist (declare the table in the schema files, or fix the name)`,
			`s.hcl:9:3: trigger t on public.nope: invalid timing "around" (use "before", "after" or "instead of")`,
			`s.hcl:10:26: trigger t on public.nope: invalid event "upsert" (use "insert", "update", "delete" or "truncate")`,
			`s.hcl:11:16: trigger t on public.nope: update_of needs the update event (add "update" to events)`,
			`s.hcl:14:3: trigger t on public.nope: invalid enabled "maybe" (use "origin", "disabled", "replica" or "always")`,
		}},
		{"trigger without its function", "s.hcl", `dialect = "postgres"
table "t" {
  column "a" { type = "int" }
}
trigger "tr" {
  on     = "t"
  timing = "before"
  events = ["insert"]
}
`, []string{`s.hcl:5:1: trigger tr on public.t: missing required attribute function (add function = "name" or "schema.name" (a function returning trigger))`}},
		{"sql server", "s.hcl", `dialect = "sqlserver"
function "f" {
  returns  = "int"
  language = "sql"
  body     = "SELECT 1"
}
`, []string{
			`s.hcl:2:1: function dbo.f: body: not a CREATE or ALTER statement (on SQL Server body is the whole statement, as sys.sql_modules keeps it: CREATE FUNCTION dbo.f …)`,
			`s.hcl:3:3: function dbo.f: returns is a PostgreSQL attribute (remove it: on SQL Server the body is the whole CREATE FUNCTION statement, parameters and RETURNS included)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertDiagnostics(t, tt.file, tt.src, tt.want) })
	}
}

// TestFunctionCanonical: what a schema file writes and what PostgreSQL
// prints (pg_get_function_arguments, pg_get_function_result, proconfig)
// normalize alike.
func TestFunctionCanonical(t *testing.T) {
	norm := func(f *schema.Function) *schema.Function {
		t.Helper()
		db, err := schema.Normalize(&schema.Database{Dialect: schema.Postgres, Functions: []*schema.Function{f}})
		if err != nil {
			t.Fatal(err)
		}
		return db.Functions[0]
	}
	parse := func(args string) []*schema.FunctionArg {
		t.Helper()
		a, err := schema.ParseFunctionArgs(args)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	tests := []struct {
		name       string
		file, read *schema.Function
	}{
		{"types, defaults, modes",
			&schema.Function{Name: "f", Args: parse(`IN a int4, b varchar(10) = 'x', OUT c numeric(10,2), "Big" public.mood`), Language: "SQL", Body: " SELECT 1 "},
			&schema.Function{Schema: "public", Name: "f", Args: parse(`a integer, b character varying DEFAULT 'x'::character varying, OUT c numeric, "Big" mood`), Returns: "numeric", Language: "sql", Volatility: "volatile", Parallel: "unsafe", Body: " SELECT 1 "}},
		{"table result and settings",
			&schema.Function{Name: "g", Returns: "table (id int, name varchar)", Language: "sql", Cost: 100, Rows: 1000, Set: []string{"work_mem='64MB'", "Search_Path = public,pg_temp"}},
			&schema.Function{Schema: "public", Name: "g", Returns: "TABLE(id integer, name character varying)", Language: "sql", Set: []string{"search_path=public, pg_temp", "work_mem=64MB"}}},
		{"literal defaults lose the cast PostgreSQL adds",
			&schema.Function{Name: "d", Args: parse(`a date DEFAULT '2024-01-01', b int DEFAULT NULL, c text = 'it''s', e numeric DEFAULT -1.5, f bool DEFAULT true, g int DEFAULT 1 + 2`), Returns: "void", Language: "sql"},
			&schema.Function{Schema: "public", Name: "d", Args: parse(`a date DEFAULT '2024-01-01'::date, b integer DEFAULT NULL::integer, c text DEFAULT 'it''s'::text, e numeric DEFAULT '-1.5'::numeric, f boolean DEFAULT true, g integer DEFAULT (1 + 2)`), Returns: "void", Language: "sql", Volatility: "volatile", Parallel: "unsafe"}},
		{"setof, quoted search path element",
			&schema.Function{Name: "h", Returns: "setof users", Language: "plpgsql", Set: []string{`search_path="$user", public`}},
			&schema.Function{Schema: "public", Name: "h", Returns: "SETOF users", Language: "plpgsql", Set: []string{`search_path="$user", public`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(norm(tt.read), norm(tt.file)); d != "" {
				t.Errorf("file and server forms differ (-read +file):\n%s", d)
			}
		})
	}
}
