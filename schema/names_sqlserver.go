package schema

import (
	"sort"
	"strconv"
	"strings"
)

// msMaxIdent is the longest identifier SQL Server accepts (sysname:
// nvarchar(128); "Database identifiers", Microsoft Learn).
const msMaxIdent = 128

// SQL Server generates random names for constraints created without one
// (PK__users__3213E83F0A9D95DB), and refuses CREATE INDEX without a name, so
// schemadiff names what the schema leaves unnamed by a convention of its own,
// stable across runs and sources:
//
//	primary key  pk_<table>
//	default      df_<table>_<column>
//	unique       uq_<table>_<column>[_<column>…]
//	foreign key  fk_<table>_<column>[_<column>…]
//	check        ck_<table>_<column> (the one column it uses), else ck_<table>
//	index        ix_<table>_<column>[_<column>…] (key columns)
//
// A name already taken gets a number (ck_users_status1, ck_users_status2…):
// constraint names must be unique in the schema (they are objects of it),
// index names in the table, and a unique constraint's index takes its name.
// A name is cut to msMaxIdent-3 characters, leaving room for the number.

// msObjectName joins prefix, table and columns with "_", cut to fit
// msMaxIdent with room for a number of up to 3 digits.
func msObjectName(prefix, table string, columns []string) string {
	name := strings.Join(append([]string{prefix, table}, columns...), "_")
	if r := []rune(name); len(r) > msMaxIdent-3 {
		name = string(r[:msMaxIdent-3])
	}
	return name
}

// msChoose returns name, or name1, name2… if it is taken, and takes it in
// every set of taken.
func msChoose(name string, taken ...nameSet) string {
	free := func(n string) bool {
		for _, s := range taken {
			if s[n] {
				return false
			}
		}
		return true
	}
	out := name
	for i := 1; !free(out); i++ {
		out = name + strconv.Itoa(i)
	}
	for _, s := range taken {
		s[out] = true
	}
	return out
}

// nameSQLServerObjects names the unnamed primary keys, defaults, uniques,
// foreign keys, checks and indexes of every table by the convention above.
// Unnamed objects of one kind are named in the order of their definition (not
// of their declaration), so that a schema file and a live database holding
// the same objects number clashing names alike.
func (n *normalizer) nameSQLServerObjects() {
	cons := map[string]nameSet{} // constraint names per schema
	for _, t := range n.db.Tables {
		if cons[t.Schema] == nil {
			cons[t.Schema] = nameSet{}
		}
		c := cons[t.Schema]
		if pk := t.PrimaryKey; pk != nil {
			c.take(pk.Name)
		}
		for _, col := range t.Columns {
			if col.Default != nil {
				c.take(col.DefaultName)
			}
		}
		for _, u := range t.Uniques {
			c.take(u.Name)
		}
		for _, f := range t.ForeignKeys {
			c.take(f.Name)
		}
		for _, ch := range t.Checks {
			c.take(ch.Name)
		}
	}
	for _, t := range n.db.Tables {
		c := cons[t.Schema]
		ix := nameSet{} // index names of this table, with those of its key constraints
		for _, x := range t.Indexes {
			ix.take(x.Name)
		}
		for _, u := range t.Uniques {
			ix.take(u.Name)
		}
		if pk := t.PrimaryKey; pk != nil {
			if pk.Name == "" {
				pk.Name = msChoose(msObjectName("pk", t.Name, nil), c, ix)
			}
			ix.take(pk.Name)
		}
		for _, col := range t.Columns {
			if col.Default == nil {
				col.DefaultName = ""
			} else if col.DefaultName == "" {
				col.DefaultName = msChoose(msObjectName("df", t.Name, []string{col.Name}), c)
			}
		}
		for _, u := range unnamed(t.Uniques, func(u *Unique) string { return u.Name }, func(u *Unique) string { return strings.Join(u.Columns, "\x00") }) {
			u.Name = msChoose(msObjectName("uq", t.Name, u.Columns), c, ix)
		}
		for _, f := range unnamed(t.ForeignKeys, func(f *ForeignKey) string { return f.Name }, foreignKeyDefinition) {
			f.Name = msChoose(msObjectName("fk", t.Name, f.Columns), c)
		}
		for _, ch := range unnamed(t.Checks, func(ch *Check) string { return ch.Name }, func(ch *Check) string { return ch.Expr }) {
			var cols []string
			if col := checkColumn(SQLServer, t, ch.Expr); col != "" {
				cols = []string{col}
			}
			ch.Name = msChoose(msObjectName("ck", t.Name, cols), c)
		}
		for _, x := range unnamed(t.Indexes, func(x *Index) string { return x.Name }, func(x *Index) string { return indexKey(x) + "\x00" + x.Where }) {
			var cols []string
			for _, p := range x.Parts {
				cols = append(cols, p.Column)
			}
			x.Name = msChoose(msObjectName("ix", t.Name, cols), ix)
		}
	}
}

// take records name as taken, unless it is empty.
func (s nameSet) take(name string) {
	if name != "" {
		s[name] = true
	}
}

// unnamed returns the objects of xs without a name, sorted by definition.
func unnamed[T any](xs []*T, name, definition func(*T) string) []*T {
	var out []*T
	for _, x := range xs {
		if name(x) == "" {
			out = append(out, x)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return definition(out[i]) < definition(out[j]) })
	return out
}

// foreignKeyDefinition is the sort key of an unnamed foreign key.
func foreignKeyDefinition(f *ForeignKey) string {
	return strings.Join([]string{strings.Join(f.Columns, ","), f.RefQName().String(), strings.Join(f.RefColumns, ","), f.OnDelete, f.OnUpdate}, "\x00")
}
