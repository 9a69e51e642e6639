package schema_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestViewDiagnostics: bad view blocks are errors at their file:line:col.
func TestViewDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"no query", "s.hcl", `dialect = "postgres"
view "v" {
  comment = "x"
}
`, []string{`s.hcl:2:1: view v: missing required attribute query (add query = <<-SQL … SQL (the view's SELECT))`}},
		{"bad check option, two columns of one name", "s.hcl", `dialect = "postgres"
view "v" {
  columns      = ["a", "a"]
  query        = "select 1, 2"
  check_option = "strict"
}
`, []string{
			`s.hcl:3:24: view public.v: duplicate column a (first declared at s.hcl:3:19; rename or remove one of them)`,
			`s.hcl:5:3: view public.v: invalid check_option "strict" (use "local" or "cascaded")`,
		}},
		{"a materialized view option on a view, an unnamed index", "s.yaml", `dialect: postgres
views:
  - {name: v, query: select 1, with_no_data: true}
materialized_views:
  - name: m
    query: select 1 as a
    indexes:
      - {columns: [a]}
`, []string{
			`s.yaml:3:32: view v: unknown key "with_no_data" (expected one of ansi_nulls, check_option, columns, comment, name, query, quoted_identifier, schema, security_barrier, security_invoker)`,
		}},
		{"unnamed index, name taken by a table", "s.hcl", `dialect = "postgres"
table "t" {
  column "a" {
    type = "integer"
  }
}
materialized_view "t" {
  query = "select a from t"
  index {
    columns = ["a"]
  }
}
`, []string{
			`s.hcl:7:1: materialized view public.t: public.t is declared twice (as a table or view) (first declared at s.hcl:2:1; rename or remove one of them)`,
			`s.hcl:9:3: materialized view public.t index: an index of a materialized view needs a name (add a name: index "name" { … })`,
		}},
		{"sql server materialized", "s.hcl", `dialect = "sqlserver"
materialized_view "v" {
  query = "select 1 as a"
}
`, []string{`s.hcl:2:1: view dbo.v: materialized is a PostgreSQL option (remove it: SQL Server has no such option)`}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertDiagnostics(t, tc.file, tc.src, tc.want) })
	}
}

// TestViewRoundTrip: views written as HCL and YAML load back to the same
// canonical model; the query is kept as written, its canonical form is
// NormalizeQuery's, and what it reads is found.
func TestViewRoundTrip(t *testing.T) {
	src := `dialect = "postgres"
table "users" {
  column "id" {
    type = "integer"
  }
  column "name" {
    type = "text"
  }
}
view "names" {
  columns          = ["user_id", "user_name"]
  query            = <<-SQL
    SELECT id, name
    FROM users;
  SQL
  check_option     = "LOCAL"
  security_barrier = true
  comment          = "who"
}
materialized_view "counts" {
  schema       = "app"
  query        = "SELECT count(*) FROM names"
  with_no_data = true
  index "counts_count" {
    columns = ["count"]
  }
}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "s.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := schema.Load(schema.LoadOptions{}, path)
	if err != nil {
		t.Fatal(err)
	}
	want := normalized(t, db)
	names := want.View(schema.QName{Schema: "public", Name: "names"})
	if got := names.Query; got != "select id as user_id, name as user_name from users" {
		t.Errorf("canonical query %q", got)
	}
	if string(names.Source) != "SELECT id, name\nFROM users;" || !names.Textual || names.CheckOption != "local" {
		t.Errorf("names: source %q, textual %v, check option %q", names.Source, names.Textual, names.CheckOption)
	}
	counts := want.View(schema.QName{Schema: "app", Name: "counts"})
	if len(counts.DependsOn) != 1 || counts.DependsOn[0] != (schema.ObjectRef{Kind: schema.KindView, Schema: "public", Name: "names"}) {
		t.Errorf("counts depends on %v, want view public.names", counts.DependsOn)
	}
	if want.Schema("app") == nil {
		t.Errorf("schema app of a view is not listed")
	}
	for _, ext := range []string{"hcl", "yaml"} {
		var b bytes.Buffer
		write := schema.WriteHCL
		if ext == "yaml" {
			write = schema.WriteYAML
		}
		if err := write(&b, want); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "back."+ext)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		back, err := schema.Load(schema.LoadOptions{}, p)
		if err != nil {
			t.Fatalf("%s: %v\n%s", ext, err, b.String())
		}
		if a, b := jsonOf(t, normalized(t, back).Views), jsonOf(t, want.Views); a != b {
			t.Errorf("%s: views differ after a round trip:\n%s\n%s", ext, a, b)
		}
	}
}
