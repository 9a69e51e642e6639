package e2e

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgserver"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/schema"
)

// TestAcceptanceIssue12 is issue 12's "done when": a schema with views,
// materialized views, functions, a procedure, a trigger, a sequence,
// extensions, a domain, a composite type, row-level security with a policy
// and a partitioned table (testdata/acceptance) goes on a real PostgreSQL
// from nothing to built, from built to changed (every kind changed, a column
// type changed under a materialized view), back by the down migration, and
// back to nothing. After each step: the database holds nothing schemadiff
// does not read (no warnings), re-diffs are empty against the schema file
// (the built-in normalizer) and against the file normalized on a private
// server (--dev-url local), the inspected state written as HCL and YAML loads
// back equal, and pg_dump --schema-only equals pg_dump of the database built
// from the state's own SQL (built.sql, changed.sql).
func TestAcceptanceIssue12(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(repoRoot, "testdata", "acceptance")
	// What each state must dump as: its SQL, run by hand. It runs before the
	// schema files are loaded, so the SQL is checked even while they cannot be.
	dumps := map[string]string{"nothing": pgDump(t, pgtest.NewDB(t))}
	for _, state := range []string{"built", "changed"} {
		sql, err := os.ReadFile(filepath.Join(dir, state+".sql"))
		if err != nil {
			t.Fatal(err)
		}
		url := pgtest.NewDB(t)
		pgtest.Exec(t, url, string(sql))
		dumps[state] = pgDump(t, url)
	}
	files := map[string]*schema.Database{"nothing": {Dialect: schema.Postgres}}
	for _, state := range []string{"built", "changed"} {
		files[state] = loadAcceptance(t, filepath.Join(dir, state+".hcl"))
	}

	// --dev-url local: the files normalized exactly, by a private server.
	devURL, stop, err := source.StartLocalDev(ctx, io.Discard)
	switch {
	case errors.Is(err, pgserver.ErrNoBinaries): // an external test server (SCHEMADIFF_TEST_PG_URL) without local binaries
		t.Logf("no local PostgreSQL binaries: normalizing on the test server instead (%v)", err)
		devURL = pgtest.AdminURL(t)
	case err != nil:
		t.Fatal(err)
	default:
		defer stop()
	}
	exact := map[string]*schema.Database{"nothing": files["nothing"]}
	for _, state := range []string{"built", "changed"} {
		db, err := source.Load(ctx, filepath.Join(dir, state+".hcl"), source.Options{Dialect: schema.Postgres, DevURL: devURL})
		if err != nil {
			t.Fatalf("%s.hcl normalized on a dev server: %v", state, err)
		}
		exact[state] = db
	}

	url := pgtest.NewDB(t)
	current := inspect(t, url)
	var last struct{ from, to *schema.Database } // the previous step, for its down migration
	for _, step := range []struct {
		name, state string
		down        bool // apply the down migration of the previous step
	}{
		{"nothing to built", "built", false},
		{"built to changed", "changed", false},
		{"changed back to built (down migration)", "built", true},
		{"built back to nothing", "nothing", false},
	} {
		ok := t.Run(step.name, func(t *testing.T) {
			want := files[step.state]
			var plan *diff.Plan
			if step.down {
				var err error
				if plan, err = diff.Down(last.from, last.to, diff.Options{}); err != nil {
					t.Fatalf("down: %v", err)
				}
			} else {
				plan = compare(t, current, want)
			}
			if len(plan.Changes) == 0 {
				t.Fatal("the step changes nothing: it tests nothing")
			}
			script, stmts := planSQL(t, plan)
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("migration:\n%s", script)
				}
			})
			apply(t, url, stmts)
			after := inspect(t, url)
			for _, w := range after.Warnings {
				t.Errorf("warning: %s: %s (the acceptance schema holds only what the model reads)", w.Object, w.Message)
			}
			assertNoChanges(t, "re-diff against "+step.state+".hcl", after, want)
			assertNoChanges(t, "re-diff against "+step.state+".hcl normalized on a dev server", after, exact[step.state])
			roundTrip(t, after)
			if d := cmp.Diff(strings.Split(dumps[step.state], "\n"), strings.Split(pgDump(t, url), "\n")); d != "" {
				t.Errorf("pg_dump of the migrated database differs from pg_dump of %s.sql (-want +got):\n%s", step.state, d)
			}
			last.from, last.to, current = current, want, after
		})
		if !ok {
			break // the later steps start from this one's state
		}
	}
}

// loadAcceptance loads and normalizes an acceptance schema file.
func loadAcceptance(t *testing.T, path string) *schema.Database {
	t.Helper()
	db, err := schema.Load(schema.LoadOptions{Dialect: schema.Postgres}, path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	if db, err = schema.Normalize(db); err != nil {
		t.Fatalf("normalize %s: %v", path, err)
	}
	return db
}
