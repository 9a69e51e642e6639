package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// hint is one renamed_from hint: the object called old is now called new.
type hint[T comparable] struct{ old, new T }

// hints are the renamed_from hints of one database.
type hints struct {
	tables  []hint[schema.QName]
	columns map[schema.QName][]hint[string] // by the name of the table holding the hinted columns
}

// collectHints reads the renamed_from hints of db. Two tables (or two columns
// of one table) naming the same old object are an error.
func collectHints(db *schema.Database) (hints, error) {
	h := hints{columns: map[schema.QName][]hint[string]{}}
	tableClaims := map[schema.QName]schema.QName{}
	for _, t := range db.Tables {
		if t.RenamedFrom != "" {
			old := schema.ParseQName(t.RenamedFrom, t.Schema)
			if other, dup := tableClaims[old]; dup {
				return hints{}, fmt.Errorf("diff: ambiguous renamed_from: tables %s and %s both were %s", other, t.QName(), old)
			}
			tableClaims[old] = t.QName()
			if old != t.QName() {
				h.tables = append(h.tables, hint[schema.QName]{old: old, new: t.QName()})
			}
		}
		columnClaims := map[string]string{}
		for _, c := range t.Columns {
			if c.RenamedFrom == "" {
				continue
			}
			if other, dup := columnClaims[c.RenamedFrom]; dup {
				return hints{}, fmt.Errorf("diff: ambiguous renamed_from in table %s: columns %s and %s both were %s", t.QName(), other, c.Name, c.RenamedFrom)
			}
			columnClaims[c.RenamedFrom] = c.Name
			if c.RenamedFrom != c.Name {
				h.columns[t.QName()] = append(h.columns[t.QName()], hint[string]{old: c.RenamedFrom, new: c.Name})
			}
		}
	}
	return h, nil
}

// applyRenames sets d.src to a copy of d.orig in which the hinted renames are
// done (tables moved or renamed, columns renamed, and every key, index,
// constraint and foreign key that names them follows), and emits the Rename
// changes. With reverse the hints are undone (Down) instead of done.
//
// A hint applies only when its old object exists in the source, its new one
// in the target, and the new name is free in the source; others are ignored
// (the rename already happened, or cannot happen).
func (d *differ) applyRenames(h hints, reverse bool) {
	d.src = &schema.Database{Dialect: d.orig.Dialect, Schemas: d.orig.Schemas, Enums: d.orig.Enums}
	for _, t := range d.orig.Tables {
		d.src.Tables = append(d.src.Tables, cloneTable(t))
	}

	tableMap := map[schema.QName]schema.QName{} // source name → target name
	for _, r := range h.tables {
		from, to := r.old, r.new
		if reverse {
			from, to = to, from
		}
		if d.orig.Table(from) != nil && d.dst.Table(to) != nil && d.orig.Table(to) == nil {
			tableMap[from] = to
		}
	}
	for _, t := range d.src.Tables {
		old := t.QName()
		if to, ok := tableMap[old]; ok {
			t.Schema, t.Name = to.Schema, to.Name
			d.origName[to] = old
			var serials []string
			for _, c := range t.Columns {
				if strings.HasSuffix(c.Type, "serial") {
					serials = append(serials, c.Name)
				}
			}
			d.add(phaseRenames, &Change{Kind: RenameTable, Table: to, OldName: old, SerialColumns: serials})
		}
	}

	columnMap := map[schema.QName]map[string]string{} // table (renamed) → column → new name
	for table, rs := range h.columns {
		if to, ok := tableMap[table]; ok && reverse {
			table = to
		}
		st, dt := d.src.Table(table), d.dst.Table(table)
		if st == nil || dt == nil {
			continue
		}
		for _, r := range rs {
			from, to := r.old, r.new
			if reverse {
				from, to = to, from
			}
			if st.Column(from) != nil && dt.Column(to) != nil && st.Column(to) == nil {
				if columnMap[table] == nil {
					columnMap[table] = map[string]string{}
				}
				columnMap[table][from] = to
			}
		}
	}
	for _, t := range d.src.Tables {
		renames := columnMap[t.QName()]
		orig := d.origTable(t.QName())
		for _, c := range t.Columns {
			if to, ok := renames[c.Name]; ok {
				d.add(phaseRenames, &Change{Kind: RenameColumn, Table: t.QName(), OldColumn: orig.Column(c.Name), Column: d.dst.Table(t.QName()).Column(to)})
			}
		}
		renameColumns(t, renames)
	}
	for _, t := range d.src.Tables {
		for i, fk := range t.ForeignKeys {
			ref := fk.RefQName()
			if to, ok := tableMap[ref]; ok {
				ref = to
			}
			f := *fk
			f.RefSchema, f.RefTable = ref.Schema, ref.Name
			f.RefColumns = mapNames(fk.RefColumns, columnMap[ref])
			t.ForeignKeys[i] = &f
		}
	}
	slices.SortFunc(d.src.Tables, func(a, b *schema.Table) int { return compareQName(a.QName(), b.QName()) })
}

// cloneTable copies t deeply enough that renaming the copy's objects never
// touches t: every object is a new struct (slices inside are replaced, never
// changed in place).
func cloneTable(t *schema.Table) *schema.Table {
	c := *t
	c.Columns = cloneAll(t.Columns)
	if t.PrimaryKey != nil {
		pk := *t.PrimaryKey
		c.PrimaryKey = &pk
	}
	c.Uniques = cloneAll(t.Uniques)
	c.Indexes = cloneAll(t.Indexes)
	c.ForeignKeys = cloneAll(t.ForeignKeys)
	c.Checks = cloneAll(t.Checks)
	return &c
}

// cloneAll returns new structs with the values of list's.
func cloneAll[T any](list []*T) []*T {
	out := make([]*T, len(list))
	for i, p := range list {
		v := *p
		out[i] = &v
	}
	return out
}

// renameColumns renames columns of t (old → new) and every reference to them
// in t: keys, indexes, checks, computed expressions (canonical and source
// texts), foreign key columns.
func renameColumns(t *schema.Table, renames map[string]string) {
	if len(renames) == 0 {
		return
	}
	expr := func(s string) string {
		for _, old := range sortedKeys(renames) {
			s = renameInExpr(s, old, renames[old])
		}
		return s
	}
	source := func(s schema.SourceText) schema.SourceText { return schema.SourceText(expr(string(s))) }
	for _, c := range t.Columns {
		if to, ok := renames[c.Name]; ok {
			c.Name = to
		}
		if c.Computed != nil {
			comp := *c.Computed
			comp.Expr, comp.Source = expr(comp.Expr), source(comp.Source)
			c.Computed = &comp
		}
	}
	if t.PrimaryKey != nil {
		t.PrimaryKey.Columns = mapNames(t.PrimaryKey.Columns, renames)
	}
	for _, u := range t.Uniques {
		u.Columns = mapNames(u.Columns, renames)
	}
	for _, x := range t.Indexes {
		parts := make([]schema.IndexPart, len(x.Parts))
		for i, p := range x.Parts {
			if to, ok := renames[p.Column]; ok {
				p.Column = to
			}
			if p.Expr != "" {
				p.Expr, p.ExprSource = expr(p.Expr), source(p.ExprSource)
			}
			parts[i] = p
		}
		x.Parts = parts
		x.Include = mapNames(x.Include, renames)
		x.Where, x.WhereSource = expr(x.Where), source(x.WhereSource)
	}
	for _, ck := range t.Checks {
		ck.Expr, ck.Source = expr(ck.Expr), source(ck.Source)
	}
	for _, fk := range t.ForeignKeys {
		fk.Columns = mapNames(fk.Columns, renames)
	}
}

// mapNames returns a new slice with names renamed by renames.
func mapNames(names []string, renames map[string]string) []string {
	if names == nil {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		if to, ok := renames[n]; ok {
			n = to
		}
		out[i] = n
	}
	return out
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// compareQName orders qualified names by schema, then name.
func compareQName(a, b schema.QName) int {
	return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
}
