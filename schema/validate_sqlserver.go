package schema

import (
	"fmt"
	"strings"
)

// lobTypes are the SQL Server types no index key may hold (CREATE INDEX:
// "Columns that are of the large object (LOB) data types ntext, text,
// varchar(max), nvarchar(max), varbinary(max), xml, or image can't be
// specified as key columns for an index"; SQL Server refuses them with
// Msg 1919). They may still be INCLUDE columns.
var lobTypes = map[string]bool{
	"varchar(max)": true, "nvarchar(max)": true, "varbinary(max)": true,
	"xml": true, "text": true, "ntext": true, "image": true,
}

// isLOBColumn reports whether the column called name of t has a SQL Server
// large object type.
func isLOBColumn(t *Table, name string) (string, bool) {
	c := t.Column(name)
	if c == nil || c.Type == "" {
		return "", false
	}
	typ, err := CanonicalType(SQLServer, c.Type)
	if err != nil {
		return "", false
	}
	return typ, lobTypes[typ]
}

// lobKeys reports every column of names (the key list key of owner, an
// index's parts or a key constraint's columns) whose type is a large object
// type, which SQL Server refuses as an index key (Msg 1919).
func (l *loader) lobKeys(t *Table, owner any, key string, names []string, fallback Pos, obj string) {
	for i, name := range names {
		if typ, ok := isLOBColumn(t, name); ok {
			l.errorf(l.at(owner, fmt.Sprintf("%s.%d", key, i), fallback), obj,
				"make the column a bounded type such as nvarchar(450), or move it to include",
				"column %s is of type %s, which SQL Server cannot use as a key column (Msg 1919)", name, typ)
		}
	}
}

// validateSQLServerKeys checks what SQL Server refuses in the keys and the
// filters of a table's indexes and key constraints: large object key
// columns, and filters that use computed columns or convert the column
// side of a comparison.
func (l *loader) validateSQLServerKeys(t *Table, obj string) {
	if pk := t.PrimaryKey; pk != nil {
		l.lobKeys(t, pk, "columns", pk.Columns, pk.Pos, obj+" primary key")
	}
	for _, u := range t.Uniques {
		l.lobKeys(t, u, "columns", u.Columns, u.Pos, named(obj+" unique", u.Name))
	}
	for _, c := range t.Columns {
		if typ, ok := isLOBColumn(t, c.Name); ok && c.Unique {
			l.errorf(l.at(c, "unique", c.Pos), obj+" column "+c.Name, "remove unique, or make the column a bounded type such as nvarchar(450)",
				"a unique column cannot be of type %s, which SQL Server cannot use as a key column (Msg 1919)", typ)
		}
	}
	for _, ix := range t.Indexes {
		o := named(obj+" index", ix.Name)
		var keys []string
		for _, p := range ix.Parts {
			keys = append(keys, p.Column) // an expression part leaves "", no column
		}
		l.lobKeys(t, ix, "parts", keys, ix.Pos, o)
		if ix.Where != "" {
			l.validateFilter(t, ix, o)
		}
	}
}

// validateFilter checks the filter of a SQL Server index: it must follow the
// filtered-index grammar (see filterFault); it may not use a computed column
// ("You can't create a filtered index on a computed column"), and a
// comparison of a column with a literal may not convert its left side ("an
// error will occur if the conversion occurs on the left side of a comparison
// operator"): a string column compared with a number, or a string literal
// compared with a numeric or bit column, which by SQL Server's type
// precedence converts the string.
func (l *loader) validateFilter(t *Table, ix *Index, obj string) {
	pos := l.at(ix, "where", ix.Pos)
	var n node
	toks, err := tokenize(SQLServer, ix.Where)
	if err == nil {
		n, err = parseTokens(SQLServer, toks)
	}
	if err != nil {
		l.errorf(pos, obj, filterGrammarHint, "the filter %q is not one SQL Server's filtered-index grammar accepts (Msg 10735)", strings.TrimSpace(ix.Where))
		return
	}
	if what, hint := filterFault(n); what != "" {
		l.errorf(pos, obj, hint, "the filter %s, which SQL Server's filtered-index grammar does not allow (Msg 10735)", what)
		return
	}
	reported := map[string]bool{}
	walk(n, func(x node) {
		switch x := x.(type) {
		case *identNode:
			name := x.parts[len(x.parts)-1]
			if c := filterColumn(t, x); c != nil && c.Computed != nil && !reported[name] {
				reported[name] = true
				l.errorf(pos, obj, "filter on the columns the computed expression uses instead",
					"the filter uses computed column %s: SQL Server cannot filter an index on a computed column", c.Name)
			}
		case *binaryNode:
			if !cmpOps[x.op] {
				return
			}
			if lc, ok := x.l.(*identNode); ok {
				if lit, ok := x.r.(*litNode); ok && lit.kind == litNum {
					if c := filterColumn(t, lc); c != nil && columnClass(c) == classString {
						l.errorf(pos, obj, fmt.Sprintf("compare with a string literal: %s %s '%s'", c.Name, x.op, lit.val),
							"the filter compares string column %s with the number %s: SQL Server converts the column, the left side of the comparison, and refuses the filter", c.Name, lit.val)
					}
				}
			}
			if rc, ok := x.r.(*identNode); ok {
				if lit, ok := x.l.(*litNode); ok && lit.kind == litStr {
					if c := filterColumn(t, rc); c != nil && isNumericClass(columnClass(c)) {
						l.errorf(pos, obj, fmt.Sprintf("put the column on the left: %s %s '%s', or compare with a number", c.Name, mirrorOp(x.op), lit.val),
							"the filter compares the string '%s' with %s column %s: SQL Server converts the string, the left side of the comparison, and refuses the filter", lit.val, columnKind(c), c.Name)
					}
				}
			}
		}
	})
}

// filterGrammarHint says what a filtered index's WHERE may hold.
const filterGrammarHint = "compare columns with constants (=, <>, <, >, IN (…), IS [NOT] NULL), joined by AND"

// filterFault returns what in a parsed filter SQL Server's filtered-index
// grammar refuses, and a hint, or "" when it follows the grammar ("CREATE
// INDEX (Transact-SQL)", <filter_predicate>; "Create filtered indexes",
// Microsoft Learn): comparisons of a column with a constant (=, <>, !=, <,
// <=, >, >=, IS [NOT] NULL), column IN (constants), joined by AND (a
// constant may be converted: see filterConstant) — no OR
// (IN is the way to several values of one column; NOT BETWEEN is an OR),
// NOT, LIKE, arithmetic, function calls or comparisons of two columns. A
// constant on the left of a comparison is left to the conversion rules.
func filterFault(n node) (string, string) {
	isColumn := func(x node) bool { _, ok := x.(*identNode); return ok }
	isConst := filterConstant
	switch x := n.(type) {
	case *boolNode:
		if x.op == "or" {
			return "uses OR", "write column IN (…) for several values of one column, or create one index per branch"
		}
		for _, a := range x.args {
			if what, hint := filterFault(a); what != "" {
				return what, hint
			}
		}
		return "", ""
	case *binaryNode:
		if !cmpOps[x.op] {
			break
		}
		switch {
		case isColumn(x.l) && isColumn(x.r):
			return fmt.Sprintf("compares column %s with column %s", printNode(SQLServer, x.l, 0), printNode(SQLServer, x.r, 0)),
				"compare each column with a constant; a comparison of two columns belongs in a check constraint or a computed column"
		case isColumn(x.l) && isConst(x.r), isConst(x.l) && isColumn(x.r):
			return "", ""
		}
	case *isNode:
		if isColumn(x.x) && (x.test == "null" || x.test == "not null") {
			return "", ""
		}
	case *inNode:
		if x.not {
			return "uses NOT IN", "write column <> a AND column <> b"
		}
		ok := isColumn(x.x)
		for _, e := range x.elems {
			ok = ok && isConst(e)
		}
		if ok {
			return "", ""
		}
	case *unaryNode:
		if x.op == "not" {
			return "uses NOT", "write the comparison the other way round (<> for =, IS NOT NULL for IS NULL)"
		}
	}
	var call, like string
	walk(n, func(y node) {
		if f, ok := y.(*funcNode); ok && call == "" {
			call = strings.Join(f.name, ".")
		}
		if b, ok := y.(*binaryNode); ok && binaryPrec(b.op) == pLike && like == "" {
			like = strings.ToUpper(b.op)
		}
	})
	switch {
	case call != "":
		return "calls " + call + "()", "compare the column with a constant; for a computed condition, index a computed column instead"
	case like != "":
		return "uses " + like, "compare with =, <> or IN (…)"
	}
	return "holds " + printNode(SQLServer, n, 0), filterGrammarHint
}

// filterConstant reports whether x is a constant of a filter: a literal, or
// a literal converted with CAST or CONVERT ("write the filtered index
// expression with the data conversion operator (CAST or CONVERT) on the
// right side of the comparison operator", Create filtered indexes).
func filterConstant(x node) bool {
	switch x := x.(type) {
	case *litNode:
		return x.kind != litKw || x.val == "null"
	case *castNode:
		return filterConstant(x.x)
	case *funcNode:
		_, ok := convertType(x)
		return ok && filterConstant(x.args[1]) && filterConstant(x.args[2])
	}
	return false
}

// filterColumn returns the column of t an identifier of a filter names
// (unqualified, or qualified by anything: a filter sees one table), or nil.
func filterColumn(t *Table, id *identNode) *Column {
	name := id.parts[len(id.parts)-1]
	if c := t.Column(name); c != nil {
		return c
	}
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// columnClass classifies a SQL Server column by its declared type.
func columnClass(c *Column) typeClass {
	typ, err := CanonicalType(SQLServer, c.Type)
	if c.Type == "" || err != nil {
		return classOther
	}
	return classOf(SQLServer, typ)
}

// isNumericClass reports whether a SQL Server type class converts a string
// compared with it: numbers and bit.
func isNumericClass(k typeClass) bool {
	return k == classInteger || k == classNumber || k == classBool
}

// columnKind names the class of a numeric or bit column in messages.
func columnKind(c *Column) string {
	if columnClass(c) == classBool {
		return "bit"
	}
	return "numeric"
}

// mirrorOp returns the comparison operator with its sides swapped.
func mirrorOp(op string) string {
	switch op {
	case "<":
		return ">"
	case ">":
		return "<"
	case "<=":
		return ">="
	case ">=":
		return "<="
	}
	return op
}
