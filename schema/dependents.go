package schema

import (
	"cmp"
	"slices"
)

// Dependent is an object the model does not manage that depends on one it
// does: a view reading a column, a policy naming it, a function with an
// SQL-standard body, a rule, a trigger on some columns, or any unmanaged
// object living in a schema. PostgreSQL records these in pg_depend (and
// pg_rewrite for views and rules):
// https://www.postgresql.org/docs/15/catalog-pg-depend.html; SQL Server in
// sys.sql_expression_dependencies (views, procedures, functions, triggers).
type Dependent struct {
	// Schema, Table and Column name what the object depends on: a column
	// (all three set), a whole table (Column empty) or a schema (Table and
	// Column empty).
	Schema string `json:"schema"`
	Table  string `json:"table,omitempty"`
	Column string `json:"column,omitempty"`
	// Attached is set when the dependent belongs to the table it depends on
	// (a policy, rule or trigger of that table): it goes with the table when
	// the table is dropped, but dropping or retyping the column still fails.
	Attached bool `json:"attached,omitempty"`
	// Object names the dependent with its kind, e.g. "view public.active_users".
	Object string `json:"object"`
	// Breaks is set when the server does not refuse the statement because
	// of the dependent but leaves it failing when it next runs (SQL Server:
	// a reference that is not schema-bound, sys.sql_expression_dependencies
	// is_schema_bound_reference 0).
	Breaks bool `json:"breaks,omitempty"`
}

// On returns the dependents of the schema (table and column empty), of the
// table (column empty: those of the table itself and of each of its columns)
// or of the column, in db's order. A nil db has none.
func (db *Database) On(schemaName, table, column string) []Dependent {
	if db == nil {
		return nil
	}
	var out []Dependent
	for _, d := range db.Dependents {
		if d.Schema != schemaName || table != "" && d.Table != table || column != "" && d.Column != column {
			continue
		}
		if !slices.ContainsFunc(out, func(o Dependent) bool { return o.Object == d.Object }) {
			out = append(out, d)
		}
	}
	return out
}

// SortDependents sorts db.Dependents by (Schema, Table, Column, Object) and
// removes duplicates: their canonical order.
func SortDependents(db *Database) {
	slices.SortFunc(db.Dependents, func(a, b Dependent) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Table, b.Table),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Object, b.Object))
	})
	db.Dependents = slices.Compact(db.Dependents)
}
