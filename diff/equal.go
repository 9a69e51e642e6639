package diff

import (
	"slices"

	"github.com/schemadiff/schemadiff/schema"
)

// The equal* functions compare two versions of a key, constraint or index on
// every field but Pos, SystemName, ClusteredImplied and the source texts of
// expressions (nil and empty lists are equal). When the model gains a
// field, it must be added here (TestEqualCoversEveryField checks).

// equalPrimaryKey reports whether two primary keys (either may be nil) are the same.
func equalPrimaryKey(a, b *schema.PrimaryKey) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Name == b.Name && slices.Equal(a.Columns, b.Columns) && equalPtr(a.Clustered, b.Clustered) && slices.Equal(a.Desc, b.Desc) &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

// equalUnique reports whether two unique constraints are the same.
func equalUnique(a, b *schema.Unique) bool {
	return a.Name == b.Name && slices.Equal(a.Columns, b.Columns) && equalPtr(a.Clustered, b.Clustered) && slices.Equal(a.Desc, b.Desc) &&
		a.NullsNotDistinct == b.NullsNotDistinct && a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

// equalCheck reports whether two check constraints are the same.
func equalCheck(a, b *schema.Check) bool {
	return a.Name == b.Name && a.Expr == b.Expr && a.ConstraintState == b.ConstraintState && a.NotValid == b.NotValid && a.NoInherit == b.NoInherit
}

// equalIndex reports whether two indexes are the same.
func equalIndex(a, b *schema.Index) bool {
	return a.Name == b.Name && a.Unique == b.Unique && slices.EqualFunc(a.Parts, b.Parts, equalIndexPart) &&
		slices.Equal(a.Include, b.Include) && a.Where == b.Where && a.Using == b.Using &&
		equalPtr(a.Clustered, b.Clustered) && a.Columnstore == b.Columnstore && a.FillFactor == b.FillFactor &&
		a.PadIndex == b.PadIndex && a.IgnoreDupKey == b.IgnoreDupKey && a.DataCompression == b.DataCompression &&
		a.NullsNotDistinct == b.NullsNotDistinct && slices.Equal(a.With, b.With)
}

// equalIndexPart reports whether two index key parts are the same.
func equalIndexPart(a, b schema.IndexPart) bool {
	return a.Column == b.Column && a.Expr == b.Expr && a.Desc == b.Desc && a.Nulls == b.Nulls &&
		a.Opclass == b.Opclass && a.Collation == b.Collation
}

// equalDefault reports whether two column defaults (either may be nil) are the same.
func equalDefault(a, b *schema.Default) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Kind == b.Kind && a.Value == b.Value
}

// equalIdentity reports whether two identities (either may be nil) are the same.
func equalIdentity(a, b *schema.Identity) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Always == b.Always && a.Seed == b.Seed && a.Increment == b.Increment &&
		equalPtr(a.MinValue, b.MinValue) && equalPtr(a.MaxValue, b.MaxValue) &&
		a.Cache == b.Cache && a.Cycle == b.Cycle && a.NotForReplication == b.NotForReplication
}

// equalComputed reports whether two computed definitions (either may be nil) are the same.
func equalComputed(a, b *schema.Computed) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Expr == b.Expr && a.Persisted == b.Persisted
}

// equalForeignKey reports whether two foreign keys are the same.
func equalForeignKey(a, b *schema.ForeignKey) bool {
	return a.Name == b.Name && slices.Equal(a.Columns, b.Columns) &&
		a.RefSchema == b.RefSchema && a.RefTable == b.RefTable && slices.Equal(a.RefColumns, b.RefColumns) &&
		a.OnDelete == b.OnDelete && a.OnUpdate == b.OnUpdate &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred && a.ConstraintState == b.ConstraintState &&
		a.MatchFull == b.MatchFull && a.NotValid == b.NotValid
}
