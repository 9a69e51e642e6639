package diff

import (
	"github.com/schemadiff/schemadiff/schema"
)

// HazardUnmanagedDependent: an object schemadiff does not manage (a view, a
// policy, a rule, a trigger, a function, an inheritance child, or any such
// object in a dropped schema) depends on what a change drops or retypes: the
// statement fails (PostgreSQL 2BP01 dependent_objects_still_exist, or 0A000
// "cannot alter type of a column used by a view or rule"; SQL Server Msg
// 5074/4922 for a column and 3729 for a table or schema when the reference
// is schema-bound), and CASCADE would drop the dependent silently; or, when
// the dependent's reference does not block the statement (Dependent.Breaks:
// SQL Server's references that are not schema-bound), the statement leaves
// the dependent broken. The data comes from the source database's
// Dependents (introspection), so diff stays pure.
const HazardUnmanagedDependent = "unmanaged-dependent"

// addDependentHazards adds an error hazard to every change that drops a
// schema, a table or a column, or changes a column's type or collation, while an object
// the model does not manage depends on it (schema.Database.Dependents of the
// source database).
func (d *differ) addDependentHazards() {
	if len(d.orig.Dependents) == 0 {
		return
	}
	for _, changes := range d.phases {
		for _, c := range changes {
			for _, dep := range d.dependentsOf(c) {
				c.Hazards = append(c.Hazards, dependentHazard(c, dep))
			}
		}
	}
}

// dependentsOf returns the unmanaged dependents that make change c fail.
func (d *differ) dependentsOf(c *Change) []schema.Dependent {
	table := c.Table
	if orig, ok := d.origName[table]; ok {
		table = orig
	}
	switch {
	case c.Kind == DropSchema:
		return d.orig.On(c.Schema.Name, "", "")
	case c.Kind == DropTable:
		var out []schema.Dependent
		for _, dep := range d.orig.On(table.Schema, table.Name, "") {
			if !dep.Attached { // a policy, rule or trigger of the table goes with it
				out = append(out, dep)
			}
		}
		return out
	case c.Kind == DropColumn:
		return d.orig.On(table.Schema, table.Name, c.Column.Name)
	case c.Kind == AlterColumn && (c.Alter.Type || c.Alter.Collation):
		return d.orig.On(table.Schema, table.Name, c.OldColumn.Name)
	}
	return nil
}

// dependentHazard names dep and says what happens to change c because of it.
func dependentHazard(c *Change, dep schema.Dependent) Hazard {
	var what, stmt string
	switch c.Kind {
	case DropSchema:
		what, stmt = "schema "+c.Schema.Name, "DROP SCHEMA"
	case DropTable:
		what, stmt = "table "+c.Table.String(), "DROP TABLE"
	case DropColumn:
		what, stmt = "column "+columnName(c.Table, c.Column.Name), "DROP COLUMN"
	default:
		what, stmt = "column "+columnName(c.Table, c.Column.Name), "ALTER COLUMN TYPE"
	}
	if dep.Breaks {
		return hazard(HazardUnmanagedDependent, Error,
			"%s, which schemadiff does not manage, depends on %s: %s succeeds but leaves the dependent failing when it next runs (its reference is not schema-bound); change or drop the dependent first.",
			dep.Object, what, stmt)
	}
	if c.Kind == AlterColumn {
		return hazard(HazardUnmanagedDependent, Error,
			"%s, which schemadiff does not manage, depends on %s: %s fails; drop the dependent first and create it again after.",
			dep.Object, what, stmt)
	}
	return hazard(HazardUnmanagedDependent, Error,
		"%s, which schemadiff does not manage, depends on %s: %s fails (CASCADE would drop the dependent); drop or change the dependent first.",
		dep.Object, what, stmt)
}
