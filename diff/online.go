package diff

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// onlineChanges rewrites the changes of a PostgreSQL plan (Options.Online)
// into steps that do not block writes to the tables that already exist:
//
//   - an index built CONCURRENTLY is preceded by DROP INDEX CONCURRENTLY IF
//     EXISTS of its name (IfExists), which removes the invalid index a failed
//     concurrent build leaves behind ("CREATE INDEX", Building Indexes
//     Concurrently: "the recommended recovery method … is to drop the index
//     and try again"), so that a migration that failed can run again;
//   - a foreign key or check is added NOT VALID (a short lock, no scan), then
//     validated by a ValidateConstraint in a transaction of its own, which
//     holds only a SHARE UPDATE EXCLUSIVE lock ("ALTER TABLE", VALIDATE
//     CONSTRAINT);
//   - SET NOT NULL goes through CHECK (col IS NOT NULL) NOT VALID, VALIDATE,
//     SET NOT NULL (which then skips the scan, PostgreSQL 12+) and the drop
//     of the check;
//   - a unique constraint or primary key is built as a unique index
//     CONCURRENTLY, then attached with ADD CONSTRAINT … USING INDEX;
//   - a table rewrite stays an error hazard naming the safe alternative.
//
// Changes of tables the plan creates are left as they are: nobody writes to
// them yet; so are those of the partitioned tables in keep (PostgreSQL
// builds no index CONCURRENTLY on them, nor attaches a constraint to an
// index there).
func onlineChanges(changes []*Change, keep map[schema.QName]bool) []*Change {
	created := keep
	for _, c := range changes {
		if c.Kind == CreateTable && c.TableDef != nil {
			created[c.TableDef.QName()] = true
		}
	}
	var out []*Change
	for _, c := range changes {
		if c.Kind == CreateTable || created[c.Table] {
			out = append(out, c)
			continue
		}
		out = append(out, onlineSteps(c)...)
	}
	return out
}

// onlineSteps returns the online steps of one change of an existing table.
func onlineSteps(c *Change) []*Change {
	switch c.Kind {
	case CreateIndex:
		if !c.Concurrently || c.Index == nil {
			return []*Change{c}
		}
		return []*Change{cleanupIndex(c.Table, c.Index.Name), c}
	case AddForeignKey, AddCheck:
		if c.ForeignKey != nil && c.ForeignKey.Name == "" || c.Check != nil && c.Check.Name == "" || c.ForeignKey == nil && c.Check == nil {
			return []*Change{c} // VALIDATE needs the name
		}
		if c.ForeignKey != nil && c.ForeignKey.NotValid || c.Check != nil && c.Check.NotValid {
			return []*Change{c} // the schema wants it NOT VALID: added so, never validated
		}
		add := *c // added NOT VALID: the schema model says so, as for one the schema wants NOT VALID
		add.Hazards = nil
		if c.ForeignKey != nil {
			fk := *c.ForeignKey
			fk.NotValid = true
			add.ForeignKey = &fk
		} else {
			ck := *c.Check
			ck.NotValid = true
			add.Check = &ck
		}
		return []*Change{&add, {Kind: ValidateConstraint, Table: c.Table, ForeignKey: c.ForeignKey, Check: c.Check, Hazards: c.Hazards}}
	case AddUnique:
		if c.Unique == nil || c.Unique.Name == "" {
			return []*Change{c}
		}
		return attachUniqueIndex(c, c.Unique.Name, c.Unique.Columns, c.Unique.NullsNotDistinct)
	case AddPrimaryKey:
		if c.PrimaryKey == nil || c.PrimaryKey.Name == "" {
			return []*Change{c}
		}
		return attachUniqueIndex(c, c.PrimaryKey.Name, c.PrimaryKey.Columns, false)
	case AlterColumn:
		return onlineAlterColumn(c)
	}
	return []*Change{onlineRewriteHazards(c)}
}

// cleanupIndex returns the DropIndex (CONCURRENTLY IF EXISTS) of the index
// called name on table t that runs before the index is built.
func cleanupIndex(t schema.QName, name string) *Change {
	return &Change{Kind: DropIndex, Table: t, Index: &schema.Index{Name: name}, Concurrently: true, IfExists: true}
}

// attachUniqueIndex builds the unique index of a unique constraint or
// primary key c CONCURRENTLY and adds the constraint USING INDEX: the
// index takes the constraint's name ("ALTER TABLE", ADD table_constraint_using_index).
func attachUniqueIndex(c *Change, name string, columns []string, nullsNotDistinct bool) []*Change {
	parts := make([]schema.IndexPart, len(columns))
	for i, col := range columns {
		parts[i] = schema.IndexPart{Column: col}
	}
	ix := &schema.Index{Name: name, Unique: true, Parts: parts, NullsNotDistinct: nullsNotDistinct}
	build := &Change{Kind: CreateIndex, Table: c.Table, Index: ix, Concurrently: true, Hazards: c.Hazards}
	attach := *c
	attach.UsingIndex, attach.Hazards = true, nil
	return []*Change{cleanupIndex(c.Table, name), build, &attach}
}

// onlineAlterColumn splits SET NOT NULL of an existing column off an
// AlterColumn into the steps through a NOT VALID check.
func onlineAlterColumn(c *Change) []*Change {
	c = onlineRewriteHazards(c)
	if !c.Alter.Null || c.Column == nil || c.OldColumn == nil || c.Column.Null || !c.OldColumn.Null {
		return []*Change{c}
	}
	var out []*Change
	rest := *c
	rest.Alter.Null = false
	rest.Hazards = slices.DeleteFunc(slices.Clone(c.Hazards), func(h Hazard) bool { return h.Code == HazardSetNotNull })
	if rest.Alter != (ColumnAlter{Using: rest.Alter.Using}) {
		col := *c.Column
		col.Null = true
		rest.Column = &col
		out = append(out, &rest)
	}
	ck := &schema.Check{
		Name: schema.PostgresObjectName(c.Table.Name, c.Column.Name, "not_null"),
		Expr: `"` + strings.ReplaceAll(c.Column.Name, `"`, `""`) + `" IS NOT NULL`,
	}
	added := *ck
	added.NotValid = true
	old := *c.Column
	old.Null = true
	validate := hazard(HazardSetNotNull, Warning, "Validating %s fails if a row of %s holds NULL in %s; it scans the table without blocking writes, and SET NOT NULL after it skips the scan.",
		ck.Name, c.Table, c.Column.Name)
	return append(out,
		&Change{Kind: AddCheck, Table: c.Table, Check: &added},
		&Change{Kind: ValidateConstraint, Table: c.Table, Check: ck, Hazards: []Hazard{validate}},
		&Change{Kind: AlterColumn, Table: c.Table, Column: c.Column, OldColumn: &old, Alter: ColumnAlter{Null: true}},
		&Change{Kind: DropCheck, Table: c.Table, Check: ck},
	)
}

// onlineRewriteHazards makes a table-rewrite hazard of c (a type change
// that rewrites, or a column added with a per-row default) an error that
// names the way that does not block: under --online a statement that holds
// an ACCESS EXCLUSIVE lock for the whole rewrite is what the plan must not do.
func onlineRewriteHazards(c *Change) *Change {
	i := slices.IndexFunc(c.Hazards, func(h Hazard) bool {
		return h.Code == HazardTableRewrite || h.Code == HazardVolatileDefault
	})
	if i < 0 {
		return c
	}
	cc := *c
	cc.Hazards = slices.Clone(c.Hazards)
	cc.Hazards[i].Severity = Error
	cc.Hazards[i].Message += " " + RewriteAlternative
	return &cc
}

// RewriteAlternative is the safe way the hazard of a table rewrite names
// under --online.
const RewriteAlternative = "Under --online this blocks reads and writes for the whole rewrite: instead add a new column of the new type (or without the volatile default), backfill it in batches, switch the application to it, then drop the old column."
