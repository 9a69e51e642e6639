package schema

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/internal/parallel"
)

// Normalize returns the canonical form of db (see the "canonical:" notes on the
// model's fields): a deep copy, so db itself is never modified. Normalizing a
// canonical database changes nothing. A database loaded from files and one
// read from a live database compare equal once normalized when they describe
// the same schema.
//
// Problems (a default that does not fit its column, a malformed type) are
// returned as Diagnostics naming the object; the returned database is then nil.
func Normalize(db *Database) (*Database, error) {
	if db == nil {
		return nil, fmt.Errorf("normalize: no database")
	}
	return NormalizeOwned(CloneDatabase(db))
}

// NormalizeOwned is Normalize without the copy: it normalizes db itself and
// returns it, for a caller that gives db up (a model just loaded or read from
// a database). The copy costs as much time and memory as the model: at 5,000
// tables it was a fifth of inspect's peak memory (docs/performance.md). After
// an error db is left half normalized.
func NormalizeOwned(db *Database) (*Database, error) {
	if db == nil {
		return nil, fmt.Errorf("normalize: no database")
	}
	switch db.Dialect {
	case "":
		db.Dialect = Postgres
	case Postgres, SQLServer:
	default:
		return nil, Diagnostics{{Message: fmt.Sprintf("unknown dialect %q", db.Dialect), Hint: `use "postgres" or "sqlserver"`}}
	}
	n := &normalizer{db: db, d: db.Dialect}
	n.run()
	if err := n.ds.Err(); err != nil {
		return nil, err
	}
	return db, nil
}

// normalizer carries one Normalize call.
type normalizer struct {
	db *Database
	d  Dialect
	ds Diagnostics

	// names looks up db's tables and enums, once their schemas are filled.
	names *Lookup
}

func (n *normalizer) errorf(pos Pos, object, hint, format string, args ...any) {
	n.ds = append(n.ds, Diagnostic{Pos: pos, Object: object, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (n *normalizer) run() {
	def := n.d.DefaultSchema()
	for _, e := range n.db.Enums {
		if e.Schema == "" {
			e.Schema = def
		}
	}
	for _, t := range n.db.Tables {
		if t.Schema == "" {
			t.Schema = def
		}
	}
	sort.SliceStable(n.db.Enums, func(i, j int) bool { return lessQName(n.db.Enums[i].QName(), n.db.Enums[j].QName()) })
	sort.SliceStable(n.db.Tables, func(i, j int) bool { return lessQName(n.db.Tables[i].QName(), n.db.Tables[j].QName()) })
	fillTypeObjectSchemas(n.db, def)
	n.names = NewLookup(n.db)
	// Partitions read their parents' column types: they are normalized
	// after the other tables, one at a time.
	n.eachTable(func(sub *normalizer, t *Table) {
		if t.PartitionOf == nil {
			sub.table(t)
		}
	})
	for _, t := range n.db.Tables {
		if t.PartitionOf != nil {
			n.table(t)
		}
	}
	n.normalizePartitioning()
	n.normalizePolicies()
	n.typeObjects()
	if n.d == Postgres {
		n.namePG()
		n.replicaIdentityIndexes()
	} else {
		n.nameSQLServer()
		n.sqlserverObjects()
	}
	n.eachTable(func(_ *normalizer, t *Table) {
		sortByName(t.Uniques, func(u *Unique) string { return u.Name + "\x00" + strings.Join(u.Columns, ",") })
		sortByName(t.Indexes, func(x *Index) string { return x.Name + "\x00" + indexKey(x) })
		sortByName(t.Checks, func(c *Check) string { return c.Name + "\x00" + c.Expr })
		sortByName(t.Excludes, func(x *Exclude) string { return x.Name })
		sortByName(t.ForeignKeys, func(f *ForeignKey) string { return f.Name + "\x00" + strings.Join(f.Columns, ",") })
	})
	if n.d == Postgres { // SQL Server's: sqlserverObjects
		n.views()
		n.functions()
	}
	n.schemas()
}

// eachTable calls do for every table, on all cores: do changes only its
// table, and reports through sub, a normalizer of its own whose
// diagnostics are joined in table order (so they do not depend on timing).
func (n *normalizer) eachTable(do func(sub *normalizer, t *Table)) {
	ds := make([]Diagnostics, len(n.db.Tables))
	parallel.Do(len(n.db.Tables), func(i int) {
		sub := &normalizer{db: n.db, d: n.d, names: n.names}
		do(sub, n.db.Tables[i])
		ds[i] = sub.ds
	})
	for _, d := range ds {
		n.ds = append(n.ds, d...)
	}
}

func lessQName(a, b QName) bool {
	if a.Schema != b.Schema {
		return a.Schema < b.Schema
	}
	return a.Name < b.Name
}

func sortByName[T any](xs []T, key func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

func indexKey(x *Index) string {
	var b strings.Builder
	for _, p := range x.Parts {
		b.WriteString(p.Column + "\x01" + p.Expr + ",")
	}
	return b.String()
}

// schemas lists every schema in use plus the declared ones, sorted.
func (n *normalizer) schemas() {
	have := map[string]bool{}
	for _, s := range n.db.Schemas {
		have[s.Name] = true
	}
	add := func(name string) {
		if !have[name] {
			have[name] = true
			n.db.Schemas = append(n.db.Schemas, &Schema{Name: name})
		}
	}
	for _, e := range n.db.Enums {
		add(e.Schema)
	}
	for _, t := range n.db.Tables {
		add(t.Schema)
	}
	for _, v := range n.db.Views {
		add(v.Schema)
	}
	for _, f := range n.db.Functions {
		add(f.Schema)
	}
	for _, name := range typeObjectSchemas(n.db) {
		add(name)
	}
	sort.SliceStable(n.db.Schemas, func(i, j int) bool { return n.db.Schemas[i].Name < n.db.Schemas[j].Name })
}

// colTypes maps a table's column names to their canonical types.
func colTypes(t *Table) map[string]string {
	m := make(map[string]string, len(t.Columns))
	for _, c := range t.Columns {
		m[c.Name] = c.Type
	}
	return m
}

func (n *normalizer) table(t *Table) {
	obj := "table " + t.QName().String()
	for _, c := range t.Columns {
		n.column(t, c, obj+" column "+c.Name)
	}
	normalizeTableOptions(t)
	cols := n.columnTypes(t)
	expr := func(s string) string { return normalizeExpr(n.d, s, cols) }
	for _, c := range t.Columns {
		if c.Computed != nil {
			keepSource(&c.Computed.Source, c.Computed.Expr)
			c.Computed.Expr = expr(c.Computed.Expr)
			if n.d == Postgres {
				c.Computed.Persisted = true
			}
		}
		if c.Default != nil && c.Default.Kind == DefaultExpr {
			keepSource(&c.Default.Source, c.Default.Value)
			c.Default.Value = expr(c.Default.Value)
		}
	}
	for _, ch := range t.Checks {
		keepSource(&ch.Source, ch.Expr)
		ch.Expr = expr(ch.Expr)
	}
	n.indexes(t.Indexes, expr)
	n.excludes(t, expr)
	for _, f := range t.ForeignKeys {
		if f.RefSchema == "" {
			f.RefSchema = n.d.DefaultSchema()
			if n.names.Table(QName{t.Schema, f.RefTable}) != nil {
				f.RefSchema = t.Schema
			}
		}
		f.OnDelete = fkAction(f.OnDelete)
		f.OnUpdate = fkAction(f.OnUpdate)
	}
	if t.PrimaryKey != nil && n.d == Postgres {
		t.PrimaryKey.Clustered = nil
	}
	normalizePgAttrs(t)
	n.uniqueShorthands(t)
	normalizeSQLServerAttrs(t)
}

// indexes puts the WHERE, method and keys of indexes (of a table or a
// materialized view) in canonical form; expr normalizes their expressions.
func (n *normalizer) indexes(indexes []*Index, expr func(string) string) {
	for _, x := range indexes {
		if x.Where != "" {
			keepSource(&x.WhereSource, x.Where)
			x.Where = expr(x.Where)
		} else {
			x.WhereSource = ""
		}
		x.Using = strings.ToLower(strings.TrimSpace(x.Using))
		if x.Using == "btree" {
			x.Using = ""
		}
		for i := range x.Parts {
			n.keyPart(&x.Parts[i], expr)
		}
	}
}

// keyPart puts an index key (of an index or an exclusion constraint) in
// canonical form: an expression that is a lone column is the column, and
// NULLS is left out where it is the default for the direction.
func (n *normalizer) keyPart(p *IndexPart, expr func(string) string) {
	if p.Expr != "" {
		keepSource(&p.ExprSource, p.Expr)
		p.Expr = expr(p.Expr)
		if toks, err := tokenize(n.d, p.Expr); err == nil && len(toks) == 1 && (toks[0].kind == tIdent || toks[0].kind == tQIdent) {
			p.Column, p.Expr, p.ExprSource = toks[0].text, "", ""
		}
	}
	p.Nulls = strings.ToLower(strings.TrimSpace(p.Nulls))
	if p.Nulls == "last" && !p.Desc || p.Nulls == "first" && p.Desc || n.d == SQLServer {
		p.Nulls = ""
	}
}

// keepSource records text, trimmed, as the source text of an expression
// about to be canonicalized, unless a source text is already there (a
// canonical database keeps the text it was first given).
func keepSource(source *SourceText, text string) {
	if *source == "" {
		*source = SourceText(strings.TrimSpace(text))
	}
}

// fkAction spells a referential action canonically.
func fkAction(a string) string {
	a = strings.ToUpper(strings.Join(strings.Fields(a), " "))
	if a == "" {
		return "NO ACTION"
	}
	return a
}

// uniqueShorthands turns column `unique = true` into Table.Uniques entries,
// unless the primary key or a unique constraint already covers that column
// alone (PostgreSQL then creates no second constraint either).
func (n *normalizer) uniqueShorthands(t *Table) {
	covered := func(col string) bool {
		if t.PrimaryKey != nil && len(t.PrimaryKey.Columns) == 1 && t.PrimaryKey.Columns[0] == col {
			return true
		}
		for _, u := range t.Uniques {
			if len(u.Columns) == 1 && u.Columns[0] == col {
				return true
			}
		}
		return false
	}
	for _, c := range t.Columns {
		if !c.Unique {
			continue
		}
		c.Unique = false
		if !covered(c.Name) {
			t.Uniques = append(t.Uniques, &Unique{Columns: []string{c.Name}, Pos: c.Pos})
		}
	}
}

func (n *normalizer) column(t *Table, c *Column, obj string) {
	// A SQL Server computed column may leave its type to the expression.
	if !(c.Type == "" && c.Computed != nil && n.d == SQLServer) {
		c.Type = n.columnType(t, c, obj)
	}
	// canonical: SQL Server derives the nullability of a computed column that
	// is not PERSISTED from its expression (sys.columns.is_nullable), and
	// CREATE TABLE cannot declare it ("Only PERSISTED computed columns can
	// be NOT NULL", CREATE TABLE computed_column_definition, Microsoft
	// Learn): it is not the schema's to set, so it reads as nullable.
	if n.d == SQLServer && c.Computed != nil && !c.Computed.Persisted {
		c.Null = true
	}
	if strings.EqualFold(c.Collation, "default") {
		c.Collation = ""
	}
	if c.Identity != nil && n.d == Postgres {
		CanonicalIdentity(c.Type, c.Identity)
	} else if c.Identity != nil {
		if c.Identity.Seed == 0 {
			c.Identity.Seed = 1
		}
		if c.Identity.Increment == 0 {
			c.Identity.Increment = 1
		}
	}
	if c.Default != nil {
		n.columnDefault(c, obj)
	}
	if n.d == Postgres {
		c.DefaultName = ""
	}
}

// columnType canonicalizes a column type: built-in spellings as CanonicalType,
// enum names qualified (the table's schema first, then the default schema).
// Other well-formed type names (extension types, domains) are kept as written.
func (n *normalizer) columnType(t *Table, c *Column, obj string) string {
	typ := strings.TrimSpace(c.Type)
	base, arr := typ, ""
	for strings.HasSuffix(base, "]") {
		i := strings.LastIndexByte(base, '[')
		if i < 0 {
			break
		}
		base, arr = strings.TrimSpace(base[:i]), "[]"
	}
	if n.d == Postgres && base != "" && !strings.Contains(base, ".") {
		for _, s := range []string{t.Schema, n.d.DefaultSchema()} {
			if n.names.Enum(QName{s, base}) != nil || n.names.UserType(QName{s, base}) {
				return s + "." + base + arr
			}
		}
	}
	canon, err := CanonicalType(n.d, typ)
	if err == nil {
		return canon
	}
	if isUserTypeName(base) {
		return base + arr
	}
	n.errorf(c.Pos, obj, "use a built-in type or an enum of this schema", "%v", err)
	return typ
}

// isUserTypeName reports whether s is a plausible (optionally qualified) type
// name: letters, digits, underscores and one dot, nothing that could carry SQL.
func isUserTypeName(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) > 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || !(p[0] == '_' || p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z') {
			return false
		}
		for i := 0; i < len(p); i++ {
			if !isIdentChar(p[i]) || p[i] == '$' {
				return false
			}
		}
	}
	return true
}

// columnDefault brings a default to canonical form: a literal (possibly cast
// and parenthesized, as databases store it) becomes a literal whose kind
// follows the column's type; anything else stays an expression.
func (n *normalizer) columnDefault(c *Column, obj string) {
	d := c.Default
	cls := classOf(n.d, c.Type)
	if strings.HasSuffix(c.Type, "serial") && d.Kind == DefaultExpr && strings.HasPrefix(strings.ToLower(strings.TrimSpace(d.Value)), "nextval(") {
		c.Default = nil // implied by the serial type
		return
	}
	kind, val := d.Kind, d.Value
	if kind == DefaultExpr && n.d == Postgres && isNullLiteral(n.d, val) {
		c.Default = nil // PostgreSQL stores no default for DEFAULT NULL
		return
	}
	if kind == DefaultExpr {
		lit, ok := literalDefault(n.d, val)
		if !ok || n.d == Postgres && changesTimeMeaning(lit.cast, c.Type) {
			return
		}
		kind, val = lit.kind, lit.val
	}
	switch cls {
	case classInteger, classNumber:
		if kind == DefaultBool || !isNumberText(val) {
			n.errorf(c.Pos, obj, "write a number, or an expression with sql(...)", "default %q is not a number, but the column is of type %s", val, c.Type)
			return
		}
		c.Default = &Default{Kind: DefaultNumber, Value: numberValue(strings.TrimSpace(val))}
		if n.d == Postgres && d.Kind == DefaultExpr && isNumberText(val) {
			// The text as written keeps its scale: 0.0 on an unconstrained
			// numeric stores 0.0, not 0 (the renderer prints it).
			c.Default.Source = SourceText(strings.TrimSpace(val))
		}
	case classBool:
		b, ok := boolText(val)
		if !ok {
			n.errorf(c.Pos, obj, "write true or false", "default %q is not a boolean, but the column is of type %s", val, c.Type)
			return
		}
		c.Default = &Default{Kind: DefaultBool, Value: strconv.FormatBool(b)}
	default:
		written := val
		if n.d == Postgres {
			val = pgLiteralText(c.Type, val) // as PostgreSQL stores it
		}
		c.Default = &Default{Kind: DefaultString, Value: val}
		if val != written {
			// Rendered as written: a timestamp's zone offset is not in Value.
			c.Default.Source = SourceText(written)
		}
	}
}

// numberValue writes a numeric default by its value: canonicalNumber without
// trailing fractional zeros, so that a file's 1.50 (which HCL and YAML read as
// the number 1.5) equals the 1.50 PostgreSQL stores. The column's type, not
// the literal, fixes the scale of the stored values.
func numberValue(s string) string {
	s = canonicalNumber(s)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// defaultLit is the literal a default expression boils down to.
type defaultLit struct {
	kind DefaultKind
	val  string
	cast string // the canonical type of the outermost cast on it ("" when none)
}

// isPgTimeType reports whether typ is one of PostgreSQL's date and time
// types: a conversion between two of them (timestamp → timestamptz,
// timestamptz → date, …) depends on the session's TimeZone, so a literal
// cast to one of them as the default of a column of another is not the same
// as the bare literal.
func isPgTimeType(typ string) bool {
	switch typ {
	case "date", "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone":
		return true
	}
	return false
}

// changesTimeMeaning reports whether a default literal cast to type cast
// means something else than the bare literal would on a column of type
// colType: both are date/time types and differ (typmods aside).
func changesTimeMeaning(cast, colType string) bool {
	cast, colType = StripTypmods(cast), StripTypmods(colType)
	return isPgTimeType(cast) && isPgTimeType(colType) && cast != colType
}

// StripTypmods returns a type spelling without its modifiers (parenthesized
// parts), spaces collapsed: "timestamp(3) with time zone" → "timestamp with
// time zone", "numeric(10,2)" → "numeric".
func StripTypmods(typ string) string {
	var b strings.Builder
	depth := 0
	for _, r := range typ {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// literalDefault recognizes a default expression that is only a literal:
// 'x', 'x'::type, (0), ((0)), '-1'::integer, -1.5, false, N'x'.
func literalDefault(d Dialect, expr string) (defaultLit, bool) {
	toks, err := tokenize(d, expr)
	if err != nil {
		return defaultLit{}, false
	}
	x, err := parseTokens(d, toks)
	if err != nil {
		return defaultLit{}, false
	}
	cast := ""
	for {
		c, ok := x.(*castNode)
		if !ok {
			break
		}
		if cast == "" {
			cast = c.typ
		}
		x = c.x
	}
	l, ok := x.(*litNode)
	if !ok {
		return defaultLit{}, false
	}
	switch {
	case l.kind == litNum:
		return defaultLit{DefaultNumber, l.val, cast}, true
	case l.kind == litStr:
		return defaultLit{DefaultString, l.val, cast}, true
	case l.val == "true" || l.val == "false":
		return defaultLit{DefaultBool, l.val, cast}, true
	}
	return defaultLit{}, false
}

// isNullLiteral reports whether expr is only NULL, possibly cast and
// parenthesized: NULL, (NULL), NULL::integer.
func isNullLiteral(d Dialect, expr string) bool {
	toks, err := tokenize(d, expr)
	if err != nil {
		return false
	}
	x, err := parseTokens(d, toks)
	if err != nil {
		return false
	}
	l, ok := stripLitCast(x).(*litNode)
	return ok && l.kind == litKw && l.val == "null"
}

// boolText reads the spellings PostgreSQL and SQL Server accept for booleans.
func boolText(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "t", "yes", "y", "on", "1":
		return true, true
	case "false", "f", "no", "n", "off", "0":
		return false, true
	}
	return false, false
}

// namePG gives unnamed constraints and indexes the names PostgreSQL would
// choose, numbering clashes within a schema in the order PostgreSQL creates
// them (checks, primary key, uniques, foreign keys, then indexes).
func (n *normalizer) namePG() {
	rels := map[string]nameSet{} // relation names (tables, indexes) per schema
	cons := map[string]nameSet{} // constraint names per schema
	set := func(m map[string]nameSet, schema string) nameSet {
		if m[schema] == nil {
			m[schema] = nameSet{}
		}
		return m[schema]
	}
	for _, t := range n.db.Tables {
		r, c := set(rels, t.Schema), set(cons, t.Schema)
		r[t.Name] = true
		if pk := t.PrimaryKey; pk != nil && pk.Name != "" {
			r[pk.Name], c[pk.Name] = true, true
		}
		for _, u := range t.Uniques {
			if u.Name != "" {
				r[u.Name], c[u.Name] = true, true
			}
		}
		for _, x := range t.Indexes {
			if x.Name != "" {
				r[x.Name] = true
			}
		}
		for _, ch := range t.Checks {
			if ch.Name != "" {
				c[ch.Name] = true
			}
		}
		for _, x := range t.Excludes {
			if x.Name != "" {
				r[x.Name], c[x.Name] = true, true
			}
		}
		for _, f := range t.ForeignKeys {
			if f.Name != "" {
				c[f.Name] = true
			}
		}
	}
	for _, t := range n.db.Tables {
		r, c := rels[t.Schema], cons[t.Schema]
		for _, ch := range t.Checks {
			if ch.Name == "" {
				ch.Name = c.choose(t.Name, checkColumn(Postgres, t, ch.Expr), "check")
			}
		}
		// An index constraint's name must be free both as a relation and as a constraint.
		both := func(name2, label string) string {
			name := pgObjectName(t.Name, name2, label)
			for i := 1; r[name] || c[name]; i++ {
				name = pgObjectName(t.Name, name2, label+strconv.Itoa(i))
			}
			r[name], c[name] = true, true
			return name
		}
		if pk := t.PrimaryKey; pk != nil && pk.Name == "" {
			pk.Name = both("", "pkey")
		}
		for _, u := range t.Uniques {
			if u.Name == "" {
				u.Name = both(pgNameAddition(u.Columns), "key")
			}
		}
		for _, x := range t.Excludes {
			if x.Name == "" {
				x.Name = both(pgNameAddition(pgIndexColumnNames(x.Parts(), x.Include)), "excl")
			}
		}
		for _, f := range t.ForeignKeys {
			if f.Name == "" {
				f.Name = c.choose(t.Name, pgNameAddition(f.Columns), "fkey")
			}
		}
		for _, x := range t.Indexes {
			if x.Name == "" {
				x.Name = r.choose(t.Name, pgNameAddition(pgIndexColumnNames(x.Parts, x.Include)), "idx")
			}
		}
	}
}

// checkColumn is the column a check constraint is named after: the only
// column of t its expression (in dialect d) uses, or "" when it uses none or
// several.
func checkColumn(d Dialect, t *Table, expr string) string {
	var found []string
	for _, name := range exprColumns(d, expr) {
		if t.Column(name) != nil {
			found = append(found, name)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// nameSQLServer applies schemadiff's naming convention for the SQL Server
// objects whose generated names are random (see nameSQLServerObjects), and resolves clustering as SQL
// Server does: a primary key that says nothing is CLUSTERED unless another
// index or unique constraint of the table is (then NONCLUSTERED, written
// explicitly, with ClusteredImplied set so that diff can warn).
func (n *normalizer) nameSQLServer() {
	for _, t := range n.db.Tables {
		clusteredElsewhere := false
		for _, u := range t.Uniques {
			clusteredElsewhere = clusteredElsewhere || u.Clustered != nil && *u.Clustered
			if u.Clustered == nil {
				u.Clustered = new(bool)
			}
		}
		for _, x := range t.Indexes {
			clusteredElsewhere = clusteredElsewhere || x.Clustered != nil && *x.Clustered
			if x.Clustered == nil {
				x.Clustered = new(bool)
			}
		}
		if pk := t.PrimaryKey; pk != nil {
			if pk.Clustered == nil {
				v := !clusteredElsewhere
				pk.Clustered, pk.ClusteredImplied = &v, true
			}
		}
	}
	n.nameSQLServerObjects()
}

// CloneDatabase returns a deep copy of db, positions included: changing
// the copy never changes db.
func CloneDatabase(db *Database) *Database {
	out := &Database{Dialect: db.Dialect, Warnings: append([]Warning(nil), db.Warnings...),
		Dependents: append([]Dependent(nil), db.Dependents...)}
	for _, s := range db.Schemas {
		c := *s
		out.Schemas = append(out.Schemas, &c)
	}
	for _, e := range db.Enums {
		c := *e
		c.Values = append([]string(nil), e.Values...)
		out.Enums = append(out.Enums, &c)
	}
	if len(db.Tables) > 0 {
		out.Tables = make([]*Table, len(db.Tables))
	}
	parallel.Do(len(db.Tables), func(i int) { out.Tables[i] = cloneTable(db.Tables[i]) })
	cloneObjects(out, db)
	return out
}

func cloneBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	v := *b
	return &v
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string{}, s...)
}

// cloneIndex returns a copy of x that shares nothing mutable with it.
func cloneIndex(x *Index) *Index {
	c := *x
	c.Parts = append([]IndexPart(nil), x.Parts...)
	c.Include = cloneStrings(x.Include)
	c.Clustered = cloneBool(x.Clustered)
	return &c
}

func cloneTable(t *Table) *Table {
	out := *t
	out.Columns, out.Uniques, out.Indexes, out.ForeignKeys, out.Checks, out.Excludes = nil, nil, nil, nil, nil, nil
	if t.PartitionBy != nil {
		p := *t.PartitionBy
		p.Keys = append([]IndexPart(nil), p.Keys...)
		out.PartitionBy = &p
	}
	if t.PartitionOf != nil {
		p := *t.PartitionOf
		out.PartitionOf = &p
	}
	for _, c := range t.Columns {
		cc := *c
		if c.Default != nil {
			d := *c.Default
			cc.Default = &d
		}
		if c.Identity != nil {
			id := *c.Identity
			cc.Identity = &id
		}
		if c.Computed != nil {
			cp := *c.Computed
			cc.Computed = &cp
		}
		out.Columns = append(out.Columns, &cc)
	}
	if t.PrimaryKey != nil {
		pk := *t.PrimaryKey
		pk.Columns = cloneStrings(pk.Columns)
		pk.Clustered = cloneBool(pk.Clustered)
		pk.Desc = cloneStrings(pk.Desc)
		out.PrimaryKey = &pk
	}
	for _, u := range t.Uniques {
		c := *u
		c.Columns = cloneStrings(u.Columns)
		c.Clustered = cloneBool(u.Clustered)
		c.Desc = cloneStrings(u.Desc)
		out.Uniques = append(out.Uniques, &c)
	}
	for _, x := range t.Indexes {
		out.Indexes = append(out.Indexes, cloneIndex(x))
	}
	for _, f := range t.ForeignKeys {
		c := *f
		c.Columns = cloneStrings(f.Columns)
		c.RefColumns = cloneStrings(f.RefColumns)
		out.ForeignKeys = append(out.ForeignKeys, &c)
	}
	for _, ch := range t.Checks {
		c := *ch
		out.Checks = append(out.Checks, &c)
	}
	for _, x := range t.Excludes {
		c := *x
		c.Elements = append([]ExcludeElement(nil), x.Elements...)
		c.Include = cloneStrings(x.Include)
		c.With = cloneStrings(x.With)
		out.Excludes = append(out.Excludes, &c)
	}
	return &out
}
