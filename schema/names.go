package schema

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// pgMaxIdent is the longest identifier PostgreSQL keeps (NAMEDATALEN - 1 bytes).
const pgMaxIdent = 63

// reservedWords are PostgreSQL's reserved key words: they cannot start an
// expression as a name.
var reservedWords = wordSet(`all analyse analyze and any array as asc asymmetric both case cast check
	collate column constraint create current_catalog current_date current_role current_time
	current_timestamp current_user default deferrable desc distinct do else end except false fetch
	for foreign from grant group having in initially intersect into lateral leading limit localtime
	localtimestamp not null offset on only or order placing primary references returning select
	session_user some symmetric table then to trailing true union unique user using variadic when
	where window with`)

// keywords are the PostgreSQL key words that are not "unreserved": an
// identifier spelled like one of them must be quoted (quote_ident does so).
var keywords = func() map[string]bool {
	m := wordSet(`authorization binary collation concurrently cross current_schema freeze full ilike
		inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose
		between bigint bit boolean char character coalesce dec decimal exists extract float greatest
		grouping inout int integer interval least national nchar none normalize nullif numeric out
		overlay position precision real row setof smallint substring time timestamp treat trim values
		varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi
		xmlroot xmlserialize xmltable`)
	for w := range reservedWords {
		m[w] = true
	}
	return m
}()

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// clipBytes cuts s to at most n bytes without splitting a UTF-8 character
// (PostgreSQL's pg_mbcliplen).
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// PostgresObjectName builds name1_name2_label as PostgreSQL's makeObjectName
// does (see pgObjectName); renderers use it for names PostgreSQL derives, such
// as the sequence of a serial column (<table>_<column>_seq).
func PostgresObjectName(name1, name2, label string) string {
	return pgObjectName(name1, name2, label)
}

// pgObjectName builds name1_name2_label the way PostgreSQL's makeObjectName
// does: when it is too long, the longer of name1 and name2 is shortened first,
// one byte at a time, so that the whole fits in 63 bytes. name2 may be empty.
func pgObjectName(name1, name2, label string) string {
	n1, n2 := len(name1), len(name2)
	overhead := 0
	if label != "" {
		overhead += len(label) + 1
	}
	if name2 != "" {
		overhead++
	}
	avail := pgMaxIdent - overhead
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	out := clipBytes(name1, n1)
	if name2 != "" {
		out += "_" + clipBytes(name2, n2)
	}
	if label != "" {
		out += "_" + label
	}
	return out
}

// pgNameAddition joins column names with "_" as PostgreSQL's
// ChooseIndexNameAddition does: it stops once the text reaches 63 bytes.
func pgNameAddition(names []string) string {
	var b strings.Builder
	for _, n := range names {
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(clipBytes(n, pgMaxIdent))
		if b.Len() >= pgMaxIdent+1 {
			break
		}
	}
	return b.String()
}

// nameSet holds the names taken in one schema, to number clashing generated
// names as PostgreSQL does (users_check, users_check1, …).
type nameSet map[string]bool

// choose returns the first free name of name1_name2_label, name1_name2_label1,
// …, and takes it.
func (s nameSet) choose(name1, name2, label string) string {
	name := pgObjectName(name1, name2, label)
	for i := 1; s[name]; i++ {
		name = pgObjectName(name1, name2, label+strconv.Itoa(i))
	}
	s[name] = true
	return name
}

// pgIndexColumnNames returns the names PostgreSQL gives the columns of an
// index (ChooseIndexColumnNames): key parts then INCLUDE columns, expressions
// named after their function ("lower") or "expr", clashes numbered.
func pgIndexColumnNames(parts []IndexPart, include []string) []string {
	var names []string
	taken := map[string]bool{}
	add := func(orig string) {
		name := orig
		for i := 1; taken[name]; i++ {
			suffix := strconv.Itoa(i)
			name = clipBytes(orig, pgMaxIdent-len(suffix)) + suffix
		}
		taken[name] = true
		names = append(names, name)
	}
	for _, p := range parts {
		if p.Column != "" {
			add(p.Column)
		} else {
			add(pgExprColumnName(p.Expr))
		}
	}
	for _, c := range include {
		add(c)
	}
	return names
}

// pgExprColumnName names an index expression as PostgreSQL's
// FigureIndexColname does: a column's name, a function's name, "case",
// "array", or "expr" for anything else.
func pgExprColumnName(expr string) string {
	toks, err := tokenize(Postgres, expr)
	if err != nil {
		return "expr"
	}
	n, err := parseTokens(Postgres, toks)
	if err != nil {
		return "expr"
	}
	if name, _ := figureColname(n); name != "" {
		return name
	}
	return "expr"
}

// pgInternalTypeNames are the names PostgreSQL's grammar gives built-in types
// written with SQL-standard spellings (the last part of a TypeCast's name).
var pgInternalTypeNames = map[string]string{
	"integer": "int4", "bigint": "int8", "smallint": "int2", "boolean": "bool", "real": "float4",
	"double precision": "float8", "character varying": "varchar", "character": "bpchar",
	"timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
	"time without time zone": "time", "time with time zone": "timetz",
}

// figureColname mirrors FigureColnameInternal; strength 0 means no name.
func figureColname(n node) (string, int) {
	switch n := n.(type) {
	case *identNode:
		return n.parts[len(n.parts)-1], 2
	case *funcNode:
		return n.name[len(n.name)-1], 2
	case *castNode:
		if name, strength := figureColname(n.x); strength > 1 {
			return name, strength
		}
		typ := strings.TrimSuffix(n.typ, "[]")
		if i := strings.IndexByte(typ, '('); i >= 0 {
			typ = typ[:i] + typ[strings.IndexByte(typ, ')')+1:]
		}
		if internal, ok := pgInternalTypeNames[typ]; ok {
			return internal, 1
		}
		if i := strings.LastIndexByte(typ, '.'); i >= 0 {
			typ = typ[i+1:]
		}
		return strings.Trim(typ, `"`), 1
	case *caseNode:
		return "case", 1
	case *arrayNode:
		return "array", 1
	case *rowNode:
		return "row", 1
	case *litNode:
		if n.kind == litKw && n.val != "true" && n.val != "false" && n.val != "null" {
			return n.val, 2
		}
	}
	return "", 0
}
