package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/schemadiff/schemadiff/internal/parallel"
)

// Validate checks db (with its dialect set and default schemas filled, as
// Load leaves it) for duplicate names, references to missing columns and
// tables, types the dialect does not know, options of the other dialect and
// contradictory settings. Diagnostics point at the objects' positions.
// Load runs it already, with the finer positions of the offending attributes.
func Validate(db *Database) Diagnostics {
	l := newLoader()
	l.validate(db)
	return l.diags
}

// referentialActions are the values of on_delete and on_update.
func referentialAction(s string) (string, bool) {
	a := strings.ToUpper(strings.Join(strings.Fields(s), " "))
	switch a {
	case "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT":
		return a, true
	}
	return a, false
}

// dupChecker reports names declared twice within one scope.
type dupChecker struct {
	l    *loader
	seen map[string]Pos
	// later, when set, holds the names added for a scope wider than the
	// loader's: a zero Diagnostic marks, among the loader's diagnostics,
	// where each would be reported (see validate).
	later *[]dupName
}

// dupName is a name added to a dupChecker.
type dupName struct {
	key, object, message string
	pos                  Pos
}

func (l *loader) dups() dupChecker { return dupChecker{l: l, seen: map[string]Pos{}} }

// add records key; a second time it reports message at pos.
func (c dupChecker) add(key string, pos Pos, object, message string) {
	if key == "" {
		return
	}
	if c.later != nil {
		*c.later = append(*c.later, dupName{key, object, message, pos})
		c.l.diags = append(c.l.diags, Diagnostic{})
		return
	}
	if first, dup := c.seen[key]; dup {
		hint := "rename or remove one of them"
		if !first.IsZero() {
			hint = "first declared at " + first.String() + "; " + hint
		}
		c.l.errorf(pos, object, hint, "%s", message)
		return
	}
	c.seen[key] = pos
}

func (l *loader) validate(db *Database) {
	l.names = NewLookup(db)
	schemas := l.dups()
	for _, s := range db.Schemas {
		schemas.add(s.Name, s.Pos, "schema "+s.Name, "schema "+s.Name+" is declared twice")
	}
	enums := l.dups()
	for _, e := range db.Enums {
		obj := "enum " + e.QName().String()
		if db.Dialect == SQLServer {
			l.errorf(e.Pos, obj, "use a string column with a check constraint", "enums are a PostgreSQL feature")
		}
		enums.add(e.QName().String(), e.Pos, obj, "enum "+e.QName().String()+" is declared twice")
		values := l.dups()
		for i, v := range e.Values {
			values.add(v, l.at(e, fmt.Sprintf("values.%d", i), e.Pos), obj, fmt.Sprintf("duplicate value %q", v))
		}
	}
	// Tables are checked on all cores, each by a loader of its own; their
	// diagnostics are joined in table order, with the index names that
	// must be unique per schema (PostgreSQL) checked while joining, where
	// a check of one table after the other would have reported them.
	type checked struct {
		diags   Diagnostics
		indexes []dupName
	}
	results := make([]checked, len(db.Tables))
	parallel.Do(len(db.Tables), func(i int) {
		sub := &loader{pos: l.pos, names: l.names}
		indexes := sub.dups()
		r := &results[i]
		if db.Dialect == Postgres {
			indexes.later = &r.indexes
		}
		sub.validateTable(db, db.Tables[i], indexes)
		r.diags = sub.diags
	})
	tables := l.dups()
	indexesBySchema := map[string]dupChecker{}
	for i, t := range db.Tables {
		tables.add(t.QName().String(), t.Pos, "table "+t.QName().String(), "table "+t.QName().String()+" is declared twice")
		indexes, ok := indexesBySchema[t.Schema]
		if !ok {
			indexes = l.dups()
			indexesBySchema[t.Schema] = indexes
		}
		names := results[i].indexes
		for _, d := range results[i].diags {
			if d != (Diagnostic{}) {
				l.diags = append(l.diags, d)
				continue
			}
			indexes.add(names[0].key, names[0].pos, names[0].object, names[0].message)
			names = names[1:]
		}
	}
	l.validateViews(db, indexesBySchema)
	if db.Dialect == SQLServer {
		l.validateCascadePaths(db)
		l.validateSQLServerObjects(db)
	}
	l.validateFunctions(db)
	l.validatePolicies(db)
	l.validateTypeObjects(db)
}

// validateTable checks one table; indexes holds the index names of the scope
// where they must be unique (the schema on PostgreSQL, the table on SQL Server).
func (l *loader) validateTable(db *Database, t *Table, indexes dupChecker) {
	obj := "table " + t.QName().String()
	columns := l.dups()
	for _, c := range t.Columns {
		columns.add(c.Name, c.Pos, obj+" column "+c.Name, "duplicate column "+c.Name)
		l.validateColumn(db, t, c)
	}
	constraints := l.dups()
	if pk := t.PrimaryKey; pk != nil {
		o := obj + " primary key"
		constraints.add(pk.Name, pk.Pos, o, "duplicate constraint name "+pk.Name)
		l.columnRefs(t, pk, "columns", pk.Columns, pk.Pos, o)
		l.clustered(db, pk, pk.Clustered, pk.Pos, o)
	}
	for _, u := range t.Uniques {
		o := named(obj+" unique", u.Name)
		constraints.add(u.Name, u.Pos, o, "duplicate constraint name "+u.Name)
		l.columnRefs(t, u, "columns", u.Columns, u.Pos, o)
		l.clustered(db, u, u.Clustered, u.Pos, o)
	}
	for _, fk := range t.ForeignKeys {
		o := named(obj+" foreign key", fk.Name)
		constraints.add(fk.Name, fk.Pos, o, "duplicate constraint name "+fk.Name)
		l.validateForeignKey(db, t, fk, o)
		l.validateActionColumns(db, t, fk, o)
	}
	for _, ck := range t.Checks {
		constraints.add(ck.Name, ck.Pos, named(obj+" check", ck.Name), "duplicate constraint name "+ck.Name)
	}
	l.validateExcludes(db, t, obj, constraints)
	for _, ix := range t.Indexes {
		o := named(obj+" index", ix.Name)
		indexes.add(ix.Name, ix.Pos, o, "duplicate index name "+ix.Name)
		l.validateIndex(db, t, ix, o)
	}
	l.validateSQLServerAttrs(db, t, obj)
	l.validateTableOptions(db, t, obj)
	l.validatePartitioning(db, t, obj)
	l.validatePgAttrs(db, t, obj)
	if db.Dialect == SQLServer {
		l.oneClustered(t, obj)
		l.validateSQLServerKeys(t, obj)
	}
}

// oneClustered reports every object of a SQL Server table declared clustered
// after the first: a table has one clustered index (its rows' order). A
// primary key that says nothing is resolved by Normalize, not reported. A
// primary key has no filter and no INCLUDE columns in the model, so only
// indexes are checked for those.
func (l *loader) oneClustered(t *Table, obj string) {
	first := ""
	check := func(owner any, clustered *bool, pos Pos, what string) {
		if clustered == nil || !*clustered {
			return
		}
		if first != "" {
			l.errorf(l.at(owner, "clustered", pos), obj+" "+what, "make one of them clustered = false",
				"%s is clustered, but %s is clustered already: a table has one clustered index", what, first)
			return
		}
		first = what
	}
	if pk := t.PrimaryKey; pk != nil {
		check(pk, pk.Clustered, pk.Pos, named("primary key", pk.Name))
	}
	for _, u := range t.Uniques {
		check(u, u.Clustered, u.Pos, named("unique", u.Name))
	}
	for _, ix := range t.Indexes {
		check(ix, ix.Clustered, ix.Pos, named("index", ix.Name))
	}
}

func named(object, name string) string {
	if name == "" {
		return object
	}
	return object + " " + name
}

func (l *loader) validateColumn(db *Database, t *Table, c *Column) {
	obj := "table " + t.QName().String() + " column " + c.Name
	l.validateType(db, t, c, obj)
	if c.Identity != nil {
		at := l.at(c, "identity", c.Pos)
		if c.Computed != nil {
			l.errorf(at, obj, "keep one of identity and computed", "a column cannot be both identity and computed")
		}
		if c.Default != nil {
			l.errorf(at, obj, "remove the default: identity generates the values", "an identity column cannot have a default")
		}
		l.validateIdentity(db, c, obj, at)
	}
	if c.Computed != nil && c.Default != nil {
		l.errorf(l.at(c, "computed", c.Pos), obj, "remove the default: the expression computes the value", "a computed column cannot have a default")
	}
	for _, u := range []struct{ key, expr string }{{"using", c.Using}, {"using_down", c.UsingDown}} {
		if u.expr != "" && db.Dialect == SQLServer {
			l.otherDialect(l.at(c, u.key, c.Pos), obj, u.key, Postgres)
		}
	}
	if c.DefaultName != "" && db.Dialect == Postgres {
		l.otherDialect(l.at(c, "default_name", c.Pos), obj, "default_name", SQLServer)
	}
	if db.Dialect == SQLServer {
		l.validatePersisted(t, c, obj)
	}
}

// validateType checks that the column's type is one the dialect knows or an
// enum of the schema.
func (l *loader) validateType(db *Database, t *Table, c *Column, obj string) {
	if c.Type == "" {
		if c.Computed == nil || db.Dialect != SQLServer {
			l.errorf(c.Pos, obj, `add type = "..."`, "missing required attribute type")
		}
		return
	}
	base := c.Type
	for strings.HasSuffix(base, "[]") {
		base = strings.TrimSpace(strings.TrimSuffix(base, "[]"))
	}
	def := db.Dialect.DefaultSchema()
	if db.Dialect == Postgres && (l.names.Enum(ParseQName(base, def)) != nil || l.names.UserType(ParseQName(base, def))) {
		return
	}
	if _, err := CanonicalType(db.Dialect, c.Type); err != nil {
		hint := enumHint(db, base)
		if hint == "" && !strings.Contains(err.Error(), "did you mean") {
			hint = "use a type " + dialectTitle(db.Dialect) + " knows"
			if db.Dialect == Postgres {
				hint += ", or declare an enum of that name"
			}
		}
		l.errorf(l.at(c, "type", c.Pos), obj, hint, "%s", strings.TrimSuffix(err.Error(), "."))
	}
}

// enumHint suggests the enum a mistyped type name probably means.
func enumHint(db *Database, typ string) string {
	if db.Dialect != Postgres {
		return ""
	}
	def := db.Dialect.DefaultSchema()
	var names []string
	for _, e := range db.Enums {
		if !strings.Contains(typ, ".") && e.Name == typ {
			return "the enum lives in schema " + e.Schema + ": write " + e.QName().String()
		}
		if e.Schema == def {
			names = append(names, e.Name)
		}
		names = append(names, e.QName().String())
	}
	if m := nearest(typ, names); m != "" {
		return "did you mean " + m + "?"
	}
	return ""
}

func (l *loader) validateIndex(db *Database, t *Table, ix *Index, obj string) {
	for i, p := range ix.Parts {
		key := fmt.Sprintf("parts.%d", i)
		if p.Column != "" {
			l.columnRef(t, l.at(ix, key, ix.Pos), obj, p.Column)
		}
		if db.Dialect == SQLServer {
			if p.Expr != "" {
				l.errorf(l.at(ix, key+".expr", ix.Pos), obj, "index a computed column instead",
					"expression index parts are a PostgreSQL feature")
			}
			if p.Nulls != "" {
				l.otherDialect(l.at(ix, key+".nulls", ix.Pos), obj, "nulls", Postgres)
			}
		}
	}
	l.columnRefs(t, ix, "include", ix.Include, ix.Pos, obj)
	if ix.Using != "" && db.Dialect == SQLServer {
		l.otherDialect(l.at(ix, "using", ix.Pos), obj, "using", Postgres)
	}
	if db.Dialect == SQLServer && ix.Clustered != nil && *ix.Clustered {
		if len(ix.Include) > 0 {
			l.errorf(l.at(ix, "include", ix.Pos), obj, "remove include: a clustered index holds every column already",
				"a clustered index cannot have INCLUDE columns")
		}
		if ix.Where != "" {
			l.errorf(l.at(ix, "where", ix.Pos), obj, "remove where, or make the index clustered = false",
				"a clustered index cannot have a filter (where)")
		}
	}
	l.clustered(db, ix, ix.Clustered, ix.Pos, obj)
}

func (l *loader) validateForeignKey(db *Database, t *Table, fk *ForeignKey, obj string) {
	l.columnRefs(t, fk, "columns", fk.Columns, fk.Pos, obj)
	refAt := l.at(fk, "ref_table", fk.Pos)
	if len(fk.Columns) != len(fk.RefColumns) {
		l.errorf(l.at(fk, "ref_columns.0", refAt), obj, "list one referenced column for each column",
			"foreign key has %d columns but references %d", len(fk.Columns), len(fk.RefColumns))
	}
	for _, key := range []string{"on_delete", "on_update"} {
		v := fkAttr(fk, key)
		if v == "" {
			continue
		}
		at := l.at(fk, key, fk.Pos)
		switch a, ok := referentialAction(v); {
		case !ok:
			l.errorf(at, obj, "use one of NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT", "invalid %s %q", key, v)
		case a == "RESTRICT" && db.Dialect == SQLServer:
			l.errorf(at, obj, "use NO ACTION, which SQL Server checks the same way", "RESTRICT is a PostgreSQL option")
		}
	}
	if db.Dialect == SQLServer {
		if fk.Deferrable {
			l.otherDialect(l.at(fk, "deferrable", fk.Pos), obj, "deferrable", Postgres)
		}
		if fk.InitiallyDeferred {
			l.otherDialect(l.at(fk, "initially_deferred", fk.Pos), obj, "initially_deferred", Postgres)
		}
	}
	ref := l.names.Table(fk.RefQName())
	if ref == nil {
		var names []string
		for _, rt := range db.Tables {
			names = append(names, rt.QName().String())
		}
		hint := "declare the table, or fix the name"
		if m := nearest(fk.RefQName().String(), names); m != "" {
			hint = "did you mean " + m + "?"
		}
		l.errorf(refAt, obj, hint, "references missing table %s", fk.RefQName())
		return
	}
	missing := false
	for i, name := range fk.RefColumns {
		if !l.columnRef(ref, l.at(fk, fmt.Sprintf("ref_columns.%d", i), refAt), obj, name) {
			missing = true
		}
	}
	if !missing && len(fk.RefColumns) > 0 && !hasUniqueKey(ref, fk.RefColumns) {
		l.errorf(l.at(fk, "ref_columns.0", refAt), obj,
			fmt.Sprintf("add a primary key or unique constraint on (%s) to %s", strings.Join(fk.RefColumns, ", "), ref.QName()),
			"referenced columns are not a primary key or unique key of %s", ref.QName())
	}
}

// hasUniqueKey reports whether cols (in any order) are the primary key, a
// unique constraint or a plain unique index of t, as a foreign key needs.
func hasUniqueKey(t *Table, cols []string) bool {
	want := sortedCopy(cols)
	same := func(other []string) bool {
		got := sortedCopy(other)
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if got[i] != want[i] {
				return false
			}
		}
		return true
	}
	if t.PrimaryKey != nil && same(t.PrimaryKey.Columns) {
		return true
	}
	for _, u := range t.Uniques {
		if same(u.Columns) {
			return true
		}
	}
	if len(cols) == 1 {
		if c := t.Column(cols[0]); c != nil && c.Unique {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if !ix.Unique || ix.Where != "" {
			continue
		}
		var ixCols []string
		for _, p := range ix.Parts {
			if p.Column == "" {
				ixCols = nil
				break
			}
			ixCols = append(ixCols, p.Column)
		}
		if ixCols != nil && same(ixCols) {
			return true
		}
	}
	return false
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// columnRefs checks that each of names (the list key of owner) is a column of t.
func (l *loader) columnRefs(t *Table, owner any, key string, names []string, fallback Pos, obj string) {
	for i, name := range names {
		l.columnRef(t, l.at(owner, fmt.Sprintf("%s.%d", key, i), fallback), obj, name)
	}
}

// columnRef reports name at pos unless it is a column of t.
func (l *loader) columnRef(t *Table, pos Pos, obj, name string) bool {
	if t.Column(name) != nil || inheritedColumn(l.names, t, name) {
		return true
	}
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	hint := "declare the column in " + t.QName().String() + ", or fix the name"
	if m := nearest(name, names); m != "" {
		hint = "did you mean " + m + "?"
	}
	l.errorf(pos, obj, hint, "unknown column %q in %s", name, t.QName())
	return false
}

// clustered reports a clustered option on PostgreSQL.
func (l *loader) clustered(db *Database, owner any, v *bool, fallback Pos, obj string) {
	if v != nil && db.Dialect == Postgres {
		l.otherDialect(l.at(owner, "clustered", fallback), obj, "clustered", SQLServer)
	}
}

// otherDialect reports an option that only the other dialect has.
// validateIdentity checks an identity's sequence options: SQL Server's
// IDENTITY(seed, increment) has no other option; on PostgreSQL the options
// must make a sequence CREATE SEQUENCE accepts (increment not zero, cache at
// least 1, MINVALUE below MAXVALUE, START between them).
func (l *loader) validateIdentity(db *Database, c *Column, obj string, at Pos) {
	id := c.Identity
	if db.Dialect == SQLServer {
		for _, o := range []struct {
			key string
			set bool
		}{{"always", id.Always}, {"min_value", id.MinValue != nil}, {"max_value", id.MaxValue != nil}, {"cache", id.Cache != 0}, {"cycle", id.Cycle}} {
			if o.set {
				l.otherDialect(l.at(c, "identity."+o.key, at), obj, "identity "+o.key, Postgres)
			}
		}
		return
	}
	if id.Cache < 0 {
		l.errorf(l.at(c, "identity.cache", at), obj, "write cache = 1 or more", "identity cache must be at least 1, not %d", id.Cache)
	}
	if id.MinValue != nil && id.MaxValue != nil && *id.MinValue >= *id.MaxValue {
		l.errorf(l.at(c, "identity.min_value", at), obj, "make min_value less than max_value",
			"identity min_value %d must be less than max_value %d", *id.MinValue, *id.MaxValue)
	}
	if id.Seed != 0 && id.MinValue != nil && id.Seed < *id.MinValue {
		l.errorf(l.at(c, "identity.seed", at), obj, "make seed at least min_value (START value cannot be less than MINVALUE)",
			"identity seed %d is less than min_value %d", id.Seed, *id.MinValue)
	}
	if id.Seed != 0 && id.MaxValue != nil && id.Seed > *id.MaxValue {
		l.errorf(l.at(c, "identity.seed", at), obj, "make seed at most max_value (START value cannot be greater than MAXVALUE)",
			"identity seed %d is greater than max_value %d", id.Seed, *id.MaxValue)
	}
}

func (l *loader) otherDialect(pos Pos, obj, option string, owner Dialect) {
	l.errorf(pos, obj, "remove it: "+dialectTitle(oppositeDialect(owner))+" has no such option", "%s is a %s option", option, dialectTitle(owner))
}

func oppositeDialect(d Dialect) Dialect {
	if d == Postgres {
		return SQLServer
	}
	return Postgres
}

func dialectTitle(d Dialect) string {
	if d == SQLServer {
		return "SQL Server"
	}
	return "PostgreSQL"
}
