package e2e

import (
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestPgAttributesDump checks the PostgreSQL index and constraint
// attributes against PostgreSQL itself: pair 171's to.sql, written by hand,
// gives a database that inspects equal to its to.hcl, and schemadiff's
// migration from nothing to to.hcl gives the same pg_dump as to.sql.
func TestPgAttributesDump(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "convergence", "171_create_tables_with_pg_attributes")
	want := loadFile(t, filepath.Join(dir, "to.hcl"))

	byHand := pgtest.NewDB(t)
	pgtest.Exec(t, byHand, readIfExists(t, filepath.Join(dir, "to.sql")))
	assertNoChanges(t, "to.sql vs to.hcl", inspect(t, byHand), want)

	bySchemadiff := pgtest.NewDB(t)
	create(t, bySchemadiff, want)
	if a, b := pgDump(t, byHand), pgDump(t, bySchemadiff); a != b {
		t.Errorf("pg_dump differs between to.sql and schemadiff's migration:\n--- to.sql\n%s\n--- schemadiff\n%s", a, b)
	}
}
