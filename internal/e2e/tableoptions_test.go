package e2e

import (
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestTableOptionsDumpEqual: for the pairs of table options, column storage
// and enum comments (issue 11), the database migrated from `from` to `to`
// and the one schemadiff builds from `to` alone have the same pg_dump: the
// options land on the server as the file says, whichever way they come.
func TestTableOptionsDumpEqual(t *testing.T) {
	assertPairsDumpEqual(t, "18[0-7]_*", 8, "issue 11's")
}

// assertPairsDumpEqual checks, for the n convergence pairs matching
// pattern (the pairs of what), that the database migrated from `from` to
// `to` and the one schemadiff builds from `to` alone have the same pg_dump.
func assertPairsDumpEqual(t *testing.T, pattern string, n int, what string) {
	t.Helper()
	pairs, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "convergence", pattern))
	if err != nil || len(pairs) != n {
		t.Fatalf("found pairs %v (%v), want the %d of %s", pairs, err, n, what)
	}
	for _, dir := range pairs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			migrated := pgtest.NewDB(t)
			if sql := readIfExists(t, filepath.Join(dir, "from.sql")); sql != "" {
				pgtest.Exec(t, migrated, sql)
			} else {
				create(t, migrated, loadFile(t, filepath.Join(dir, "from.hcl")))
			}
			to := loadFile(t, filepath.Join(dir, "to.hcl"))
			_, stmts := planSQL(t, compare(t, inspect(t, migrated), to))
			apply(t, migrated, stmts)

			built := pgtest.NewDB(t)
			create(t, built, to)
			if got, want := pgDump(t, migrated), pgDump(t, built); got != want {
				t.Errorf("pg_dump of the migrated database:\n%s\ndiffers from that of the one built from to.hcl:\n%s", got, want)
			}
		})
	}
}
