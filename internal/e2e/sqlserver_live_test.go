package e2e

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/mssqltest"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerConvergenceLive is the convergence test of the SQL Server
// change pairs on a real server: build `from` in a scratch database, apply the
// up migration, introspect (no change may remain against `to`), apply the
// down migration (back at `from`).
func TestSQLServerConvergenceLive(t *testing.T) {
	if os.Getenv(mssqltest.EnvURL) == "" {
		t.Skip(mssqltest.EnvURL + " is not set: no SQL Server to run against (it cannot run on these machines)")
	}
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
			fromFile, tos := changeFiles(t, dir, e.Name())
			want, to := loadSQLServer(t, fromFile), loadSQLServer(t, tos[0])
			url, db := mssqltest.Scratch(t, "schemadiff_")

			mssqlApply(t, db, compare(t, &schema.Database{Dialect: schema.SQLServer}, want))
			from := mssqlInspect(t, url)
			assertNoChanges(t, "from created from nothing", from, want)

			mssqlApply(t, db, compare(t, from, to))
			assertNoChanges(t, "after the up migration", mssqlInspect(t, url), to)

			down, err := diff.Down(from, to, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			mssqlApply(t, db, down)
			assertNoChanges(t, "after the down migration", mssqlInspect(t, url), from)
		})
	}
}

// mssqlApply runs each statement of plan as its own batch.
func mssqlApply(t *testing.T, db *sql.DB, plan *diff.Plan) {
	t.Helper()
	stmts, err := render.SQL(plan)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s.SQL); err != nil {
			t.Fatalf("apply %q: %v", s.SQL, err)
		}
	}
}

// mssqlInspect reads the live schema of the scratch database.
func mssqlInspect(t *testing.T, dbURL string) *schema.Database {
	t.Helper()
	ctx := context.Background()
	in, err := introspect.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	got, err := in.Inspect(ctx, introspect.Options{})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return got
}
