package schema

import "strings"

// This file reads the SELECT of a view without a database: NormalizeQuery
// brings a query to a canonical text, QueryRefs finds the relations and
// functions it names. Both work on the tokens of expr.go's tokenizer, with
// the expression normalizer for the expressions between the clauses.

// NormalizeQuery returns the canonical text of a PostgreSQL view query, so
// that a query as written in a schema file and the one pg_get_viewdef prints
// for it (https://www.postgresql.org/docs/15/functions-info.html) compare
// equal: whitespace, comments and keyword case do not count; the trailing
// semicolon goes; the qualifier of a column of a single-table FROM (users.id,
// u.id) and a public. qualifier of a relation are left out; INNER and OUTER
// of joins and AS of a table alias go; the parentheses PostgreSQL puts
// around join trees, ON and WHERE conditions go; the expressions of the
// select list, ON, WHERE, GROUP BY, HAVING and ORDER BY are in NormalizeExpr
// form (cols gives the canonical types of the columns the query reads, so
// that the casts PostgreSQL adds to them go too; nil: none known); an alias
// equal to the name PostgreSQL would give the column anyway goes (count(*)
// AS count); ORDER BY … ASC is ORDER BY …. Text it cannot split into
// clauses (WITH, VALUES, a subquery in an expression) is compared token by
// token, which PostgreSQL's deparsed form may not match: use a dev database
// (--dev-url) for those. NormalizeQuery(NormalizeQuery(q)) ==
// NormalizeQuery(q).
func NormalizeQuery(query string, cols map[string]string) string {
	toks, err := tokenize(Postgres, query)
	if err != nil {
		return strings.Join(strings.Fields(query), " ")
	}
	for len(toks) > 0 && toks[len(toks)-1].kind == tPunct && toks[len(toks)-1].text == ";" {
		toks = toks[:len(toks)-1]
	}
	return normQuery(toks, cols, nil)
}

// setOps are the keywords that join two SELECTs.
var setOps = map[string]bool{"union": true, "intersect": true, "except": true}

// clauseWords start the clauses of a SELECT, at parenthesis depth 0.
var clauseWords = map[string]bool{"select": true, "from": true, "where": true, "group": true,
	"having": true, "window": true, "order": true, "limit": true, "offset": true, "fetch": true}

// normQuery normalizes the tokens of one query (see NormalizeQuery); names,
// when set, are the view's column names (CREATE VIEW v (a, b)), which name
// the items of the select list as aliases would.
func normQuery(toks []token, cols map[string]string, names []string) string {
	toks = stripOuterParens(toks)
	// set operations: each side on its own
	depth := 0
	for i, t := range toks {
		depth += parenDelta(t)
		if depth == 0 && t.kind == tIdent && setOps[t.text] && i > 0 {
			j := i + 1
			op := t.text
			if j < len(toks) && toks[j].kind == tIdent && (toks[j].text == "all" || toks[j].text == "distinct") {
				if toks[j].text == "all" {
					op += " all"
				}
				j++
			}
			return normQuery(toks[:i], cols, names) + " " + op + " " + normQuery(toks[j:], cols, nil)
		}
	}
	if len(toks) == 0 || toks[0].kind != tIdent || toks[0].text != "select" {
		return printTokens(Postgres, toks)
	}
	clauses := splitClauses(toks)
	strip := singleTableQualifiers(clauses["from"])
	var b strings.Builder
	for _, name := range []string{"select", "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch"} {
		c, ok := clauses[name]
		if !ok {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(name)
		if name == "group" || name == "order" {
			b.WriteString(" by")
			if len(c) > 0 && c[0].kind == tIdent && c[0].text == "by" {
				c = c[1:]
			}
		}
		if name != "from" {
			c = stripQualifiers(c, strip)
		}
		var s string
		switch name {
		case "select":
			s = normSelectList(c, cols, names)
		case "from":
			s = normFrom(c, cols)
		case "where", "having":
			s = normExprTokens(c, cols)
		case "group":
			s = normList(c, cols, false)
		case "order":
			s = normList(c, cols, true)
		default:
			s = printTokens(Postgres, c)
		}
		if s != "" {
			b.WriteString(" " + s)
		}
	}
	return b.String()
}

// parenDelta is +1 for an opening parenthesis or bracket, -1 for a closing one.
func parenDelta(t token) int {
	if t.kind != tPunct {
		return 0
	}
	switch t.text {
	case "(", "[":
		return 1
	case ")", "]":
		return -1
	}
	return 0
}

// stripOuterParens drops parentheses around the whole of toks.
func stripOuterParens(toks []token) []token {
	for len(toks) >= 2 && toks[0].kind == tPunct && toks[0].text == "(" && matchingParen(toks) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	return toks
}

// splitClauses cuts a SELECT into its clauses by their first keyword,
// each without it.
func splitClauses(toks []token) map[string][]token {
	out := map[string][]token{}
	depth, start, name := 0, 1, "select"
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) {
			t := toks[i]
			depth += parenDelta(t)
			if depth != 0 || t.kind != tIdent || !clauseWords[t.text] || t.text == "select" {
				continue
			}
			// FROM inside a select-list function call is at depth > 0;
			// "distinct from" is an operator, not a clause
			if t.text == "from" && toks[i-1].kind == tIdent && toks[i-1].text == "distinct" {
				continue
			}
		}
		out[name] = toks[start:i]
		if i < len(toks) {
			name, start = toks[i].text, i+1
		}
	}
	return out
}

// splitTop cuts toks at the commas of parenthesis depth 0.
func splitTop(toks []token) [][]token {
	var out [][]token
	depth, start := 0, 0
	for i, t := range toks {
		depth += parenDelta(t)
		if depth == 0 && t.kind == tPunct && t.text == "," {
			out = append(out, toks[start:i])
			start = i + 1
		}
	}
	return append(out, toks[start:])
}

// normExprTokens prints an expression in NormalizeExpr form, or token by
// token when it does not parse.
func normExprTokens(toks []token, cols map[string]string) string {
	toks = dropNumericLiteralCasts(toks)
	n, err := parseTokens(Postgres, toks)
	if err != nil {
		return printTokens(Postgres, toks)
	}
	s := &simplifier{d: Postgres, cols: cols}
	return printNode(Postgres, s.simplify(n), 0)
}

// normList prints a GROUP BY or (order set) ORDER BY list.
func normList(toks []token, cols map[string]string, order bool) string {
	var items []string
	for _, item := range splitTop(toks) {
		suffix := ""
		if order {
			item, suffix = orderSuffix(item)
		}
		items = append(items, normExprTokens(item, cols)+suffix)
	}
	return strings.Join(items, ", ")
}

// orderSuffix splits an ORDER BY item's direction and NULLS placement off
// (ASC, the default, is left out).
func orderSuffix(item []token) ([]token, string) {
	var suffix []string
	for len(item) > 1 {
		last := item[len(item)-1]
		switch {
		case last.kind == tIdent && (last.text == "asc" || last.text == "desc"):
			if last.text == "desc" {
				suffix = append([]string{"desc"}, suffix...)
			}
			item = item[:len(item)-1]
			continue
		case last.kind == tIdent && (last.text == "first" || last.text == "last") &&
			item[len(item)-2].kind == tIdent && item[len(item)-2].text == "nulls":
			suffix = append([]string{"nulls " + last.text}, suffix...)
			item = item[:len(item)-2]
			continue
		}
		break
	}
	if len(suffix) == 0 {
		return item, ""
	}
	return item, " " + strings.Join(suffix, " ")
}

// normSelectList prints a select list: DISTINCT [ON (…)], then each item
// with its alias unless the alias is the name the column gets anyway.
func normSelectList(toks []token, cols map[string]string, names []string) string {
	var prefix []string
	if len(toks) > 0 && toks[0].kind == tIdent && (toks[0].text == "distinct" || toks[0].text == "all") {
		if toks[0].text == "distinct" {
			prefix = append(prefix, "distinct")
		}
		toks = toks[1:]
		if len(prefix) > 0 && len(toks) > 0 && toks[0].kind == tIdent && toks[0].text == "on" && len(toks) > 1 {
			end := matchingParen(toks[1:]) + 1
			if end > 1 {
				prefix = append(prefix, "on ("+normList(toks[2:end], cols, false)+")")
				toks = toks[end+1:]
			}
		}
	}
	var items []string
	for i, item := range splitTop(toks) {
		name := ""
		if i < len(names) {
			name = names[i]
		}
		items = append(items, normSelectItem(item, cols, name))
	}
	s := strings.Join(items, ", ")
	if len(prefix) > 0 {
		s = strings.Join(prefix, " ") + " " + s
	}
	return s
}

// normSelectItem prints one item of a select list; name, when set, is the
// view's name for the column, which overrides the item's alias.
func normSelectItem(item []token, cols map[string]string, name string) string {
	alias := ""
	n := len(item)
	isName := func(t token) bool { return t.kind == tQIdent || t.kind == tIdent && !keywords[t.text] }
	switch {
	case n >= 3 && item[n-2].kind == tIdent && item[n-2].text == "as" && (isName(item[n-1]) || item[n-1].kind == tIdent):
		alias, item = item[n-1].text, item[:n-2]
	case n >= 2 && isName(item[n-1]):
		// an alias without AS: the whole item does not parse, and the item
		// without its last token does, or ends a call (f(…) OVER (…) alias)
		if _, err := parseTokens(Postgres, item); err != nil {
			_, err := parseTokens(Postgres, item[:n-1])
			if err == nil || item[n-2].kind == tPunct && item[n-2].text == ")" {
				alias, item = item[n-1].text, item[:n-1]
			}
		}
	}
	if len(item) == 1 && item[0].kind == tOp && item[0].text == "*" || len(item) == 3 && item[2].text == "*" {
		return printTokens(Postgres, item)
	}
	if name != "" {
		alias = name
	}
	expr := normExprTokens(item, cols)
	if _, err := parseTokens(Postgres, item); err != nil && len(item) > 1 && item[0].text == "(" && matchingParen(item) == len(item)-1 {
		expr = "(" + expr + ")" // kept, so that what is inside never reads as an alias next time
	}
	if alias != "" && alias != impliedColumnName(item) {
		expr += " as " + quoteIdent(Postgres, alias)
	}
	return expr
}

// impliedColumnName returns the name PostgreSQL gives a select-list item
// that has no alias (FigureColname: a column's name, a function's name, a
// cast's operand or type), or "" when it is ?column?.
func impliedColumnName(item []token) string {
	n, err := parseTokens(Postgres, item)
	if err != nil {
		return ""
	}
	if c, ok := n.(*castNode); ok && nodeName(c.x) == "" {
		if f := strings.Fields(c.typ); len(f) > 0 {
			return f[0]
		}
	}
	return nodeName(n)
}

// nodeName is impliedColumnName of a parsed node.
func nodeName(n node) string {
	switch x := n.(type) {
	case *identNode:
		return x.parts[len(x.parts)-1]
	case *funcNode:
		return x.name[len(x.name)-1]
	case *castNode:
		return nodeName(x.x)
	}
	return ""
}

// joinWords are the keywords of a join in a FROM clause.
var joinWords = map[string]bool{"join": true, "inner": true, "left": true, "right": true, "full": true,
	"cross": true, "natural": true, "outer": true}

// normFrom prints a FROM clause: join trees without their parentheses,
// INNER, OUTER and AS left out, public. qualifiers left out, ON conditions
// and subqueries normalized.
func normFrom(toks []token, cols map[string]string) string {
	toks = dropJoinParens(toks)
	var parts []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tIdent && (t.text == "inner" || t.text == "outer" || t.text == "as"):
			continue
		case t.kind == tIdent && t.text == "public" && i+2 < len(toks) && toks[i+1].text == "." && toks[i+1].kind == tPunct:
			i++
			continue
		case t.kind == tPunct && t.text == "(":
			end := i + matchingParen(toks[i:])
			if end < i {
				return printTokens(Postgres, toks)
			}
			inner := toks[i+1 : end]
			if len(inner) > 0 && inner[0].kind == tIdent && (inner[0].text == "select" || inner[0].text == "with" || inner[0].text == "values") {
				parts = append(parts, "("+normQuery(inner, cols, nil)+")")
			} else {
				parts = append(parts, printTokens(Postgres, toks[i:end+1]))
			}
			i = end
			continue
		case t.kind == tIdent && t.text == "on":
			end := i + 1
			depth := 0
			for ; end < len(toks); end++ {
				depth += parenDelta(toks[end])
				if depth == 0 && (toks[end].kind == tIdent && joinWords[toks[end].text] || toks[end].kind == tPunct && toks[end].text == ",") {
					break
				}
			}
			parts = append(parts, "on "+normExprTokens(toks[i+1:end], cols))
			i = end - 1
			continue
		}
		parts = append(parts, printTokens(Postgres, []token{t}))
	}
	s := strings.Join(parts, " ")
	s = strings.ReplaceAll(s, " . ", ".")
	return strings.ReplaceAll(s, " ,", ",")
}

// dropJoinParens removes the parentheses that only group a join tree: those
// that open a FROM item (at its start, after a comma, JOIN or another such
// parenthesis) and do not hold a subquery.
func dropJoinParens(toks []token) []token {
	drop := map[int]bool{}
	for i, t := range toks {
		if t.kind != tPunct || t.text != "(" {
			continue
		}
		opens := i == 0 || toks[i-1].kind == tPunct && (toks[i-1].text == "," || toks[i-1].text == "(" && drop[i-1]) ||
			toks[i-1].kind == tIdent && toks[i-1].text == "join"
		if !opens || i+1 < len(toks) && toks[i+1].kind == tIdent && (toks[i+1].text == "select" || toks[i+1].text == "with" || toks[i+1].text == "values") {
			continue
		}
		end := matchingParen(toks[i:])
		if end < 0 {
			continue
		}
		drop[i], drop[i+end] = true, true
	}
	if len(drop) == 0 {
		return toks
	}
	out := make([]token, 0, len(toks))
	for i, t := range toks {
		if !drop[i] {
			out = append(out, t)
		}
	}
	return out
}

// singleRelation returns, when a FROM clause reads one table or view (no
// join, no comma, no subquery), its name as written and its alias.
func singleRelation(from []token) ([]string, string, bool) {
	from = dropJoinParens(from)
	var name []string
	i := 0
	for i < len(from) && (from[i].kind == tIdent && !keywords[from[i].text] || from[i].kind == tQIdent) {
		name = append(name, from[i].text)
		i++
		if i < len(from) && from[i].kind == tPunct && from[i].text == "." {
			i++
			continue
		}
		break
	}
	if len(name) == 0 || len(name) > 2 {
		return nil, "", false
	}
	rest := from[i:]
	if len(rest) > 0 && rest[0].kind == tIdent && rest[0].text == "as" {
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
		return name, "", true
	case len(rest) == 1 && (rest[0].kind == tQIdent || rest[0].kind == tIdent && !keywords[rest[0].text]):
		return name, rest[0].text, true
	}
	return nil, "", false
}

// singleTableQualifiers returns, when a FROM clause reads one relation
// (singleRelation), the qualifiers its columns may be written with: its
// alias, or its name and its qualified name.
func singleTableQualifiers(from []token) [][]string {
	name, alias, ok := singleRelation(from)
	switch {
	case !ok:
		return nil
	case alias != "":
		return [][]string{{alias}}
	case len(name) == 2:
		return [][]string{name[1:], name}
	}
	return [][]string{name}
}

// expandStar returns the tokens of a query whose select list is * (or
// q.*) over one relation with that list spelled out as the relation's
// columns, as PostgreSQL stores it; columns returns the columns of a
// relation, ok false when unknown. Other queries are returned as they are.
func expandStar(toks []token, columns func(QName) ([]string, bool)) []token {
	if len(toks) < 2 || toks[0].kind != tIdent || toks[0].text != "select" {
		return toks
	}
	clauses := splitClauses(toks)
	list := clauses["select"]
	if !(len(list) == 1 && list[0].text == "*" || len(list) == 3 && list[2].text == "*" && list[1].text == ".") {
		return toks
	}
	name, _, ok := singleRelation(clauses["from"])
	if !ok {
		return toks
	}
	q := QName{Schema: "public", Name: name[len(name)-1]}
	if len(name) == 2 {
		q.Schema = name[0]
	}
	cols, ok := columns(q)
	if !ok || len(cols) == 0 {
		return toks
	}
	out := []token{toks[0]}
	for i, c := range cols {
		if i > 0 {
			out = append(out, token{tPunct, ","})
		}
		out = append(out, token{tQIdent, c})
	}
	return append(out, toks[1+len(list):]...)
}

// outputNames returns the names of the columns a (normalized) query
// produces: each select-list item's alias or the name PostgreSQL gives it;
// ok is false when one is unknown.
func outputNames(query string) ([]string, bool) {
	toks, ok := firstSelect(query)
	if !ok {
		return nil, false
	}
	var names []string
	for _, item := range splitTop(splitClauses(toks)["select"]) {
		n := len(item)
		switch {
		case n >= 3 && item[n-2].kind == tIdent && item[n-2].text == "as":
			names = append(names, item[n-1].text)
		case impliedColumnName(item) != "":
			names = append(names, impliedColumnName(item))
		default:
			return nil, false
		}
	}
	return names, true
}

// stripQualifiers removes the qualifiers in quals from the column
// references of toks (q.col, schema.table.col).
func stripQualifiers(toks []token, quals [][]string) []token {
	if len(quals) == 0 {
		return toks
	}
	var out []token
	for i := 0; i < len(toks); i++ {
		if i == 0 || toks[i-1].kind != tPunct || toks[i-1].text != "." {
			if n := qualifierAt(toks[i:], quals); n > 0 {
				i += n - 1
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out
}

// qualifierAt returns the number of tokens of a qualifier of quals (with
// its dot) at the start of toks, followed by a column name; 0 if none.
func qualifierAt(toks []token, quals [][]string) int {
	for _, q := range quals {
		n := 2 * len(q)
		if len(toks) <= n || !(toks[n].kind == tIdent || toks[n].kind == tQIdent) {
			continue
		}
		ok := true
		for k, part := range q {
			name, dot := toks[2*k], toks[2*k+1]
			if !(name.kind == tIdent || name.kind == tQIdent) || name.text != part || dot.kind != tPunct || dot.text != "." {
				ok = false
				break
			}
		}
		// a function call schema.f( is not a column
		if ok && !(len(toks) > n+1 && toks[n+1].kind == tPunct && toks[n+1].text == "(") {
			return n
		}
	}
	return 0
}

// QueryRefs returns the names a query reads: the relations its FROM
// clauses and joins name (at any depth: subqueries too), and the functions
// it calls (names followed by a parenthesis). An unqualified name takes
// defaultSchema. Names are as written: whether they are tables, views or
// functions the caller decides. The lists are in order of first mention,
// without repeats.
func QueryRefs(query, defaultSchema string) (relations, functions []QName) {
	toks, err := tokenize(Postgres, query)
	if err != nil {
		return nil, nil
	}
	seen := map[QName]bool{}
	fseen := map[QName]bool{}
	// inFrom[depth] is set while the tokens at that depth are a FROM clause
	inFrom := map[int]bool{}
	depth := 0
	expectRel := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tPunct && t.text == "(":
			depth++
			inFrom[depth] = false
			expectRel = false
			continue
		case t.kind == tPunct && t.text == ")":
			depth--
			continue
		case t.kind == tIdent && t.text == "from" && !(i > 0 && toks[i-1].kind == tIdent && toks[i-1].text == "distinct"):
			inFrom[depth], expectRel = true, true
			continue
		case t.kind == tIdent && t.text == "join":
			expectRel = true
			continue
		case t.kind == tPunct && t.text == ",":
			expectRel = inFrom[depth]
			continue
		case t.kind == tIdent && clauseWords[t.text] || t.kind == tIdent && setOps[t.text]:
			inFrom[depth], expectRel = false, false
			continue
		case t.kind == tIdent && t.text == "lateral" || t.kind == tIdent && t.text == "only":
			continue
		}
		if t.kind != tIdent && t.kind != tQIdent || t.kind == tIdent && keywords[t.text] && !(i+1 < len(toks) && toks[i+1].text == "(") {
			expectRel = false
			continue
		}
		// a dotted name
		parts := []string{t.text}
		j := i + 1
		for j+1 < len(toks) && toks[j].kind == tPunct && toks[j].text == "." && (toks[j+1].kind == tIdent || toks[j+1].kind == tQIdent) {
			parts = append(parts, toks[j+1].text)
			j += 2
		}
		call := j < len(toks) && toks[j].kind == tPunct && toks[j].text == "("
		name := QName{defaultSchema, parts[len(parts)-1]}
		if len(parts) >= 2 {
			name = QName{parts[len(parts)-2], parts[len(parts)-1]}
		}
		switch {
		case call && !(i > 0 && toks[i-1].kind == tPunct && toks[i-1].text == "::"):
			if !fseen[name] && !(t.kind == tIdent && keywords[t.text] && len(parts) == 1) {
				fseen[name] = true
				functions = append(functions, name)
			}
		case expectRel:
			if !seen[name] {
				seen[name] = true
				relations = append(relations, name)
			}
		}
		expectRel = false
		i = j - 1
	}
	return relations, functions
}

// QueryOutputs returns the items of a query's select list (of its first
// SELECT, whose names are the view's columns) in NormalizeQuery form, each
// with its alias: two queries whose outputs agree item by item produce the
// same columns with the same types from the same relations. ok is false
// when the query is not a plain SELECT list (the caller then assumes
// nothing).
func QueryOutputs(query string, cols map[string]string) (items []string, ok bool) {
	toks, ok := firstSelect(query)
	if !ok {
		return nil, false
	}
	clauses := splitClauses(toks)
	list := stripQualifiers(clauses["select"], singleTableQualifiers(clauses["from"]))
	if len(list) > 0 && list[0].kind == tIdent && list[0].text == "distinct" {
		return nil, false
	}
	for _, item := range splitTop(list) {
		if len(item) == 1 && item[0].text == "*" || len(item) == 3 && item[2].text == "*" {
			return nil, false
		}
		items = append(items, normSelectItem(item, cols, ""))
	}
	return items, true
}

// firstSelect returns the tokens of a query's first SELECT (before any
// UNION, INTERSECT or EXCEPT): the one that names the columns. ok is false
// when the query is not a SELECT.
func firstSelect(query string) ([]token, bool) {
	toks, err := tokenize(Postgres, query)
	if err != nil {
		return nil, false
	}
	toks = stripOuterParens(toks)
	if len(toks) == 0 || toks[0].kind != tIdent || toks[0].text != "select" {
		return nil, false
	}
	depth := 0
	for i, t := range toks {
		depth += parenDelta(t)
		if depth == 0 && i > 0 && t.kind == tIdent && setOps[t.text] {
			return toks[:i], true
		}
	}
	return toks, true
}

// dropNumericLiteralCasts removes the ::numeric of a numeric literal, as
// in COALESCE(sum(total), (0)::numeric): PostgreSQL adds that cast where
// the context wants a numeric (pg_get_viewdef prints it), which a query as
// written does not say. Both sides of a comparison lose it, so only a
// change between 0 and 0::numeric goes unseen.
func dropNumericLiteralCasts(toks []token) []token {
	isNumericCast := func(i int) bool { // toks[i:] starts with :: numeric, not numeric(p, s)
		return i+1 < len(toks) && toks[i].kind == tPunct && toks[i].text == "::" &&
			toks[i+1].kind == tIdent && toks[i+1].text == "numeric" &&
			!(i+2 < len(toks) && toks[i+2].kind == tPunct && toks[i+2].text == "(")
	}
	var out []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tNum && isNumericCast(i+1):
			out = append(out, t)
			i += 2
		case t.kind == tPunct && t.text == "(" && i+2 < len(toks) && toks[i+1].kind == tNum &&
			toks[i+2].kind == tPunct && toks[i+2].text == ")" && isNumericCast(i+3):
			out = append(out, toks[i+1])
			i += 4
		default:
			out = append(out, t)
		}
	}
	return out
}
