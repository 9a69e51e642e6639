package e2e

import "testing"

// TestAlembicTypeObjects runs three convergence pairs of extensions,
// sequences, domains and composite types (extensions created, a domain
// altered, a schema of every kind dropped; each Alembic run costs seconds)
// through the real Alembic (their
// changes are op.execute of the SQL; a column of a domain or composite type
// is written with postgresql.ENUM(create_type=False), which names the type
// and creates nothing).
func TestAlembicTypeObjects(t *testing.T) {
	for _, pair := range []string{"260_extensions_used_by_table_created", "267_domain_altered", "272_schema_of_types_dropped"} {
		t.Run(pair, func(t *testing.T) {
			t.Parallel()
			alembicPair(t, pair)
		})
	}
}
