package schema

import (
	"fmt"
	"slices"
	"strings"
)

// This file holds declarative partitioning (PostgreSQL): a table's
// partition_by block and a partition's partition_of block
// (https://www.postgresql.org/docs/15/ddl-partitioning.html,
// https://www.postgresql.org/docs/15/sql-createtable.html).

// partitionStrategies are the values of Partitioning.Strategy.
var partitionStrategies = []string{"range", "list", "hash"}

// loadPartitioning reads the partition_by { strategy = "range"  columns =
// [...] } (or on { expr = "..." } blocks) and partition_of { parent =
// "events"  bound = "FOR VALUES …" } blocks of a table.
func (l *loader) loadPartitioning(o object, t *Table) {
	if c, ok := o.child("partition_by"); ok {
		c.label(0, 0)
		p := &Partitioning{}
		l.setPos(t, "partition_by", c.pos())
		var pos Pos
		p.Strategy, pos = l.required(c, "strategy", `add strategy = "range" (or "list", "hash")`)
		l.setPos(p, "strategy", pos)
		p.Keys = l.keyParts(c, p, "keys", "a partition key", true, func(op object, part IndexPart) {
			if part.Desc || part.Nulls != "" {
				l.errorf(op.pos(), op.desc(), "remove desc and nulls", "a partition key has no sort order")
			}
		})
		c.done()
		t.PartitionBy = p
	}
	if c, ok := o.child("partition_of"); ok {
		c.label(0, 0)
		p := &PartitionOf{}
		l.setPos(t, "partition_of", c.pos())
		var pos Pos
		p.Parent, pos = l.required(c, "parent", `add parent = "table" (or "schema.table")`)
		l.setPos(p, "parent", pos)
		p.Bound, pos = l.required(c, "bound", `add bound = "FOR VALUES FROM (…) TO (…)" (or IN (…), WITH (MODULUS m, REMAINDER r), "DEFAULT")`)
		l.setPos(p, "bound", pos)
		c.done()
		t.PartitionOf = p
	}
}

// partitionParent returns the table a partition's partition_of names
// (unqualified: in the partition's schema), or nil.
func partitionParent(names *Lookup, t *Table) *Table {
	if t.PartitionOf == nil || names == nil {
		return nil
	}
	return names.Table(ParseQName(t.PartitionOf.Parent, t.Schema))
}

// inheritedColumn reports whether name is a column t inherits as a
// partition (a column of its parent, or of the parent's parent).
func inheritedColumn(names *Lookup, t *Table, name string) bool {
	for p, depth := partitionParent(names, t), 0; p != nil && depth < 32; p, depth = partitionParent(names, p), depth+1 {
		if p.Column(name) != nil {
			return true
		}
	}
	return false
}

// validatePartitioning checks partition_by and partition_of of t: the
// dialect is PostgreSQL; the strategy is known and the key names columns of
// t; a hash key takes no DEFAULT partition; primary keys and unique
// constraints include every key column and the key has no expression
// (PostgreSQL: "unique constraint on partitioned table must include all
// partitioning columns"); a partition's parent is declared and partitioned,
// the partition declares no columns of its own (it has its parent's) and
// its bound is DEFAULT or FOR VALUES ….
func (l *loader) validatePartitioning(db *Database, t *Table, obj string) {
	if p := t.PartitionBy; p != nil {
		at := l.at(t, "partition_by", t.Pos)
		if db.Dialect != Postgres {
			l.otherDialect(at, obj, "partition_by", Postgres)
			return
		}
		if s := strings.ToLower(p.Strategy); p.Strategy != "" && !slices.Contains(partitionStrategies, s) {
			l.errorf(l.at(p, "strategy", at), obj, `use "range", "list" or "hash"`, "invalid partition strategy %q", p.Strategy)
		}
		if strings.EqualFold(p.Strategy, "list") && len(p.Keys) > 1 {
			l.errorf(at, obj, "partition by one column or expression", "a list partition key takes one column (PostgreSQL: cannot use \"list\" partition strategy with more than one column)")
		}
		var keyCols []string
		expr := false
		for i, k := range p.Keys {
			if k.Column != "" {
				if l.columnRef(t, l.at(p, fmt.Sprintf("keys.%d", i), at), obj+" partition key", k.Column) {
					keyCols = append(keyCols, k.Column)
				}
			} else {
				expr = true
			}
		}
		l.keysCoverPartitioning(t, obj, keyCols, expr)
	}
	po := t.PartitionOf
	if po == nil {
		return
	}
	at := l.at(t, "partition_of", t.Pos)
	if db.Dialect != Postgres {
		l.otherDialect(at, obj, "partition_of", Postgres)
		return
	}
	parent := partitionParent(l.names, t)
	switch {
	case po.Parent == "":
	case parent == nil:
		l.errorf(l.at(po, "parent", at), obj, "declare the partitioned table, or fix the name", "unknown parent table %s", ParseQName(po.Parent, t.Schema))
	case parent.PartitionBy == nil:
		l.errorf(l.at(po, "parent", at), obj, "add a partition_by block to "+parent.QName().String(), "parent table %s is not partitioned", parent.QName())
	case parent == t:
		l.errorf(l.at(po, "parent", at), obj, "name another table", "a table cannot be a partition of itself")
	}
	for _, c := range t.Columns {
		l.errorf(c.Pos, obj+" column "+c.Name, "remove it: a partition has the columns of its parent (declare them there)", "a partition declares no columns")
	}
	b := strings.ToUpper(strings.Join(strings.Fields(po.Bound), " "))
	if po.Bound != "" && b != "DEFAULT" && !strings.HasPrefix(b, "FOR VALUES ") {
		l.errorf(l.at(po, "bound", at), obj, `write "FOR VALUES FROM (…) TO (…)", "FOR VALUES IN (…)", "FOR VALUES WITH (MODULUS m, REMAINDER r)" or "DEFAULT"`, "invalid partition bound %q", po.Bound)
	}
	if b == "DEFAULT" && parent != nil && parent.PartitionBy != nil && strings.EqualFold(parent.PartitionBy.Strategy, "hash") {
		l.errorf(l.at(po, "bound", at), obj, "give the partition a FOR VALUES WITH (MODULUS m, REMAINDER r) bound", "a hash-partitioned table has no default partition")
	}
}

// keysCoverPartitioning reports each primary key, unique constraint and
// unique index of the partitioned table t that leaves out a column of its
// partition key, or any key when the partition key has an expression
// (PostgreSQL: "unsupported PRIMARY KEY constraint with partition key
// definition").
func (l *loader) keysCoverPartitioning(t *Table, obj string, keyCols []string, expr bool) {
	check := func(owner any, pos Pos, what string, cols []string) {
		at := l.at(owner, "columns.0", pos)
		if expr {
			l.errorf(at, obj+" "+what, "partition by columns only, or drop the key", "a %s cannot be built on a table partitioned by an expression", what)
			return
		}
		for _, k := range keyCols {
			if !slices.Contains(cols, k) {
				l.errorf(at, obj+" "+what, fmt.Sprintf("add %s to its columns", k),
					"a %s of a partitioned table must include every partition key column (PostgreSQL: unique constraint on partitioned table must include all partitioning columns); %s is missing", what, k)
			}
		}
	}
	if pk := t.PrimaryKey; pk != nil {
		check(pk, pk.Pos, "primary key", pk.Columns)
	}
	for _, u := range t.Uniques {
		check(u, u.Pos, named("unique", u.Name), u.Columns)
	}
	for _, c := range t.Columns {
		if c.Unique {
			check(c, c.Pos, "unique column "+c.Name, []string{c.Name})
		}
	}
	for _, x := range t.Indexes {
		if x.Unique {
			check(x, x.Pos, named("unique index", x.Name), keyColumnsOf(x))
		}
	}
}

// keyColumnsOf returns the columns of an index's key parts.
func keyColumnsOf(x *Index) []string {
	var cols []string
	for _, p := range x.Parts {
		if p.Column != "" {
			cols = append(cols, p.Column)
		}
	}
	return cols
}

// columnTypes maps the column names of t to their canonical types; a
// partition has its parent's columns.
func (n *normalizer) columnTypes(t *Table) map[string]string {
	cols := colTypes(t)
	for p, depth := partitionParent(n.names, t), 0; p != nil && depth < 32; p, depth = partitionParent(n.names, p), depth+1 {
		for _, c := range p.Columns {
			if _, ok := cols[c.Name]; !ok {
				cols[c.Name] = c.Type
			}
		}
	}
	return cols
}

// normalizePartitioning brings the partition_by and partition_of of every
// table to canonical form (see Partitioning, PartitionOf): strategy lower
// case, keys as index keys, the parent qualified, the bound as PostgreSQL
// prints it (pg_get_expr of relpartbound), given the key's types.
func (n *normalizer) normalizePartitioning() {
	for _, t := range n.db.Tables {
		if p := t.PartitionBy; p != nil {
			p.Strategy = strings.ToLower(strings.TrimSpace(p.Strategy))
			cols := n.columnTypes(t)
			for i := range p.Keys {
				n.keyPart(&p.Keys[i], func(s string) string { return normalizeExpr(n.d, s, cols) })
				p.Keys[i].ExprSource = "" // a key is compared and written as PostgreSQL prints it
				p.Keys[i].Opclass = CanonicalOpclass(p.Keys[i].Opclass)
			}
		}
	}
	for _, t := range n.db.Tables {
		po := t.PartitionOf
		if po == nil {
			continue
		}
		parent := partitionParent(n.names, t)
		po.Parent = ParseQName(po.Parent, t.Schema).String()
		var types []string
		if parent != nil && parent.PartitionBy != nil {
			cols := n.columnTypes(parent)
			for _, k := range parent.PartitionBy.Keys {
				types = append(types, cols[k.Column]) // "" for an expression
			}
		}
		po.Bound = CanonicalPartitionBound(po.Bound, types)
	}
}

// CanonicalPartitionBound spells a partition bound as PostgreSQL prints it
// (pg_get_expr of pg_class.relpartbound; partbounds.c): "DEFAULT", "FOR
// VALUES FROM (…) TO (…)", "FOR VALUES IN (…)", "FOR VALUES WITH (modulus
// m, remainder r)"; values are quoted literals, numbers of a numeric key
// column unquoted, MINVALUE, MAXVALUE and NULL upper case; a date-only
// value of a timestamp key gets its time 00:00:00. types are the key
// columns' canonical types, in key order ("" where unknown).
func CanonicalPartitionBound(bound string, types []string) string {
	toks := boundTokens(bound)
	if len(toks) == 1 && strings.EqualFold(toks[0], "default") {
		return "DEFAULT"
	}
	var out []string
	in, pos := false, 0 // in a list of IN; the key a value of FROM or TO is for
	prev := ""
	for _, tk := range toks {
		up := strings.ToUpper(tk)
		switch {
		case tk == "(":
			pos = 0
		case tk == ",":
			pos++
		case up == "IN":
			in = true
		case up == "FROM" || up == "TO" || up == "WITH":
			in = false
		}
		switch {
		case tk == "(" || tk == ")" || tk == ",":
			out = append(out, tk)
		case slices.Contains([]string{"FOR", "VALUES", "FROM", "TO", "IN", "WITH", "MINVALUE", "MAXVALUE", "NULL"}, up):
			out = append(out, up)
		case up == "MODULUS" || up == "REMAINDER":
			out = append(out, strings.ToLower(tk))
		case prev == "MODULUS" || prev == "REMAINDER":
			out = append(out, strings.Trim(tk, "'"))
		default:
			typ := ""
			switch {
			case in && len(types) > 0:
				typ = types[0]
			case !in && pos < len(types):
				typ = types[pos]
			}
			out = append(out, boundValue(tk, typ))
		}
		prev = up
	}
	s := strings.Join(out, " ")
	for _, r := range [][2]string{{"( ", "("}, {" )", ")"}, {" ,", ","}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

// boundTokens splits a bound into words, quoted literals (kept with their
// quotes, any ::cast dropped), parentheses and commas.
func boundTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')' || c == ',':
			out = append(out, string(c))
			i++
		case c == '\'':
			j := i + 1
			for j < len(s) {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			out = append(out, s[i:min(j+1, len(s))])
			i = j + 1
		case c == ':' && i+1 < len(s) && s[i+1] == ':': // a cast: dropped with its type
			i += 2
			for i < len(s) && !strings.ContainsRune(" \t\n(),", rune(s[i])) {
				i++
			}
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r(),'", rune(s[j])) && !(s[j] == ':' && j+1 < len(s) && s[j+1] == ':') {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

// boundValue spells one value of a bound for a key column of type typ.
func boundValue(v, typ string) string {
	quoted := strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'") && len(v) >= 2
	inner := v
	if quoted {
		inner = strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	base, _, _ := strings.Cut(typ, "(")
	switch base = strings.TrimSpace(base); {
	case slices.Contains([]string{"smallint", "integer", "bigint", "numeric", "real", "double precision"}, base):
		return inner
	case strings.HasPrefix(base, "timestamp") && len(inner) == len("2006-01-02"):
		inner += " 00:00:00"
	case base == "boolean":
		return strings.ToLower(inner)
	}
	return "'" + strings.ReplaceAll(inner, "'", "''") + "'"
}

// partitionKeyTree writes a partition_by block.
func partitionKeyTree(p *Partitioning) *wnode {
	n := &wnode{kind: "partition_by"}
	n.set("strategy", p.Strategy)
	plain := len(p.Keys) > 0
	var cols []string
	for _, k := range p.Keys {
		if k.Column == "" || k.Opclass != "" || k.Collation != "" {
			plain = false
		}
		cols = append(cols, k.Column)
	}
	if plain {
		n.set("columns", cols)
		return n
	}
	var parts []*wnode
	for _, k := range p.Keys {
		parts = append(parts, keyPartTree("on", k))
	}
	n.set("on", parts)
	return n
}

// partitionOfTree writes a partition_of block; the parent is unqualified
// when in the partition's schema.
func partitionOfTree(t *Table) *wnode {
	n := &wnode{kind: "partition_of"}
	parent := ParseQName(t.PartitionOf.Parent, t.Schema)
	if parent.Schema == t.Schema {
		n.set("parent", parent.Name)
	} else {
		n.set("parent", parent.String())
	}
	n.set("bound", t.PartitionOf.Bound)
	return n
}

// ParsePartitionKey reads a partition key as pg_get_partkeydef prints it,
// e.g. "RANGE (created_at)", "LIST (lower(name))", "HASH (a, (b + 1))":
// a key that is a lone (possibly quoted) identifier is a column, any other
// an expression.
func ParsePartitionKey(def string) *Partitioning {
	strategy, rest, _ := strings.Cut(def, " ")
	p := &Partitioning{Strategy: strings.ToLower(strategy)}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSuffix(strings.TrimPrefix(rest, "("), ")")
	for _, item := range splitTopLevel(rest) {
		item = strings.TrimSpace(item)
		if col, ok := loneIdent(item); ok {
			p.Keys = append(p.Keys, IndexPart{Column: col})
			continue
		}
		if strings.HasPrefix(item, "(") && strings.HasSuffix(item, ")") && len(splitTopLevel(item[1:len(item)-1])) == 1 {
			item = item[1 : len(item)-1]
		}
		p.Keys = append(p.Keys, IndexPart{Expr: item})
	}
	return p
}

// splitTopLevel splits s at the commas outside parentheses and quotes.
func splitTopLevel(s string) []string {
	var out []string
	depth, start, quote := 0, 0, byte(0)
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// loneIdent returns the identifier s is, unquoted, when s is one.
func loneIdent(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(strings.ReplaceAll(s[1:len(s)-1], `""`, ""), `"`) {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`), true
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '$')) {
			return "", false
		}
	}
	return s, s != ""
}

// Detached returns partition t as a table of its own once detached from
// parent: with the parent's columns, and as its own the copies of the
// parent's primary key, unique constraints and indexes on plain columns
// that PostgreSQL made for it, under the names PostgreSQL chose for them
// (ChooseIndexName: <table>_pkey, <table>_<columns>_key,
// <table>_<columns>_idx).
func Detached(t, parent *Table) *Table {
	c := cloneTable(t)
	c.PartitionOf = nil
	for _, col := range parent.Columns {
		cc := *col
		cc.Comment = ""
		c.Columns = append(c.Columns, &cc)
	}
	if pk := parent.PrimaryKey; pk != nil && c.PrimaryKey == nil {
		cp := *pk
		cp.Name, cp.Comment = t.Name+"_pkey", ""
		c.PrimaryKey = &cp
	}
	for _, u := range parent.Uniques {
		cu := *u
		cu.Name, cu.Comment = t.Name+"_"+strings.Join(u.Columns, "_")+"_key", ""
		c.Uniques = append(c.Uniques, &cu)
	}
	for _, x := range parent.Indexes {
		cols := keyColumnsOf(x)
		if len(cols) != len(x.Parts) {
			continue // an expression key: named after the expression
		}
		cx := *x
		cx.Name, cx.Comment = t.Name+"_"+strings.Join(cols, "_")+"_idx", ""
		c.Indexes = append(c.Indexes, &cx)
	}
	return c
}
