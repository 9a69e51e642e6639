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
	// every other kind of object is shared with orig: only tables are renamed
	src := *d.orig
	src.Tables = nil
	d.src = &src
	for _, t := range d.orig.Tables {
		d.src.Tables = append(d.src.Tables, cloneTable(t))
	}

	tableMap := map[schema.QName]schema.QName{} // source name → target name
	for _, r := range h.tables {
		from, to := r.old, r.new
		if reverse {
			from, to = to, from
		}
		if d.origTables.Table(from) != nil && d.dstTables.Table(to) != nil && d.origTables.Table(to) == nil {
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
			d.add(phaseRenames, &Change{Kind: RenameTable, Table: to, OldName: old, SerialColumns: serials, Hazards: []Hazard{renameTableHazard(old, to)}})
		}
	}

	columnMap := map[schema.QName]map[string]string{} // table (renamed) → column → new name
	d.srcTables = schema.NewLookup(d.src)
	for table, rs := range h.columns {
		if to, ok := tableMap[table]; ok && reverse {
			table = to
		}
		st, dt := d.srcTables.Table(table), d.dstTables.Table(table)
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
				d.add(phaseRenames, &Change{Kind: RenameColumn, Table: t.QName(), OldColumn: orig.Column(c.Name), Column: d.dstTables.Table(t.QName()).Column(to), Hazards: []Hazard{renameColumnHazard(t.QName(), c.Name, to)}})
			}
		}
		renameColumns(d.orig.Dialect, t, renames)
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
	c.Excludes = cloneAll(t.Excludes)
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
func renameColumns(dialect schema.Dialect, t *schema.Table, renames map[string]string) {
	if len(renames) == 0 {
		return
	}
	expr := func(s string) string {
		for _, old := range sortedKeys(renames) {
			s = renameInExpr(dialect, s, old, renames[old])
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
	renamePart := func(p schema.IndexPart) schema.IndexPart {
		if to, ok := renames[p.Column]; ok {
			p.Column = to
		}
		if p.Expr != "" {
			p.Expr, p.ExprSource = expr(p.Expr), source(p.ExprSource)
		}
		return p
	}
	for _, x := range t.Indexes {
		parts := make([]schema.IndexPart, len(x.Parts))
		for i, p := range x.Parts {
			parts[i] = renamePart(p)
		}
		x.Parts = parts
		x.Include = mapNames(x.Include, renames)
		x.Where, x.WhereSource = expr(x.Where), source(x.WhereSource)
	}
	for _, x := range t.Excludes {
		elems := make([]schema.ExcludeElement, len(x.Elements))
		for i, e := range x.Elements {
			elems[i] = schema.ExcludeElement{IndexPart: renamePart(e.IndexPart), Operator: e.Operator}
		}
		x.Elements = elems
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

// renamePairs pairs the objects of src and dst that only changed name: an
// object of src whose name no object of dst has, and one of dst whose name no
// object of src has, with the same definition (same). Unnamed objects never
// pair. Both sides are taken in name order and each object pairs at most
// once, so the result is deterministic.
func renamePairs[T any](src, dst []*T, name func(*T) string, same func(s, d *T) bool) [][2]*T {
	srcNames, dstNames := map[string]bool{}, map[string]bool{}
	for _, s := range src {
		srcNames[name(s)] = true
	}
	for _, x := range dst {
		dstNames[name(x)] = true
	}
	var olds, news []*T
	for _, s := range sortedByName(src, name) {
		if n := name(s); n != "" && !dstNames[n] {
			olds = append(olds, s)
		}
	}
	for _, x := range sortedByName(dst, name) {
		if n := name(x); n != "" && !srcNames[n] {
			news = append(news, x)
		}
	}
	var pairs [][2]*T
	used := make([]bool, len(news))
	for _, o := range olds {
		for i, n := range news {
			if !used[i] && same(o, n) {
				used[i] = true
				pairs = append(pairs, [2]*T{o, n})
				break
			}
		}
	}
	return pairs
}

// renamed returns a copy of *x changed by set (given the other side's name),
// for comparing definitions only.
func renamed[T any](x *T, set func(*T)) *T {
	c := *x
	set(&c)
	return &c
}

// renameKeys renames, instead of dropping and adding them, the primary key,
// uniques, checks and indexes of table s (the source after renames, a copy
// this comparison owns) that keep their definition in t but not their name:
// the commonest case is a renamed table or column whose unnamed objects
// PostgreSQL and SQL Server keep under the old name. The renamed objects of s
// take their new name, so that compareKeys finds nothing left to do.
// Objects that must be dropped and added again anyway (they use a recreated
// or altered column) are left to compareKeys.
func (d *differ) renameKeys(s, t *schema.Table) {
	name := t.QName()
	if sp, tp := s.PrimaryKey, t.PrimaryKey; sp != nil && tp != nil && sp.Name != "" && tp.Name != "" && sp.Name != tp.Name &&
		equalPrimaryKey(renamed(sp, func(p *schema.PrimaryKey) { p.Name = tp.Name }), tp) && !d.usesRecreated(name, sp.Columns) {
		d.add(phaseRenames, &Change{Kind: RenameConstraint, Table: name, PrimaryKey: tp, RenamedFrom: cmp.Or(sp.SystemName, sp.Name)})
		sp.Name, sp.SystemName = tp.Name, ""
	}
	uniqueName := func(u *schema.Unique) string { return u.Name }
	for _, p := range renamePairs(s.Uniques, t.Uniques, uniqueName, func(su, tu *schema.Unique) bool {
		return equalUnique(renamed(su, func(u *schema.Unique) { u.Name = tu.Name }), tu) && !d.keyUsesRecreated(name, su.Columns)
	}) {
		d.add(phaseRenames, &Change{Kind: RenameConstraint, Table: name, Unique: p[1], RenamedFrom: cmp.Or(p[0].SystemName, p[0].Name)})
		p[0].Name, p[0].SystemName = p[1].Name, ""
	}
	checkName := func(c *schema.Check) string { return c.Name }
	for _, p := range renamePairs(s.Checks, t.Checks, checkName, func(sc, tc *schema.Check) bool {
		return equalCheck(renamed(sc, func(c *schema.Check) { c.Name = tc.Name }), tc) && !d.keyUsesRecreated(name, nil, sc.Expr)
	}) {
		d.add(phaseRenames, &Change{Kind: RenameConstraint, Table: name, Check: p[1], RenamedFrom: cmp.Or(p[0].SystemName, p[0].Name)})
		p[0].Name, p[0].SystemName = p[1].Name, ""
	}
	for _, p := range renamePairs(s.Excludes, t.Excludes, excludeName, func(sx, tx *schema.Exclude) bool {
		return equalExclude(renamed(sx, func(x *schema.Exclude) { x.Name = tx.Name }), tx) && !d.excludeUsesRecreated(name, sx)
	}) {
		d.add(phaseRenames, &Change{Kind: RenameConstraint, Table: name, Exclude: p[1], RenamedFrom: p[0].Name})
		p[0].Name = p[1].Name
	}
	for _, p := range renamePairs(s.Indexes, t.Indexes, indexName, func(sx, tx *schema.Index) bool {
		return equalIndex(renamed(sx, func(x *schema.Index) { x.Name = tx.Name }), tx) && !d.indexUsesRecreated(name, sx)
	}) {
		d.add(phaseRenames, &Change{Kind: RenameIndex, Table: name, Index: p[1], RenamedFrom: p[0].Name})
		p[0].Name = p[1].Name
	}
}

// renameForeignKeys renames the foreign keys of table s (source after
// renames, a copy) that keep their definition in t but not their name, unless
// they must be dropped and added again anyway (see foreignKeyDisturbed).
func (d *differ) renameForeignKeys(s, t *schema.Table) {
	fkName := func(f *schema.ForeignKey) string { return f.Name }
	for _, p := range renamePairs(s.ForeignKeys, t.ForeignKeys, fkName, func(sf, tf *schema.ForeignKey) bool {
		return equalForeignKey(renamed(sf, func(f *schema.ForeignKey) { f.Name = tf.Name }), tf) && !d.foreignKeyDisturbed(t.QName(), sf)
	}) {
		d.add(phaseRenames, &Change{Kind: RenameConstraint, Table: t.QName(), ForeignKey: p[1], RenamedFrom: cmp.Or(p[0].SystemName, p[0].Name)})
		p[0].Name, p[0].SystemName = p[1].Name, ""
	}
}
