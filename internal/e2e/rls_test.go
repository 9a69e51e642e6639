package e2e

import (
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestRLSPartitionsDumpEqual: for the pairs of row-level security, policies
// and partitioning (issue 12), the database migrated from `from` to `to` and
// the one schemadiff builds from `to` alone have the same pg_dump: policies,
// RLS switches, partition keys, bounds and the indexes partitions inherit
// land on the server as the file says, whichever way they come.
func TestRLSPartitionsDumpEqual(t *testing.T) {
	pairs, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "convergence", "29[0-5]_*"))
	if err != nil || len(pairs) != 6 {
		t.Fatalf("found pairs %v (%v), want the 6 of issue 12's row-level security and partitioning", pairs, err)
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
