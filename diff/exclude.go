package diff

import (
	"slices"

	"github.com/schemadiff/schemadiff/schema"
)

// compareExcludes drops and adds the exclusion constraints of a table
// (PostgreSQL has no ALTER for their definition): any difference, or a
// column they use recreated or altered, is a drop and an add. Comments
// change in place.
func (d *differ) compareExcludes(s, t *schema.Table) {
	name := t.QName()
	orig := d.origTable(name)
	pairByName(s.Excludes, t.Excludes, excludeName, func(sx, tx *schema.Exclude) {
		if sx != nil && tx != nil && equalExclude(sx, tx) && !d.excludeUsesRecreated(name, sx) {
			d.commentConstraint(name, sx.Comment, tx.Comment, &Change{Exclude: tx})
			return
		}
		if tx != nil {
			d.commentConstraint(name, "", tx.Comment, &Change{Exclude: tx})
		}
		if sx != nil {
			d.add(phaseDropKeys, &Change{Kind: DropExclude, Table: orig.QName(), Exclude: origOf(s.Excludes, orig.Excludes, sx)})
		}
		if tx != nil {
			d.add(phaseAddKeys, &Change{Kind: AddExclude, Table: name, Exclude: tx, Hazards: excludeHazards(name, tx)})
		}
	})
}

// excludeName pairs exclusion constraints by name (PostgreSQL names every one).
func excludeName(x *schema.Exclude) string { return x.Name }

// excludeHazards: adding an exclusion constraint to an existing table fails
// on rows that conflict, and builds its index under the ACCESS EXCLUSIVE
// lock of ALTER TABLE … ADD CONSTRAINT, with no CONCURRENTLY form (not even
// under --online) (https://www.postgresql.org/docs/15/sql-altertable.html,
// "ADD table_constraint").
func excludeHazards(table schema.QName, x *schema.Exclude) []Hazard {
	return []Hazard{
		hazard(HazardUniqueMayFail, Warning, "Adding exclusion constraint %s on table %s fails if existing rows conflict.", x.Name, table),
		hazard(HazardBlockingIndex, Warning, "Adding exclusion constraint %s builds its index under an ACCESS EXCLUSIVE lock on table %s: reads and writes wait until it is built (it has no CONCURRENTLY form).", x.Name, table),
	}
}

// equalExclude reports whether two exclusion constraints are the same
// (comments aside).
func equalExclude(a, b *schema.Exclude) bool {
	return a.Name == b.Name && a.Using == b.Using && slices.EqualFunc(a.Elements, b.Elements, func(x, y schema.ExcludeElement) bool {
		return equalIndexPart(x.IndexPart, y.IndexPart) && x.Operator == y.Operator
	}) && slices.Equal(a.Include, b.Include) && a.Where == b.Where && slices.Equal(a.With, b.With) &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

// excludeUsesRecreated is indexUsesRecreated for the index of an exclusion
// constraint.
func (d *differ) excludeUsesRecreated(table schema.QName, x *schema.Exclude) bool {
	return d.indexUsesRecreated(table, &schema.Index{Parts: x.Parts(), Include: x.Include, Where: x.Where})
}
