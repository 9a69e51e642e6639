package e2e

import "testing"

// TestAlembicTypeObjects runs the convergence pairs of extensions,
// sequences, domains and composite types through the real Alembic (their
// changes are op.execute of the SQL; a column of a domain or composite type
// is written with postgresql.ENUM(create_type=False), which names the type
// and creates nothing). Pair 264 is left out: its MINVALUE is above the
// position of a fresh sequence, which only its seed.sql moves.
func TestAlembicTypeObjects(t *testing.T) {
	for _, pair := range []string{"260_extensions_used_by_table_created", "261_extension_dropped_with_its_column",
		"263_sequence_used_by_default_created", "265_sequence_dropped_with_its_table",
		"266_domain_used_by_column_created", "267_domain_altered", "269_composite_type_used_by_column_created",
		"270_composite_type_altered", "272_schema_of_types_dropped", "273_domain_over_enum_created"} {
		t.Run(pair, func(t *testing.T) {
			t.Parallel()
			alembicConverges(t, pair)
		})
	}
}
