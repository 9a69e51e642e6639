package diff

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestOnlyRenamedObjectsAreRenamed runs the rename pairs of the convergence
// corpus (PostgreSQL) and of the SQL Server change goldens through load,
// normalize and diff, both ways: indexes and constraints that keep their
// definition but not their name (after a table or column rename, or renamed
// in the schema file) must be renamed, never dropped and created again.
func TestOnlyRenamedObjectsAreRenamed(t *testing.T) {
	root := filepath.Join("..", "testdata")
	tests := []struct {
		dir     string
		dialect schema.Dialect
		renames int // rename_index / rename_constraint / rename_default changes each way
	}{
		{"convergence/151_rename_table_keeps_unnamed_objects", schema.Postgres, 5},
		{"convergence/152_rename_column_keeps_unique_and_index", schema.Postgres, 2},
		{"convergence/153_rename_index_same_definition", schema.Postgres, 1},
		{"sqlserver/changes/016_table_renamed_keeps_constraints", schema.SQLServer, 6},
		{"sqlserver/changes/017_column_renamed_keeps_default", schema.SQLServer, 1},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			load := func(name string) *schema.Database {
				db, err := schema.Load(schema.LoadOptions{Dialect: tc.dialect}, filepath.Join(root, tc.dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if db, err = schema.Normalize(db); err != nil {
					t.Fatal(err)
				}
				return db
			}
			from, to := load("from.hcl"), load("to.hcl")
			up := mustCompare(t, from, to, Options{})
			down, err := Down(from, to, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for name, p := range map[string]*Plan{"up": up, "down": down} {
				renames := 0
				for _, c := range p.Changes {
					k := string(c.Kind)
					if strings.HasPrefix(k, "drop_") || strings.HasPrefix(k, "add_") || strings.HasPrefix(k, "create_") || c.Kind == AlterColumn {
						t.Errorf("%s: %s; want renames only:\n%s", name, describe(c), strings.Join(describePlan(p), "\n"))
					}
					if len(c.Hazards) > 0 && c.Kind != RenameTable && c.Kind != RenameColumn {
						t.Errorf("%s: %s has hazards", name, describe(c))
					}
					if c.Kind == RenameIndex || c.Kind == RenameConstraint || c.Kind == RenameDefault {
						renames++
					}
				}
				if renames != tc.renames {
					t.Errorf("%s: %d object renames, want %d:\n%s", name, renames, tc.renames, strings.Join(describePlan(p), "\n"))
				}
			}
		})
	}
}

// TestRenameObjectPairing checks the pairing rules: one to one in name order,
// never when a name still has a match, never for an object that must be
// dropped and added again anyway.
func TestRenameObjectPairing(t *testing.T) {
	withIndexes := func(t *schema.Table, xs ...*schema.Index) *schema.Table {
		return with(t, func(t *schema.Table) { t.Indexes = xs })
	}
	runCases(t, []diffCase{{
		name: "two indexes with one definition pair in name order",
		from: pg(withIndexes(table("t", col("a", "text")), index("a1", "a"), index("a2", "a"))),
		to:   pg(withIndexes(table("t", col("a", "text")), index("b1", "a"), index("b2", "a"))),
		want: []string{"rename_index public.t b1 from a1", "rename_index public.t b2 from a2"},
	}, {
		name: "a name that still exists is not renamed away",
		from: pg(withIndexes(table("t", col("a", "text"), col("b", "text")), index("x", "a"))),
		to:   pg(withIndexes(table("t", col("a", "text"), col("b", "text")), index("x", "b"), index("y", "a"))),
		want: []string{"drop_index public.t x", "create_index public.t x !blocking-index/warning", "create_index public.t y !blocking-index/warning"},
	}, {
		name: "never across tables",
		from: pg(withIndexes(table("t", col("a", "text"))), withIndexes(table("u", col("a", "text")), index("u_a", "a"))),
		to:   pg(withIndexes(table("t", col("a", "text")), index("t_a", "a")), withIndexes(table("u", col("a", "text")))),
		want: []string{"drop_index public.u u_a !blocking-index/warning", "create_index public.t t_a !blocking-index/warning"},
	}})
}
