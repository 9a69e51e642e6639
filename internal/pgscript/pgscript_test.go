package pgscript

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		script string
		want   []string
	}{
		{"simple", "CREATE TABLE a (id int); CREATE TABLE b (id int);",
			[]string{"CREATE TABLE a (id int)", "CREATE TABLE b (id int)"}},
		{"no trailing semicolon", "SELECT 1;\nSELECT 2", []string{"SELECT 1", "SELECT 2"}},
		{"semicolon in string", "INSERT INTO a VALUES ('x;y'), ('it''s;');SELECT 1",
			[]string{"INSERT INTO a VALUES ('x;y'), ('it''s;')", "SELECT 1"}},
		{"semicolon in identifier", `CREATE TABLE "a;b" (id int); SELECT 1`,
			[]string{`CREATE TABLE "a;b" (id int)`, "SELECT 1"}},
		{"comments", "-- one; two\nSELECT 1; /* three; */ SELECT 2;",
			[]string{"-- one; two\nSELECT 1", "/* three; */ SELECT 2"}},
		{"dollar quoted", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT $tag$a;b$tag$;",
			[]string{"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT $tag$a;b$tag$"}},
		{"positional parameter is not a dollar quote", "PREPARE p AS SELECT $1; SELECT 2",
			[]string{"PREPARE p AS SELECT $1", "SELECT 2"}},
		{"empty statements dropped", " ; ;\n", nil},
		{"trailing comment dropped", "SELECT 1;\n-- the end\n", []string{"SELECT 1"}},
		{"migration header", "-- header; with a semicolon\nCREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine');\n",
			[]string{"-- header; with a semicolon\nCREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine')"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Split(tt.script)); diff != "" {
				t.Errorf("Split mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
