package schema_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/schema"
)

// TestSplitFiles: a schema split into files reads back, as a folder, to the
// model the same schema written as one file reads back to, and names that file systems refuse or fold together
// get distinct, safe file names.
func TestSplitFiles(t *testing.T) {
	tricky := &schema.Database{
		Dialect: schema.Postgres,
		Enums:   []*schema.Enum{{Schema: "public", Name: "users", Values: []string{"a"}}},
		Tables: []*schema.Table{
			{Schema: "public", Name: "Users", Columns: []*schema.Column{{Name: "id", Type: "integer"}}},
			{Schema: "public", Name: "users", Columns: []*schema.Column{{Name: "id", Type: "integer"}}},
			{Schema: "public", Name: "a/b:c", Columns: []*schema.Column{{Name: "id", Type: "integer"}}},
			{Schema: "public", Name: ".hidden", Columns: []*schema.Column{{Name: "id", Type: "integer"}}},
			{Schema: "odd%s", Name: "users~2", Columns: []*schema.Column{{Name: "id", Type: "integer"}}},
		},
		Views: []*schema.View{{Schema: "public", Name: "Active/Users", Query: "select id from users", Textual: true}},
	}
	tests := []struct {
		name  string
		db    *schema.Database
		paths []string // nil: not checked
	}{
		{"rich postgres", mustLoad(t, schema.LoadOptions{}, "testdata/rich/postgres.hcl"), nil},
		{"rich sqlserver", mustLoad(t, schema.LoadOptions{}, "testdata/rich/sqlserver.yaml"), nil},
		{"functions and triggers", &schema.Database{
			Dialect: schema.Postgres,
			Tables:  []*schema.Table{{Schema: "public", Name: "t", Columns: []*schema.Column{{Name: "id", Type: "integer"}}}},
			Functions: []*schema.Function{
				{Schema: "public", Name: "f", Args: []*schema.FunctionArg{{Type: "integer"}}, Returns: "text", Language: "sql", Body: "SELECT 'a'"},
				{Schema: "public", Name: "f", Args: []*schema.FunctionArg{{Name: "x", Type: "text", Default: "'b'"}}, Returns: "text", Language: "sql", Body: "SELECT x"},
				{Schema: "app", Name: "p", Procedure: true, Language: "plpgsql", Body: "BEGIN\n  NULL;\nEND", Set: []string{"search_path=app"}},
				{Schema: "public", Name: "touch", Returns: "trigger", Language: "plpgsql", Body: "BEGIN RETURN NEW; END", Comment: "it's"},
			},
			Triggers: []*schema.Trigger{{Schema: "public", Table: "t", Name: "t_touch", Timing: "before", Events: []string{"update"},
				UpdateOf: []string{"id"}, ForEachRow: true, When: "new.id > 0", Function: "touch", Args: []string{"a"}, Enabled: "replica"}},
		}, []string{"schemas.hcl", "public/t.hcl", "app/functions/p.hcl", "public/functions/f.hcl", "public/functions/touch.hcl"}},
		// policies go in their table's file; partitions are tables of their own
		{"policies and partitions", mustLoad(t, schema.LoadOptions{}, writeFiles(t, map[string]string{"s.hcl": rlsHCL})), []string{
			"schemas.hcl", "public/events.hcl", "public/events_2024.hcl", "public/events_rest.hcl"}},
		{"tricky names", tricky, []string{
			"schemas.hcl", "public/enums/users.hcl", "odd%25s/users~2.hcl", "public/%2Ehidden.hcl", "public/Users.hcl",
			"public/a%2Fb%3Ac.hcl", "public/users~2.hcl", "public/views/Active%2FUsers.hcl",
		}},
	}
	for _, tt := range tests {
		for _, ext := range []string{"hcl", "yaml"} {
			t.Run(tt.name+"."+ext, func(t *testing.T) {
				db, err := schema.Normalize(tt.db)
				if err != nil {
					t.Fatal(err)
				}
				write := schema.WriteHCL
				if ext == "yaml" {
					write = schema.WriteYAML
				}
				want, _ := roundTrip(t, db, "."+ext, write)
				files := schema.SplitFiles(db, ext)
				dir := t.TempDir()
				var paths []string
				for _, f := range files {
					paths = append(paths, f.Path)
					var buf bytes.Buffer
					if err := write(&buf, f.DB); err != nil {
						t.Fatal(err)
					}
					path := filepath.Join(dir, filepath.FromSlash(f.Path))
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if tt.paths != nil {
					want := make([]string, len(tt.paths))
					for i, p := range tt.paths {
						want[i] = p[:len(p)-len("hcl")] + ext
					}
					if d := cmp.Diff(want, paths); d != "" {
						t.Errorf("file paths (-want +got):\n%s", d)
					}
				}
				got, err := schema.Load(schema.LoadOptions{}, dir)
				if err != nil {
					t.Fatalf("loading the split folder: %v", err)
				}
				// A file lists functions before procedures; a folder has them in path order.
				byID := cmpopts.SortSlices(func(a, b *schema.Function) bool {
					return a.Schema+"."+a.Signature() < b.Schema+"."+b.Signature()
				})
				if d := cmp.Diff(want, got, ignorePos, byID); d != "" {
					t.Errorf("split and loaded back, the model changed (-want +got):\n%s", d)
				}
			})
		}
	}
}
