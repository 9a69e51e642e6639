package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestConvergence is the gold standard of diff correctness. For every pair in
// testdata/convergence: build `from` in a real database (from.sql as written
// by hand, or from.hcl created by schemadiff), diff the live database against
// `to`, apply the up migration, introspect again — no change may remain; the
// inspected state written as HCL and YAML loads back equal; apply the down
// migration — the database is back at `from`. A pair whose name ends in
// _noop describes one state twice and must give no change at all.
//
// A pair may carry data: seed.sql runs after `from` is built (rows the
// migrations must keep working with), after_up.sql after the up migration
// and after_down.sql after the down migration (e.g. an INSERT that must
// succeed: an identity that restarted at 1 fails it with a duplicate key).
func TestConvergence(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "convergence", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 60 {
		t.Fatalf("the convergence corpus holds %d pairs; it must hold at least 60", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			url, from := buildFrom(t, dir)
			convergePair(t, dir, url, from, diff.Options{})
		})
	}
}

// convergePair runs the pair in dir (see TestConvergence) with the plans
// made with opts, on the database at url that buildFrom built (from is its
// inspected state).
func convergePair(t *testing.T, dir, url string, from *schema.Database, opts diff.Options) {
	t.Helper()
	to := loadFile(t, filepath.Join(dir, "to.hcl"))

	// A pair named *_noop says one thing twice (e.g. hand-written SQL
	// and its schema file): any change is a spurious diff.
	if strings.HasSuffix(dir, "_noop") {
		assertNoChanges(t, "a _noop pair", from, to)
		return
	}
	up := compareWith(t, from, to, opts)
	if len(up.Changes) == 0 {
		t.Fatalf("from and to are equal: the pair tests nothing (name it *_noop if that is the point)")
	}
	down, err := diff.Down(from, to, opts)
	if err != nil {
		t.Fatalf("down: %v", err)
	}
	upSQL, upStmts := planSQL(t, up)
	again, _ := planSQL(t, compareWith(t, from, to, opts))
	if again != upSQL {
		t.Errorf("the same inputs gave different SQL:\n%s\n---\n%s", upSQL, again)
	}
	_, downStmts := planSQL(t, down)

	apply(t, url, upStmts)
	after := inspect(t, url)
	assertNoChanges(t, "after the up migration", after, to)
	roundTrip(t, after)
	execIfExists(t, url, filepath.Join(dir, "after_up.sql"))

	apply(t, url, downStmts)
	assertNoChanges(t, "after the down migration", inspect(t, url), from)
	execIfExists(t, url, filepath.Join(dir, "after_down.sql"))
	if t.Failed() {
		t.Logf("up migration:\n%s", upSQL)
	}
}

// buildFrom creates a database holding the `from` side of the pair in dir
// (from.sql, or from.hcl created by schemadiff) and its seed.sql, and
// returns its URL and its inspected schema.
func buildFrom(t *testing.T, dir string) (string, *schema.Database) {
	t.Helper()
	url := pgtest.NewDB(t)
	if sql := readIfExists(t, filepath.Join(dir, "from.sql")); sql != "" {
		pgtest.Exec(t, url, sql)
	} else {
		want := loadFile(t, filepath.Join(dir, "from.hcl"))
		create(t, url, want)
		assertNoChanges(t, "from.hcl created from nothing", inspect(t, url), want)
	}
	execIfExists(t, url, filepath.Join(dir, "seed.sql"))
	return url, inspect(t, url)
}

// execIfExists runs the SQL script at path on the database at url, when the
// file exists.
func execIfExists(t *testing.T, url, path string) {
	t.Helper()
	if sql := readIfExists(t, path); sql != "" {
		pgtest.Exec(t, url, sql)
	}
}

// TestSeed000 checks the table the project grew from: seed 000's SQL, applied
// by hand, equals the example schema files (no spurious change from SERIAL,
// NOW(), 'viewer' or the UNIQUE names), and schemadiff building the table from
// nothing gives the same pg_dump.
func TestSeed000(t *testing.T) {
	ex := filepath.Join(repoRoot, "testdata", "examples", "postgres")
	sql, err := os.ReadFile(filepath.Join(ex, "seed000.sql"))
	if err != nil {
		t.Fatal(err)
	}
	byHand := pgtest.NewDB(t)
	pgtest.Exec(t, byHand, string(sql))
	live := inspect(t, byHand)

	var files []*schema.Database
	for _, name := range []string{"users.hcl", "users.yaml"} {
		want := loadFile(t, filepath.Join(ex, name))
		files = append(files, want)
		assertNoChanges(t, "seed 000 vs "+name, live, want)
	}

	bySchemadiff := pgtest.NewDB(t)
	create(t, bySchemadiff, files[0])
	if a, b := pgDump(t, byHand), pgDump(t, bySchemadiff); a != b {
		t.Errorf("pg_dump differs between seed 000's SQL and schemadiff's:\n--- seed 000\n%s\n--- schemadiff\n%s", a, b)
	}
}

// TestExamplesConverge builds each PostgreSQL example of testdata/examples
// from nothing on the real server and compares what is read back with the
// file, without a dev database: the built-in normalizer must match what
// PostgreSQL stores (a view's query, a function's body, a trigger's WHEN),
// so that the examples never show a change that does not go away.
func TestExamplesConverge(t *testing.T) {
	for _, name := range []string{"users.hcl", "users.yaml", "shop.hcl"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := loadFile(t, filepath.Join(repoRoot, "testdata", "examples", "postgres", name))
			url := pgtest.NewDB(t)
			create(t, url, want)
			assertNoChanges(t, name+" built from nothing", inspect(t, url), want)
		})
	}
}
