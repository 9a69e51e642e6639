// Package e2e holds the end-to-end tests that need every part at once: schema
// files, a real PostgreSQL server, introspection, diff and rendering.
package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	sdapply "github.com/schemadiff/schemadiff/internal/apply"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// repoRoot is where testdata/ lives, seen from this package.
const repoRoot = "../.."

// loadFile loads and normalizes a desired-schema file.
func loadFile(t *testing.T, path string) *schema.Database {
	t.Helper()
	db, err := schema.Load(schema.LoadOptions{Dialect: schema.Postgres}, path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	db, err = schema.Normalize(db)
	if err != nil {
		t.Fatalf("normalize %s: %v", path, err)
	}
	return db
}

// inspect reads the live schema of the database at url.
func inspect(t *testing.T, url string) *schema.Database {
	t.Helper()
	return inspectWith(t, url, introspect.Options{})
}

// inspectWith reads the database at url with opts.
func inspectWith(t *testing.T, url string, opts introspect.Options) *schema.Database {
	t.Helper()
	ctx := context.Background()
	in, err := introspect.Open(ctx, url)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer in.Close()
	db, err := in.Inspect(ctx, opts)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return db
}

// planSQL renders plan as a script.
func planSQL(t *testing.T, plan *diff.Plan) (string, []render.Statement) {
	t.Helper()
	stmts, err := render.SQL(plan)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return render.Script(stmts), stmts
}

// apply runs the statements as schemadiff apply does: in transactions, the
// ones marked NoTransaction on their own, in plan order.
func apply(t *testing.T, url string, stmts []render.Statement) {
	t.Helper()
	if err := sdapply.Execute(context.Background(), url, stmts, sdapply.Options{}); err != nil {
		t.Fatalf("apply: %v", err)
	}
}

// compare returns the plan from → to, failing the test on error.
func compare(t *testing.T, from, to *schema.Database) *diff.Plan {
	t.Helper()
	return compareWith(t, from, to, diff.Options{})
}

// compareWith returns the plan from → to made with opts, failing the test
// on error.
func compareWith(t *testing.T, from, to *schema.Database, opts diff.Options) *diff.Plan {
	t.Helper()
	plan, err := diff.Compare(from, to, opts)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	return plan
}

// assertNoChanges fails with the remaining plan and SQL when from ≠ to.
func assertNoChanges(t *testing.T, what string, from, to *schema.Database) {
	t.Helper()
	plan := compare(t, from, to)
	if len(plan.Changes) == 0 {
		return
	}
	var b bytes.Buffer
	_ = render.WritePlan(&b, plan, false)
	script, _ := planSQL(t, plan)
	t.Errorf("%s: expected no changes, got:\n%s\n%s", what, b.String(), script)
}

// create builds db from nothing on the database at url, with schemadiff's SQL.
func create(t *testing.T, url string, db *schema.Database) {
	t.Helper()
	_, stmts := planSQL(t, compare(t, &schema.Database{Dialect: db.Dialect}, db))
	apply(t, url, stmts)
}

// pgDump returns pg_dump --schema-only of url, without the lines that differ
// from run to run.
func pgDump(t *testing.T, url string) string {
	t.Helper()
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump")
		if len(matches) == 0 {
			t.Fatal("pg_dump not found (apt-get install postgresql-client)")
		}
		bin = matches[len(matches)-1]
	}
	out, err := exec.Command(bin, "--schema-only", "--no-owner", "--no-privileges", url).CombinedOutput()
	if err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	volatile := regexp.MustCompile(`(?m)^(\\restrict|\\unrestrict|-- Dumped (from|by)).*\n`)
	return volatile.ReplaceAllString(string(out), "")
}

// readIfExists returns the file's content, or "" when it does not exist.
func readIfExists(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// roundTrip writes db as HCL and YAML and loads each back: both must equal db.
func roundTrip(t *testing.T, db *schema.Database) {
	t.Helper()
	for _, format := range []struct {
		ext   string
		write func(*bytes.Buffer, *schema.Database) error
	}{
		{"hcl", func(b *bytes.Buffer, db *schema.Database) error { return schema.WriteHCL(b, db) }},
		{"yaml", func(b *bytes.Buffer, db *schema.Database) error { return schema.WriteYAML(b, db) }},
	} {
		var b bytes.Buffer
		if err := format.write(&b, db); err != nil {
			t.Fatalf("write %s: %v", format.ext, err)
		}
		path := filepath.Join(t.TempDir(), "inspected."+format.ext)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		back := loadFile(t, path)
		assertNoChanges(t, "inspect as "+format.ext+" loaded back", db, back)
	}
}
