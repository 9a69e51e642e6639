package e2e

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// update rewrites the golden files of the SQL Server change tests.
var update = flag.Bool("update", false, "rewrite the golden files of testdata/sqlserver/changes")

// sqlserverChanges is the folder of SQL Server change pairs: one folder per
// case, holding from.hcl and to.hcl (and optionally to.yaml, which must give
// the same migration) beside the golden up.sql, down.sql and plan.txt.
var sqlserverChanges = filepath.Join(repoRoot, "testdata", "sqlserver", "changes")

// exampleChanges are the cases whose schemas are the examples of
// testdata/examples/sqlserver rather than files of their own folder.
var exampleChanges = map[string]struct{ from, to []string }{
	"001_seed_users": {
		from: []string{"empty.hcl"},
		to:   []string{"users.hcl", "users.yaml"},
	},
}

// TestSQLServerChanges runs every change pair through the real pipeline
// (load, normalize, diff up and down, render T-SQL) and compares the scripts
// and the plans with the golden files; go test -update rewrites them. SQL
// Server cannot run here: the goldens are reviewed by eye.
func TestSQLServerChanges(t *testing.T) {
	entries, err := os.ReadDir(sqlserverChanges)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join(sqlserverChanges, e.Name())
			from, tos := changeFiles(t, dir, e.Name())
			src := loadSQLServer(t, from)
			var first map[string]string
			for _, to := range tos {
				got := sqlserverChange(t, src, loadSQLServer(t, to))
				if first == nil {
					first = got
					continue
				}
				if d := cmp.Diff(first, got); d != "" {
					t.Errorf("%s gives another migration than %s (-first +this):\n%s", to, tos[0], d)
				}
			}
			for _, name := range []string{"up.sql", "down.sql", "plan.txt"} {
				goldenFile(t, filepath.Join(dir, name), first[name])
			}
		})
	}
}

// changeFiles returns the from file and the to files of a case.
func changeFiles(t *testing.T, dir, name string) (string, []string) {
	t.Helper()
	examples := filepath.Join(repoRoot, "testdata", "examples", "sqlserver")
	if ex, ok := exampleChanges[name]; ok {
		var tos []string
		for _, f := range ex.to {
			tos = append(tos, filepath.Join(examples, f))
		}
		return filepath.Join(examples, ex.from[0]), tos
	}
	var tos []string
	for _, f := range []string{"to.hcl", "to.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			tos = append(tos, filepath.Join(dir, f))
		}
	}
	if len(tos) == 0 {
		t.Fatalf("%s: no to.hcl or to.yaml", dir)
	}
	return filepath.Join(dir, "from.hcl"), tos
}

// loadSQLServer loads and normalizes a SQL Server schema file.
func loadSQLServer(t *testing.T, path string) *schema.Database {
	t.Helper()
	db, err := schema.Load(schema.LoadOptions{Dialect: schema.SQLServer}, path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	if db.Dialect != schema.SQLServer {
		t.Fatalf("%s: dialect %q, want sqlserver", path, db.Dialect)
	}
	db, err = schema.Normalize(db)
	if err != nil {
		t.Fatalf("normalize %s: %v", path, err)
	}
	return db
}

// sqlserverChange diffs from and to both ways and renders the result: the
// up and down scripts, and both plans as text.
func sqlserverChange(t *testing.T, from, to *schema.Database) map[string]string {
	t.Helper()
	up, err := diff.Compare(from, to, diff.Options{})
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	down, err := diff.Down(from, to, diff.Options{})
	if err != nil {
		t.Fatalf("down: %v", err)
	}
	var plans bytes.Buffer
	for _, p := range []struct {
		title string
		plan  *diff.Plan
	}{{"up", up}, {"down", down}} {
		plans.WriteString("-- " + p.title + "\n")
		if err := render.WritePlan(&plans, p.plan, false); err != nil {
			t.Fatalf("plan %s: %v", p.title, err)
		}
	}
	upSQL, _ := planSQL(t, up)
	downSQL, _ := planSQL(t, down)
	return map[string]string{"up.sql": upSQL, "down.sql": downSQL, "plan.txt": plans.String()}
}

// goldenFile compares got with the golden file at path (rewriting it with -update).
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/e2e/ -run TestSQLServerChanges -update to write it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s differs (-want +got); run with -update if the change is intended:\n%s", path, d)
	}
}

// TestSQLServerChangesCoverKinds checks that the change pairs keep covering
// what the SQL Server issue asks for: each phrase must appear in some golden.
func TestSQLServerChangesCoverKinds(t *testing.T) {
	var all strings.Builder
	matches, err := filepath.Glob(filepath.Join(sqlserverChanges, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range matches {
		if strings.HasSuffix(m, ".sql") || strings.HasSuffix(m, ".txt") {
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(b)
		}
	}
	for _, want := range []string{
		"EXEC sp_rename", "ALTER SCHEMA [sales] TRANSFER", "nvarchar(max)", "DROP COLUMN",
		diff.HazardClusteredRebuild, diff.HazardFilterLost, diff.HazardFilterChanged, diff.HazardUniqueFilterChanged,
		diff.HazardAlterColumnInUse, diff.HazardImplicitNonclusteredPK, " DESC", "INCLUDE (",
		"CREATE OR ALTER VIEW", "WITH SCHEMABINDING", "CREATE OR ALTER FUNCTION", "RETURNS TABLE", "CREATE OR ALTER PROCEDURE",
		"DROP FUNCTION", "DROP PROCEDURE", "INSTEAD OF", "DISABLE TRIGGER", "DROP TRIGGER", "CREATE SEQUENCE", "RESTART WITH",
		"NO CACHE", "DROP SEQUENCE", "SET QUOTED_IDENTIFIER OFF", "DROP VIEW",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no golden of %s holds %q", sqlserverChanges, want)
		}
	}
}
