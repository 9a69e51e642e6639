package schema

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// NormalizeExpr returns the canonical text of the SQL expression expr in
// dialect d: still valid SQL with the same meaning, such that what a user
// writes and what the database stores for it (PostgreSQL pg_get_expr, SQL
// Server sys.check_constraints.definition…) come out the same.
//
// It folds unquoted identifiers and keywords to lower case, drops quotes and
// brackets that are not needed, removes redundant parentheses, spaces
// operators and commas uniformly, writes x IN (…) as PostgreSQL stores it
// (x = any (array[…])), BETWEEN as two comparisons, != as <>, ~~ as like,
// current_timestamp as now(), and drops the casts PostgreSQL adds to literals
// where they cannot change the meaning. Casts on column references are kept:
// NormalizeExpr does not know column types (Normalize, which does, also drops
// the implicit casts PostgreSQL adds to columns, like (email)::text of a
// varchar column). Text it cannot parse is normalized token by token.
func NormalizeExpr(d Dialect, expr string) string {
	return normalizeExpr(d, expr, nil)
}

// normalizeExpr is NormalizeExpr knowing the canonical types of the columns
// the expression may reference (nil: none known).
func normalizeExpr(d Dialect, expr string, cols map[string]string) string {
	toks, err := tokenize(d, expr)
	if err != nil {
		return strings.TrimSpace(expr)
	}
	n, err := parseTokens(d, toks)
	if err != nil {
		return printTokens(d, toks)
	}
	s := &simplifier{d: d, cols: cols}
	return printNode(d, s.simplify(n), 0)
}

// ---------------------------------------------------------------- tokens

type tokKind int

const (
	tEOF    tokKind = iota
	tIdent          // unquoted identifier or keyword; text is folded to lower case
	tQIdent         // quoted identifier; text is the exact name
	tNum            // numeric literal
	tStr            // string literal; text is its value
	tOp             // operator
	tPunct          // ( ) [ ] , . :: ;
	tParam          // $1
)

type token struct {
	kind tokKind
	text string
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' || c == '$' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

const opChars = "+-*/<>=~!@#%^&|`?"

// lowerASCII folds ASCII letters only, as PostgreSQL folds identifiers.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tokenize splits SQL text into tokens, dropping whitespace and comments.
func tokenize(d Dialect, s string) ([]token, error) {
	toks, _, err := lex(d, s)
	return toks, err
}

// span is where a token is in the text it was read from: [start, end) in bytes.
type span struct{ start, end int }

// lex is tokenize that also returns where each token is in s.
func lex(d Dialect, s string) ([]token, []span, error) {
	var out []token
	var spans []span
	i := 0
	for i < len(s) {
		c, start := s[i], i
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case strings.HasPrefix(s[i:], "--"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return nil, nil, errors.New("unterminated comment")
			}
			i += j + 4
		case c == '\'':
			v, n, err := scanString(s[i:], false)
			if err != nil {
				return nil, nil, err
			}
			out, i = append(out, token{tStr, v}), i+n
		case (c == 'E' || c == 'e') && i+1 < len(s) && s[i+1] == '\'' && d != SQLServer:
			v, n, err := scanString(s[i+1:], true)
			if err != nil {
				return nil, nil, err
			}
			out, i = append(out, token{tStr, v}), i+1+n
		case (c == 'N' || c == 'n') && i+1 < len(s) && s[i+1] == '\'':
			v, n, err := scanString(s[i+1:], false)
			if err != nil {
				return nil, nil, err
			}
			out, i = append(out, token{tStr, v}), i+1+n
		case c == '"' || c == '[' && d == SQLServer:
			closeQ := byte('"')
			if c == '[' {
				closeQ = ']'
			}
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(s) {
					return nil, nil, errors.New("unterminated quoted identifier")
				}
				if s[j] == closeQ {
					if j+1 < len(s) && s[j+1] == closeQ {
						b.WriteByte(closeQ)
						j += 2
						continue
					}
					break
				}
				b.WriteByte(s[j])
				j++
			}
			out, i = append(out, token{tQIdent, b.String()}), j+1
		case c == '$' && d != SQLServer:
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j > i+1 {
				out, i = append(out, token{tParam, s[i:j]}), j
				break
			}
			for j < len(s) && isIdentChar(s[j]) && s[j] != '$' {
				j++
			}
			if j >= len(s) || s[j] != '$' {
				return nil, nil, errors.New("bad dollar quote")
			}
			tag := s[i : j+1]
			end := strings.Index(s[j+1:], tag)
			if end < 0 {
				return nil, nil, errors.New("unterminated dollar quote")
			}
			out, i = append(out, token{tStr, s[j+1 : j+1+end]}), j+1+end+len(tag)
		case isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]):
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j < len(s) && s[j] == '.' && !strings.HasPrefix(s[j:], "..") {
				j++
				for j < len(s) && isDigit(s[j]) {
					j++
				}
			}
			if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
				k := j + 1
				if k < len(s) && (s[k] == '+' || s[k] == '-') {
					k++
				}
				if k < len(s) && isDigit(s[k]) {
					for k < len(s) && isDigit(s[k]) {
						k++
					}
					j = k
				}
			}
			out, i = append(out, token{tNum, canonicalNumber(s[i:j])}), j
		case isIdentStart(c):
			j := i
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			out, i = append(out, token{tIdent, lowerASCII(s[i:j])}), j
		case d == SQLServer && (c == '@' || c == '#') && i+1 < len(s) && (isIdentStart(s[i+1]) || s[i+1] == c):
			// A T-SQL variable (@x, @@rowcount) or temporary object (#t, ##t).
			j := i + 1
			for j < len(s) && s[j] == c {
				j++
			}
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			out, i = append(out, token{tIdent, lowerASCII(s[i:j])}), j
		case c == ':' && i+1 < len(s) && s[i+1] == ':':
			out, i = append(out, token{tPunct, "::"}), i+2
		case strings.IndexByte("()[],.;:", c) >= 0:
			out, i = append(out, token{tPunct, string(c)}), i+1
		case strings.IndexByte(opChars, c) >= 0:
			j := i
			for j < len(s) && strings.IndexByte(opChars, s[j]) >= 0 {
				if j > i && (strings.HasPrefix(s[j:], "--") || strings.HasPrefix(s[j:], "/*")) {
					break
				}
				j++
			}
			op := s[i:j]
			// A multi-character operator cannot end in + or - unless it
			// holds one of ~ ! @ # % ^ & | ` ? (PostgreSQL's lexer rule).
			if len(op) > 1 && !strings.ContainsAny(op, "~!@#%^&|`?") {
				for len(op) > 1 && (op[len(op)-1] == '+' || op[len(op)-1] == '-') {
					op = op[:len(op)-1]
				}
			}
			out, i = append(out, token{tOp, op}), i+len(op)
		default:
			return nil, nil, fmt.Errorf("unexpected character %q", c)
		}
		if len(out) > len(spans) {
			spans = append(spans, span{start, i})
		}
	}
	return out, spans, nil
}

// scanString reads a quoted string at the start of s ('…' with ” escapes,
// and backslash escapes when escapes is set). It returns the value and the
// number of bytes read.
func scanString(s string, escapes bool) (string, int, error) {
	var b strings.Builder
	j := 1
	for j < len(s) {
		c := s[j]
		switch {
		case c == '\'' && j+1 < len(s) && s[j+1] == '\'':
			b.WriteByte('\'')
			j += 2
		case c == '\'':
			return b.String(), j + 1, nil
		case c == '\\' && escapes && j+1 < len(s):
			e := s[j+1]
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			default:
				b.WriteByte(e)
			}
			j += 2
		default:
			b.WriteByte(c)
			j++
		}
	}
	return "", 0, errors.New("unterminated string literal")
}

// canonicalNumber writes a numeric literal without exponent and without
// leading zeros, as PostgreSQL prints the constant: "2.5e3" → "2500",
// "007" → "7", ".5" → "0.5". Trailing fractional zeros are kept (they carry
// the scale of a numeric).
func canonicalNumber(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if strings.ContainsAny(s, "eE") {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return s
		}
		if r.IsInt() {
			s = r.Num().String()
		} else {
			s = strings.TrimRight(r.FloatString(40), "0")
		}
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	s = intPart
	if hasFrac && frac != "" {
		s += "." + frac
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// isNumberText reports whether s is a plain decimal number, optionally signed.
func isNumberText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	toks, err := tokenize(Postgres, strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+"))
	return err == nil && len(toks) == 1 && toks[0].kind == tNum
}

// ---------------------------------------------------------------- nodes

// node is a parsed expression.
type node interface{}

type litKind int

const (
	litNum litKind = iota
	litStr
	litKw // true, false, null, current_date, ...
)

type (
	litNode struct {
		kind litKind
		val  string
	}
	identNode struct{ parts []string }
	funcNode  struct {
		name     []string
		args     []node
		star     bool
		distinct bool
	}
	castNode struct {
		x   node
		typ string
	}
	// typeNode is the type argument of SQL Server's CONVERT(type, x, style).
	typeNode  struct{ typ string }
	unaryNode struct {
		op string // "not", "-", "+", or a prefix operator
		x  node
	}
	binaryNode struct {
		op   string
		l, r node
	}
	boolNode struct {
		op   string // "and", "or"
		args []node
	}
	isNode struct {
		x    node
		test string // "null", "not null", "true", "not true", ...
	}
	distinctNode struct {
		l, r node
		not  bool
	}
	inNode struct {
		x     node
		elems []node
		not   bool
	}
	anyNode struct {
		op    string
		quant string // "any", "all"
		l, r  node
	}
	caseNode struct {
		arg   node
		whens [][2]node
		els   node
	}
	arrayNode     struct{ elems []node }
	rowNode       struct{ elems []node }
	subscriptNode struct {
		x   node
		idx node
	}
	collateNode struct {
		x    node
		coll string
	}
)

// Binding powers, lowest first, as in PostgreSQL's grammar.
const (
	pOr = iota + 1
	pAnd
	pNot
	pIs
	pCmp
	pLike // LIKE ILIKE IN BETWEEN
	pOp   // any other operator
	pAdd
	pMul
	pExp
	pAt
	pCollate
	pUnary
	pSub
	pCast
	pAtom
)

var cmpOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

// likeOps maps PostgreSQL's LIKE operators to their keyword spelling.
var likeOps = map[string]string{"~~": "like", "!~~": "not like", "~~*": "ilike", "!~~*": "not ilike"}

func binaryPrec(op string) int {
	switch op {
	case "like", "not like", "ilike", "not ilike":
		return pLike
	case "+", "-":
		return pAdd
	case "*", "/", "%":
		return pMul
	case "^":
		return pExp
	case "at time zone":
		return pAt
	}
	if cmpOps[op] {
		return pCmp
	}
	return pOp
}

func prec(n node) int {
	switch n := n.(type) {
	case *litNode:
		if n.kind == litNum && strings.HasPrefix(n.val, "-") {
			return pUnary
		}
	case *castNode:
		return pCast
	case *unaryNode:
		if n.op == "not" {
			return pNot
		}
		return pUnary
	case *binaryNode:
		return binaryPrec(n.op)
	case *boolNode:
		if n.op == "or" {
			return pOr
		}
		return pAnd
	case *isNode, *distinctNode:
		return pIs
	case *inNode:
		return pLike
	case *anyNode:
		return binaryPrec(n.op)
	case *subscriptNode:
		return pSub
	case *collateNode:
		return pCollate
	}
	return pAtom
}

// ---------------------------------------------------------------- parser

type parser struct {
	d    Dialect
	toks []token
	pos  int
}

var errSyntax = errors.New("unsupported expression syntax")

func parseTokens(d Dialect, toks []token) (node, error) {
	p := &parser{d: d, toks: toks}
	if len(toks) == 0 {
		return nil, errSyntax
	}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tEOF {
		return nil, errSyntax
	}
	return n, nil
}

func (p *parser) peek() token { return p.peekAt(0) }

func (p *parser) peekAt(k int) token {
	if p.pos+k < len(p.toks) {
		return p.toks[p.pos+k]
	}
	return token{kind: tEOF}
}

func (p *parser) next() token {
	t := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	}
	return t
}

func (p *parser) isKw(k int, kw string) bool {
	t := p.peekAt(k)
	return t.kind == tIdent && t.text == kw
}

func (p *parser) isPunct(k int, s string) bool {
	t := p.peekAt(k)
	return t.kind == tPunct && t.text == s
}

func (p *parser) expect(kind tokKind, text string) error {
	t := p.next()
	if t.kind != kind || t.text != text {
		return errSyntax
	}
	return nil
}

func (p *parser) expr(minP int) (node, error) {
	left, err := p.prefix()
	if err != nil {
		return nil, err
	}
	for {
		n, ok, err := p.infix(left, minP)
		if err != nil {
			return nil, err
		}
		if !ok {
			return left, nil
		}
		left = n
	}
}

// list parses "a, b, c" up to (not including) the closing token.
func (p *parser) list(closing string) ([]node, error) {
	var out []node
	if p.isPunct(0, closing) {
		return out, nil
	}
	for {
		n, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
		if !p.isPunct(0, ",") {
			return out, nil
		}
		p.next()
	}
}

// valueKeywords are keywords that stand for a value on their own.
var valueKeywords = map[string]bool{
	"true": true, "false": true, "null": true, "current_date": true, "current_time": true,
	"current_timestamp": true, "localtime": true, "localtimestamp": true, "current_user": true,
	"session_user": true, "current_role": true, "current_catalog": true, "current_schema": true, "user": true,
}

// typedLiteralTypes are type names that may prefix a string literal (date '2020-01-01').
var typedLiteralTypes = map[string]bool{
	"date": true, "time": true, "timestamp": true, "timestamptz": true, "interval": true,
	"integer": true, "int": true, "bigint": true, "numeric": true, "text": true, "boolean": true,
	"uuid": true, "json": true, "jsonb": true,
}

func (p *parser) prefix() (node, error) {
	t := p.next()
	switch t.kind {
	case tNum:
		return &litNode{litNum, t.text}, nil
	case tStr:
		return &litNode{litStr, t.text}, nil
	case tOp:
		if t.text == "-" || t.text == "+" {
			x, err := p.expr(pUnary)
			if err != nil {
				return nil, err
			}
			if l, ok := x.(*litNode); ok && l.kind == litNum && !strings.HasPrefix(l.val, "-") {
				if t.text == "-" {
					return &litNode{litNum, canonicalNumber("-" + l.val)}, nil
				}
				return l, nil
			}
			return &unaryNode{t.text, x}, nil
		}
		return nil, errSyntax
	case tPunct:
		if t.text != "(" {
			return nil, errSyntax
		}
		if p.isKw(0, "select") || p.isKw(0, "with") || p.isKw(0, "values") {
			return nil, errSyntax
		}
		elems, err := p.list(")")
		if err != nil {
			return nil, err
		}
		if err := p.expect(tPunct, ")"); err != nil || len(elems) == 0 {
			return nil, errSyntax
		}
		if len(elems) == 1 {
			return elems[0], nil
		}
		return &rowNode{elems}, nil
	case tQIdent:
		return p.nameOrCall(t.text)
	case tIdent:
	default:
		return nil, errSyntax
	}
	switch kw := t.text; {
	case kw == "not":
		x, err := p.expr(pNot)
		if err != nil {
			return nil, err
		}
		return &unaryNode{"not", x}, nil
	case valueKeywords[kw] && !p.isPunct(0, "("):
		return &litNode{litKw, kw}, nil
	case kw == "case":
		return p.caseExpr()
	case kw == "array" && p.isPunct(0, "["):
		p.next()
		elems, err := p.list("]")
		if err != nil {
			return nil, err
		}
		if err := p.expect(tPunct, "]"); err != nil {
			return nil, err
		}
		return &arrayNode{elems}, nil
	case kw == "cast" && p.isPunct(0, "("):
		p.next()
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if !p.isKw(0, "as") {
			return nil, errSyntax
		}
		p.next()
		typ, err := p.typeName()
		if err != nil {
			return nil, err
		}
		if err := p.expect(tPunct, ")"); err != nil {
			return nil, err
		}
		return &castNode{x, typ}, nil
	case typedLiteralTypes[kw] && p.peek().kind == tStr:
		s := p.next()
		typ, err := canonicalPGType(kw)
		if p.d == SQLServer || err != nil {
			return nil, errSyntax
		}
		return &castNode{&litNode{litStr, s.text}, typ}, nil
	case reservedWords[kw] && kw != "left" && kw != "right":
		return nil, errSyntax
	case kw == "convert" && p.isPunct(0, "(") && p.d == SQLServer:
		return p.convertCall()
	case sqlSyntaxFuncs[kw] && p.isPunct(0, "(") && p.d == Postgres:
		start := p.pos
		if f, err := p.sqlSyntaxCall(kw); err == nil {
			return f, nil
		}
		p.pos = start
	}
	return p.nameOrCall(t.text)
}

// sqlSyntaxFuncs are the functions SQL calls with key words between the
// arguments, which PostgreSQL stores in that syntax.
var sqlSyntaxFuncs = map[string]bool{"extract": true, "position": true, "substring": true, "trim": true}

// sqlSyntaxCall parses the rest of EXTRACT(f FROM x), POSITION(a IN b),
// SUBSTRING(x FROM a FOR b) or TRIM([BOTH|LEADING|TRAILING] [a] FROM x) as
// the plain call it stands for — extract('f', x), position(b, a),
// substring(x, a, b), btrim|ltrim|rtrim(x, a) — so that a user's text and
// the text PostgreSQL stores (EXTRACT(year FROM d), POSITION(('x'::text) IN
// (s)), TRIM(BOTH ' '::text FROM s)) compare equal. It fails on the plain
// comma form (except for trim), which nameOrCall then reads.
func (p *parser) sqlSyntaxCall(kw string) (node, error) {
	p.next() // (
	call := func(name string, args ...node) (node, error) {
		if err := p.expect(tPunct, ")"); err != nil {
			return nil, err
		}
		return &funcNode{name: []string{name}, args: args}, nil
	}
	switch kw {
	case "extract":
		f := p.next()
		if (f.kind != tIdent && f.kind != tStr) || !p.isKw(0, "from") {
			return nil, errSyntax
		}
		p.next()
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		return call("extract", &litNode{litStr, lowerASCII(f.text)}, x)
	case "position":
		a, err := p.expr(pLike + 1) // b_expr: IN must end it
		if err != nil || !p.isKw(0, "in") {
			return nil, errSyntax
		}
		p.next()
		b, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		return call("position", b, a)
	case "substring":
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		var from, forN node
		for _, k := range []string{"from", "for", "from"} {
			if !p.isKw(0, k) || (k == "from" && from != nil) || (k == "for" && forN != nil) {
				continue
			}
			p.next()
			v, err := p.expr(0)
			if err != nil {
				return nil, err
			}
			if k == "from" {
				from = v
			} else {
				forN = v
			}
		}
		switch {
		case from == nil && forN == nil:
			return nil, errSyntax
		case forN == nil:
			return call("substring", x, from)
		case from == nil:
			from = &litNode{litNum, "1"}
		}
		return call("substring", x, from, forN)
	}
	name := "btrim"
	switch {
	case p.isKw(0, "both"):
		p.next()
	case p.isKw(0, "leading"):
		p.next()
		name = "ltrim"
	case p.isKw(0, "trailing"):
		p.next()
		name = "rtrim"
	}
	if p.isKw(0, "from") {
		p.next()
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		return call(name, x)
	}
	first, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	switch {
	case p.isKw(0, "from"):
		p.next()
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		return call(name, x, first)
	case p.isPunct(0, ","):
		p.next()
		chars, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		return call(name, first, chars)
	}
	return call(name, first)
}

// convertCall parses the rest of SQL Server's CONVERT(type, x [, style]):
// without a style it is the cast CAST(x AS type) stands for (SQL Server
// stores CAST as CONVERT: CAST(x AS int) reads back as CONVERT([int],[x]));
// with one it is a call whose first argument is a typeNode, which the
// simplifier turns into the cast when the style is the one CAST uses.
func (p *parser) convertCall() (node, error) {
	p.next() // (
	typ, err := p.typeName()
	if err != nil {
		return nil, err
	}
	if err := p.expect(tPunct, ","); err != nil {
		return nil, err
	}
	x, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	var style node
	if p.isPunct(0, ",") {
		p.next()
		if style, err = p.expr(0); err != nil {
			return nil, err
		}
	}
	if err := p.expect(tPunct, ")"); err != nil {
		return nil, err
	}
	if style == nil {
		return &castNode{x, typ}, nil
	}
	return &funcNode{name: []string{"convert"}, args: []node{&typeNode{typ}, x, style}}, nil
}

// nameOrCall parses the rest of a (possibly qualified) name, and the
// argument list when it is a function call.
func (p *parser) nameOrCall(first string) (node, error) {
	parts := []string{first}
	for p.isPunct(0, ".") {
		p.next()
		t := p.next()
		if t.kind != tIdent && t.kind != tQIdent {
			return nil, errSyntax
		}
		parts = append(parts, t.text)
	}
	if !p.isPunct(0, "(") {
		return &identNode{parts}, nil
	}
	p.next()
	f := &funcNode{name: parts}
	switch {
	case p.peek().kind == tOp && p.peek().text == "*":
		p.next()
		f.star = true
	default:
		if p.isKw(0, "distinct") {
			p.next()
			f.distinct = true
		}
		args, err := p.list(")")
		if err != nil {
			return nil, err
		}
		f.args = args
	}
	if err := p.expect(tPunct, ")"); err != nil {
		return nil, err
	}
	if p.isKw(0, "over") || p.isKw(0, "filter") || p.isKw(0, "within") {
		return nil, errSyntax
	}
	return f, nil
}

func (p *parser) caseExpr() (node, error) {
	c := &caseNode{}
	if !p.isKw(0, "when") {
		arg, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		c.arg = arg
	}
	for p.isKw(0, "when") {
		p.next()
		w, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if !p.isKw(0, "then") {
			return nil, errSyntax
		}
		p.next()
		th, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		c.whens = append(c.whens, [2]node{w, th})
	}
	if len(c.whens) == 0 {
		return nil, errSyntax
	}
	if p.isKw(0, "else") {
		p.next()
		e, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		c.els = e
	}
	if !p.isKw(0, "end") {
		return nil, errSyntax
	}
	p.next()
	return c, nil
}

// typeName parses a type name after :: or AS and returns its canonical
// spelling (built-in types canonical, others lower-cased and quoted as needed).
func (p *parser) typeName() (string, error) {
	var words []string
	t := p.next()
	switch t.kind {
	case tIdent:
		words = append(words, t.text)
	case tQIdent:
		words = append(words, quoteIdent(p.d, t.text))
	default:
		return "", errSyntax
	}
	qualified := false
	for p.isPunct(0, ".") {
		p.next()
		u := p.next()
		if u.kind != tIdent && u.kind != tQIdent {
			return "", errSyntax
		}
		words[len(words)-1] += "." + quoteIdent(p.d, u.text)
		qualified = true
	}
	if !qualified && t.kind == tIdent {
		switch t.text {
		case "double":
			if p.isKw(0, "precision") {
				p.next()
				words = append(words, "precision")
			}
		case "character", "char", "bit", "national":
			if p.isKw(0, "varying") {
				p.next()
				words = append(words, "varying")
			}
		}
	}
	if p.isPunct(0, "(") {
		p.next()
		var args []string
		for !p.isPunct(0, ")") {
			a := p.next()
			switch {
			case a.kind == tNum || a.kind == tIdent && a.text == "max":
				args = append(args, a.text)
			case a.kind == tOp && a.text == "-" && p.peek().kind == tNum:
				args = append(args, "-"+p.next().text)
			case a.kind == tPunct && a.text == ",":
			default:
				return "", errSyntax
			}
		}
		p.next()
		words = append(words, "("+strings.Join(args, ",")+")")
	}
	if !qualified && (p.isKw(0, "with") || p.isKw(0, "without")) && p.isKw(1, "time") && p.isKw(2, "zone") {
		words = append(words, p.next().text, p.next().text, p.next().text)
	}
	arr := ""
	for p.isPunct(0, "[") {
		p.next()
		if p.peek().kind == tNum {
			p.next()
		}
		if err := p.expect(tPunct, "]"); err != nil {
			return "", err
		}
		arr = "[]"
	}
	text := strings.Replace(strings.Join(words, " "), " (", "(", 1)
	if canon, err := CanonicalType(p.d, text+arr); err == nil {
		return canon, nil
	}
	return text + arr, nil
}

// infix extends left with one infix or postfix construct binding at least minP.
func (p *parser) infix(left node, minP int) (node, bool, error) {
	t := p.peek()
	switch t.kind {
	case tPunct:
		switch t.text {
		case "::":
			if pCast < minP {
				return nil, false, nil
			}
			p.next()
			typ, err := p.typeName()
			if err != nil {
				return nil, false, err
			}
			return &castNode{left, typ}, true, nil
		case "[":
			if pSub < minP || p.d == SQLServer {
				return nil, false, nil
			}
			p.next()
			idx, err := p.expr(0)
			if err != nil {
				return nil, false, err
			}
			if err := p.expect(tPunct, "]"); err != nil {
				return nil, false, err
			}
			return &subscriptNode{left, idx}, true, nil
		}
		return nil, false, nil
	case tOp:
		op := t.text
		if like, ok := likeOps[op]; ok {
			op = like
		}
		pr := binaryPrec(op)
		if pr < minP {
			return nil, false, nil
		}
		p.next()
		if (p.isKw(0, "any") || p.isKw(0, "some") || p.isKw(0, "all")) && p.isPunct(1, "(") {
			q := p.next().text
			if q == "some" {
				q = "any"
			}
			p.next()
			r, err := p.expr(0)
			if err != nil {
				return nil, false, err
			}
			if err := p.expect(tPunct, ")"); err != nil {
				return nil, false, err
			}
			return &anyNode{op, q, left, r}, true, nil
		}
		r, err := p.expr(pr + 1)
		if err != nil {
			return nil, false, err
		}
		return &binaryNode{op, left, r}, true, nil
	case tIdent:
	default:
		return nil, false, nil
	}
	kw := t.text
	not := false
	if kw == "not" && (p.isKw(1, "in") || p.isKw(1, "between") || p.isKw(1, "like") || p.isKw(1, "ilike") || p.isKw(1, "similar")) {
		not, kw = true, p.peekAt(1).text
	}
	switch kw {
	case "or", "and":
		pr := pOr
		if kw == "and" {
			pr = pAnd
		}
		if pr < minP {
			return nil, false, nil
		}
		p.next()
		r, err := p.expr(pr + 1)
		if err != nil {
			return nil, false, err
		}
		return &boolNode{kw, []node{left, r}}, true, nil
	case "isnull", "notnull":
		if pIs < minP {
			return nil, false, nil
		}
		p.next()
		if kw == "isnull" {
			return &isNode{left, "null"}, true, nil
		}
		return &isNode{left, "not null"}, true, nil
	case "is":
		if pIs < minP {
			return nil, false, nil
		}
		p.next()
		neg := ""
		if p.isKw(0, "not") {
			p.next()
			neg = "not "
		}
		w := p.next()
		switch {
		case w.kind == tIdent && (w.text == "null" || w.text == "true" || w.text == "false" || w.text == "unknown"):
			return &isNode{left, neg + w.text}, true, nil
		case w.kind == tIdent && w.text == "distinct" && p.isKw(0, "from"):
			p.next()
			r, err := p.expr(pIs + 1)
			if err != nil {
				return nil, false, err
			}
			return &distinctNode{left, r, neg != ""}, true, nil
		}
		return nil, false, errSyntax
	case "in":
		if pLike < minP {
			return nil, false, nil
		}
		p.pos += map[bool]int{true: 2, false: 1}[not]
		if err := p.expect(tPunct, "("); err != nil {
			return nil, false, err
		}
		if p.isKw(0, "select") {
			return nil, false, errSyntax
		}
		elems, err := p.list(")")
		if err != nil {
			return nil, false, err
		}
		if err := p.expect(tPunct, ")"); err != nil || len(elems) == 0 {
			return nil, false, errSyntax
		}
		return &inNode{left, elems, not}, true, nil
	case "between":
		if pLike < minP {
			return nil, false, nil
		}
		p.pos += map[bool]int{true: 2, false: 1}[not]
		if p.isKw(0, "symmetric") {
			return nil, false, errSyntax
		}
		if p.isKw(0, "asymmetric") {
			p.next()
		}
		lo, err := p.expr(pLike + 1)
		if err != nil {
			return nil, false, err
		}
		if !p.isKw(0, "and") {
			return nil, false, errSyntax
		}
		p.next()
		hi, err := p.expr(pLike + 1)
		if err != nil {
			return nil, false, err
		}
		if not {
			return &boolNode{"or", []node{&binaryNode{"<", left, lo}, &binaryNode{">", left, hi}}}, true, nil
		}
		return &boolNode{"and", []node{&binaryNode{">=", left, lo}, &binaryNode{"<=", left, hi}}}, true, nil
	case "like", "ilike":
		if pLike < minP {
			return nil, false, nil
		}
		p.pos += map[bool]int{true: 2, false: 1}[not]
		r, err := p.expr(pLike + 1)
		if err != nil {
			return nil, false, err
		}
		if p.isKw(0, "escape") {
			return nil, false, errSyntax
		}
		op := kw
		if not {
			op = "not " + kw
		}
		return &binaryNode{op, left, r}, true, nil
	case "similar":
		// x SIMILAR TO p [ESCAPE e] is stored as x ~ similar_to_escape(p [, e]).
		skip := 1
		if not {
			skip = 2
		}
		if pLike < minP || !p.isKw(skip, "to") {
			return nil, false, nil
		}
		p.pos += skip + 1
		pat, err := p.expr(pLike + 1)
		if err != nil {
			return nil, false, err
		}
		args := []node{pat}
		if p.isKw(0, "escape") {
			p.next()
			e, err := p.expr(pLike + 1)
			if err != nil {
				return nil, false, err
			}
			args = append(args, e)
		}
		op := "~"
		if not {
			op = "!~"
		}
		return &binaryNode{op, left, &funcNode{name: []string{"similar_to_escape"}, args: args}}, true, nil
	case "collate":
		if pCollate < minP {
			return nil, false, nil
		}
		p.next()
		c := p.next()
		if c.kind != tIdent && c.kind != tQIdent {
			return nil, false, errSyntax
		}
		return &collateNode{left, quoteIdent(p.d, c.text)}, true, nil
	case "at":
		if pAt < minP || !p.isKw(1, "time") || !p.isKw(2, "zone") {
			return nil, false, nil
		}
		p.pos += 3
		r, err := p.expr(pAt + 1)
		if err != nil {
			return nil, false, err
		}
		return &binaryNode{"at time zone", left, r}, true, nil
	}
	return nil, false, nil
}

// ---------------------------------------------------------------- simplifier

// simplifier rewrites a parsed expression into canonical form.
type simplifier struct {
	d    Dialect
	cols map[string]string // column name → canonical type; may be nil
}

func isLit(n node) bool {
	switch n := n.(type) {
	case *litNode:
		return n.kind != litKw || n.val == "true" || n.val == "false" || n.val == "null"
	case *castNode:
		return isLit(n.x)
	}
	return false
}

// stripLitCast drops a cast on a literal: used where the literal's type is
// resolved from the other operand anyway.
func stripLitCast(n node) node {
	if c, ok := n.(*castNode); ok && isLit(c.x) {
		return stripLitCast(c.x)
	}
	return n
}

// stripStrLitCast drops the casts on a string literal (PostgreSQL): an
// argument of a function or an operand of an operator whose other operand is
// not a literal. PostgreSQL resolves an untyped literal there to the type the
// function or operator takes and stores the cast it chose
// (to_tsvector('english'::regconfig, …), now() + '1 day'::interval,
// meta @> '{}'::jsonb, tags && '{x}'::text[]), so the written form without it
// means the same.
func stripStrLitCast(n node) node {
	c, ok := n.(*castNode)
	if !ok {
		return n
	}
	if l, ok := stripLitCast(c).(*litNode); ok && l.kind == litStr {
		return l
	}
	return n
}

func (s *simplifier) all(ns []node) []node {
	out := make([]node, len(ns))
	for i, n := range ns {
		out[i] = s.simplify(n)
	}
	return out
}

func (s *simplifier) simplify(n node) node {
	switch n := n.(type) {
	case *litNode:
		if n.kind == litKw && n.val == "current_timestamp" && s.d == Postgres {
			return &funcNode{name: []string{"now"}}
		}
		if n.kind == litStr && s.d == Postgres {
			// A jsonb or interval literal as PostgreSQL stores it.
			if text, ok := jsonbText(n.val); ok {
				return &litNode{litStr, text}
			}
			if text, ok := pgIntervalText(n.val); ok {
				return &litNode{litStr, text}
			}
			if text, ok := pgTimestampText(n.val); ok {
				return &litNode{litStr, text}
			}
		}
		return n
	case *identNode:
		return n
	case *funcNode:
		f := *n
		f.args = s.all(n.args)
		if s.d == Postgres {
			for i, a := range f.args {
				f.args[i] = stripStrLitCast(a)
			}
		}
		name := strings.Join(f.name, ".")
		if s.d == Postgres && len(f.args) == 0 && !f.star && (name == "transaction_timestamp" || name == "pg_catalog.now") {
			f.name = []string{"now"}
		}
		if t, ok := convertType(&f); ok && s.castStyle(t.typ, f.args[1], f.args[2]) {
			return s.cast(&castNode{f.args[1], t.typ})
		}
		return &f
	case *castNode:
		return s.cast(&castNode{s.simplify(n.x), n.typ})
	case *unaryNode:
		x := s.simplify(n.x)
		if l, ok := x.(*litNode); ok && l.kind == litNum && n.op == "+" {
			return l
		}
		return &unaryNode{n.op, x}
	case *binaryNode:
		op := n.op
		if op == "!=" {
			op = "<>"
		}
		l, r := s.simplify(n.l), s.simplify(n.r)
		if cmpOps[op] || binaryPrec(op) == pLike {
			if !isLit(r) {
				l = stripLitCast(l)
			}
			if !isLit(l) {
				r = stripLitCast(r)
			}
			l, r = s.typedLit(l, r), s.typedLit(r, l)
		} else if s.d == Postgres {
			if !isLit(r) {
				l = stripStrLitCast(l)
			}
			if !isLit(l) {
				r = stripStrLitCast(r)
			}
		}
		return &binaryNode{op, l, r}
	case *boolNode:
		return s.junction(n.op, s.all(n.args))
	case *isNode:
		return &isNode{s.simplify(n.x), n.test}
	case *distinctNode:
		return &distinctNode{s.simplify(n.l), s.simplify(n.r), n.not}
	case *inNode:
		return s.in(n)
	case *anyNode:
		return s.anyAll(n)
	case *caseNode:
		c := &caseNode{}
		if n.arg != nil {
			c.arg = s.simplify(n.arg)
		}
		for _, w := range n.whens {
			c.whens = append(c.whens, [2]node{s.simplify(w[0]), s.simplify(w[1])})
		}
		if n.els != nil {
			e := s.simplify(n.els)
			if l, ok := stripLitCast(e).(*litNode); !ok || l.kind != litKw || l.val != "null" {
				c.els = e
			}
		}
		return c
	case *arrayNode:
		return &arrayNode{s.all(n.elems)}
	case *rowNode:
		return &rowNode{s.all(n.elems)}
	case *subscriptNode:
		return &subscriptNode{s.simplify(n.x), s.simplify(n.idx)}
	case *collateNode:
		return &collateNode{s.simplify(n.x), n.coll}
	}
	return n
}

// typedLit writes a string literal compared with a column of known boolean
// or numeric type as the constant PostgreSQL folds it to: ok = 't' is stored
// as (ok = true), n = '5' as (n = 5).
func (s *simplifier) typedLit(lit, other node) node {
	l, ok := lit.(*litNode)
	id, isID := other.(*identNode)
	if !ok || !isID || l.kind != litStr {
		return lit
	}
	colType, known := s.cols[id.parts[len(id.parts)-1]]
	if !known {
		return lit
	}
	switch cls := classOf(s.d, colType); {
	case cls == classBool && s.d == Postgres:
		if b, ok := boolText(l.val); ok {
			return &litNode{litKw, strconv.FormatBool(b)}
		}
	case (cls == classInteger || cls == classNumber) && isNumberText(l.val):
		return &litNode{litNum, canonicalNumber(strings.TrimSpace(l.val))}
	}
	return lit
}

// in writes x IN (…) the way the database stores it: on PostgreSQL = ANY
// (ARRAY[…]) when the list holds only literals, else a chain of = (or <>)
// comparisons; on SQL Server always the chain (which SQL Server stores last
// element first: see simplify's sorting of AND and OR operands).
func (s *simplifier) in(n *inNode) node {
	x := s.simplify(n.x)
	elems := s.all(n.elems)
	op, quant, join := "=", "any", "or"
	if n.not {
		op, quant, join = "<>", "all", "and"
	}
	if len(elems) == 1 {
		return s.simplify(&binaryNode{op, x, elems[0]})
	}
	allLit := true
	for _, e := range elems {
		allLit = allLit && isLit(e)
	}
	if allLit && s.d == Postgres {
		return s.anyAll(&anyNode{op, quant, x, &arrayNode{elems}})
	}
	var args []node
	for _, e := range elems {
		args = append(args, s.simplify(&binaryNode{op, x, e}))
	}
	return s.junction(join, args)
}

// junction joins simplified operands with AND or OR (op), flattening nested
// junctions of the same operator.
//
// On SQL Server it also sorts them: SQL Server stores x IN ('a', 'b') as
// ([x]='b' OR [x]='a'), and NOT IN as the <> comparisons joined by AND, last
// element first, while an AND or OR written out keeps its order. AND and OR
// commute (T-SQL promises no order of evaluation), so every order compares
// equal once sorted.
func (s *simplifier) junction(op string, operands []node) node {
	var args []node
	for _, a := range operands {
		if b, ok := a.(*boolNode); ok && b.op == op {
			args = append(args, b.args...)
		} else {
			args = append(args, a)
		}
	}
	if s.d == SQLServer {
		sort.SliceStable(args, func(i, j int) bool { return printNode(s.d, args[i], 0) < printNode(s.d, args[j], 0) })
	}
	return &boolNode{op, args}
}

func (s *simplifier) anyAll(n *anyNode) node {
	op := n.op
	if op == "!=" {
		op = "<>"
	}
	l, r := s.simplify(n.l), s.simplify(n.r)
	if c, ok := r.(*castNode); ok {
		if a, ok := c.x.(*arrayNode); ok {
			r = a
		}
	}
	if a, ok := r.(*arrayNode); ok {
		elems := make([]node, len(a.elems))
		for i, e := range a.elems {
			elems[i] = stripLitCast(e)
		}
		r = &arrayNode{elems}
	}
	return &anyNode{op, n.quant, l, r}
}

// convertType returns the type argument of a CONVERT(type, x, style) call.
func convertType(f *funcNode) (*typeNode, bool) {
	if len(f.name) != 1 || f.name[0] != "convert" || len(f.args) != 3 {
		return nil, false
	}
	t, ok := f.args[0].(*typeNode)
	return t, ok
}

// castStyle reports whether style, in CONVERT(typ, x, style) on SQL Server,
// is the style CAST(x AS typ) uses, so that the call means the cast. SQL
// Server stores some casts with the style it applies: CAST(d AS datetime)
// reads back as CONVERT([datetime],[d],(0)). The style matters where a date
// or time type meets a string (how the string is read or written), and for
// float, real, money and xml written as strings; the defaults are those of
// "CAST and CONVERT (Transact-SQL)", Microsoft Learn (see defaultStyles). The
// type that fixes the default is typ when it is a date or time type, else
// the type of x when x is a column and typ a string type.
func (s *simplifier) castStyle(typ string, x, style node) bool {
	l, ok := style.(*litNode)
	if !ok || l.kind != litNum {
		return false
	}
	if styles := defaultStyles(typ); styles != nil {
		return styles[l.val]
	}
	id, ok := x.(*identNode)
	if !ok || classOf(s.d, typ) != classString {
		return false
	}
	from, known := s.cols[id.parts[len(id.parts)-1]]
	return known && defaultStyles(from)[l.val]
}

// defaultStyles returns the styles CONVERT applies by default to a value of
// the canonical SQL Server type typ read from or written to a string ("CAST
// and CONVERT (Transact-SQL)": 0 or 100 for datetime and smalldatetime; 21,
// 25 or 121 for date, time, datetime2 and datetimeoffset, which read a
// string with style 0 too; 0 for float, real, money, smallmoney, xml and
// binary), or nil for a type no style applies to.
func defaultStyles(typ string) map[string]bool {
	base, _, _ := strings.Cut(typ, "(")
	switch base {
	case "datetime", "smalldatetime":
		return map[string]bool{"0": true, "100": true}
	case "date", "time", "datetime2", "datetimeoffset":
		return map[string]bool{"0": true, "21": true, "25": true, "121": true}
	case "float", "real", "money", "smallmoney", "xml", "binary", "varbinary":
		return map[string]bool{"0": true}
	}
	return nil
}

// stringTypes are the canonical types a string literal may be cast to
// without any change of meaning.
func isStringType(typ string) bool {
	switch typ {
	case "text", "character varying", "bpchar", "name", "unknown", "regclass", "nvarchar", "varchar":
		return true
	}
	return strings.HasPrefix(typ, "character varying(") || strings.HasPrefix(typ, "character(")
}

func (s *simplifier) cast(c *castNode) node {
	if inner, ok := c.x.(*castNode); ok && inner.typ == c.typ {
		return inner
	}
	if inner, ok := c.x.(*castNode); ok && sameTypeButModifiers(inner.typ, c.typ) {
		// PostgreSQL stores ARRAY[]::varchar(10)[] as
		// (ARRAY[]::character varying[])::character varying(10)[]: a cast
		// to the bare type, then the length coercion. One cast says the same.
		return s.cast(&castNode{inner.x, c.typ})
	}
	cls := classOf(s.d, c.typ)
	switch x := c.x.(type) {
	case *litNode:
		switch {
		case x.kind == litStr && isStringType(c.typ):
			return x
		case x.kind == litStr && (cls == classInteger || cls == classNumber) && isNumberText(x.val):
			return &litNode{litNum, canonicalNumber(strings.TrimSpace(x.val))}
		}
	case *identNode:
		colType, known := s.cols[x.parts[len(x.parts)-1]]
		if !known {
			break
		}
		from := classOf(s.d, colType)
		switch {
		case from == classString && (c.typ == "text" || c.typ == "character varying"):
			return x
		case from == classInteger && c.typ == "numeric":
			return x
		case colType == c.typ:
			return x
		}
	}
	return c
}

// ---------------------------------------------------------------- printer

func printNode(d Dialect, n node, minP int) string {
	s := render(d, n)
	if prec(n) < minP {
		return "(" + s + ")"
	}
	return s
}

func printList(d Dialect, ns []node) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = printNode(d, n, 0)
	}
	return strings.Join(parts, ", ")
}

func render(d Dialect, n node) string {
	switch n := n.(type) {
	case *litNode:
		if n.kind == litStr {
			return quoteString(n.val)
		}
		return n.val
	case *identNode:
		parts := make([]string, len(n.parts))
		for i, p := range n.parts {
			parts[i] = quoteIdent(d, p)
		}
		return strings.Join(parts, ".")
	case *funcNode:
		name := make([]string, len(n.name))
		for i, p := range n.name {
			name[i] = quoteFuncName(d, p)
		}
		args := printList(d, n.args)
		switch {
		case n.star:
			args = "*"
		case n.distinct:
			args = "distinct " + args
		}
		return strings.Join(name, ".") + "(" + args + ")"
	case *castNode:
		if d == SQLServer {
			return "convert(" + n.typ + ", " + printNode(d, n.x, 0) + ")"
		}
		return printNode(d, n.x, pCast+1) + "::" + n.typ
	case *typeNode:
		return n.typ
	case *unaryNode:
		if n.op == "not" {
			return "not " + printNode(d, n.x, pNot)
		}
		return n.op + printNode(d, n.x, pUnary)
	case *binaryNode:
		pr := binaryPrec(n.op)
		lp, rp := pr, pr+1
		if pr == pCmp || pr == pLike {
			lp = pr + 1
		}
		return printNode(d, n.l, lp) + " " + n.op + " " + printNode(d, n.r, rp)
	case *boolNode:
		pr := prec(n)
		parts := make([]string, len(n.args))
		for i, a := range n.args {
			parts[i] = printNode(d, a, pr+1)
		}
		return strings.Join(parts, " "+n.op+" ")
	case *isNode:
		return printNode(d, n.x, pIs+1) + " is " + n.test
	case *distinctNode:
		op := " is distinct from "
		if n.not {
			op = " is not distinct from "
		}
		return printNode(d, n.l, pIs+1) + op + printNode(d, n.r, pIs+1)
	case *inNode:
		op := " in ("
		if n.not {
			op = " not in ("
		}
		return printNode(d, n.x, pLike+1) + op + printList(d, n.elems) + ")"
	case *anyNode:
		pr := binaryPrec(n.op)
		return printNode(d, n.l, pr+1) + " " + n.op + " " + n.quant + " (" + printNode(d, n.r, 0) + ")"
	case *caseNode:
		var b strings.Builder
		b.WriteString("case")
		if n.arg != nil {
			b.WriteString(" " + printNode(d, n.arg, 0))
		}
		for _, w := range n.whens {
			b.WriteString(" when " + printNode(d, w[0], 0) + " then " + printNode(d, w[1], 0))
		}
		if n.els != nil {
			b.WriteString(" else " + printNode(d, n.els, 0))
		}
		b.WriteString(" end")
		return b.String()
	case *arrayNode:
		return "array[" + printList(d, n.elems) + "]"
	case *rowNode:
		return "(" + printList(d, n.elems) + ")"
	case *subscriptNode:
		return printNode(d, n.x, pSub) + "[" + printNode(d, n.idx, 0) + "]"
	case *collateNode:
		return printNode(d, n.x, pCollate) + " collate " + n.coll
	}
	return ""
}

// quoteString writes s as a standard SQL string literal.
func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// QuoteIdent writes an identifier for an expression of dialect d, quoted only
// where it must be (not a plain lower-case word, or a reserved word).
func QuoteIdent(d Dialect, name string) string { return quoteIdent(d, name) }

// quoteIdent writes an identifier, quoted only where it must be.
func quoteIdent(d Dialect, name string) string {
	if d == SQLServer {
		if isPlainIdent(lowerASCII(name)) {
			return lowerASCII(name)
		}
		return "[" + strings.ReplaceAll(name, "]", "]]") + "]"
	}
	if isPlainIdent(name) && !keywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// quoteFuncName writes a function name: function names may be keywords.
func quoteFuncName(d Dialect, name string) string {
	if d == SQLServer {
		return quoteIdent(d, name)
	}
	if isPlainIdent(name) {
		return name
	}
	return quoteIdent(d, name)
}

func isPlainIdent(s string) bool {
	if s == "" || !(s[0] == '_' || s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// printTokens is the fallback for text the parser does not handle: it
// re-spells each token canonically and spaces them uniformly.
func printTokens(d Dialect, toks []token) string {
	for len(toks) >= 2 && toks[0].text == "(" && toks[0].kind == tPunct && matchingParen(toks) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	var b strings.Builder
	for i, t := range toks {
		var s string
		switch t.kind {
		case tStr:
			s = quoteString(t.text)
		case tQIdent:
			s = quoteIdent(d, t.text)
		case tOp:
			s = t.text
			if s == "!=" {
				s = "<>"
			}
		default:
			s = t.text
		}
		if i > 0 {
			prev := toks[i-1]
			noSpace := prev.kind == tPunct && (prev.text == "(" || prev.text == "[" || prev.text == "." || prev.text == "::") ||
				t.kind == tPunct && (t.text == ")" || t.text == "]" || t.text == "," || t.text == "." || t.text == "::" || t.text == "[") ||
				t.kind == tPunct && t.text == "(" && (prev.kind == tIdent || prev.kind == tQIdent) && !keywords[prev.text]
			if (prev.kind == tNum && t.text == ".") || (prev.text == "." && t.kind == tNum) {
				noSpace = false
			}
			if !noSpace {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// matchingParen returns the index of the parenthesis closing toks[0], or -1.
func matchingParen(toks []token) int {
	depth := 0
	for i, t := range toks {
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// exprColumns returns the distinct unqualified names an expression refers to
// as columns, in order of first use.
func exprColumns(d Dialect, expr string) []string {
	toks, err := tokenize(d, expr)
	if err != nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	n, err := parseTokens(d, toks)
	if err != nil {
		for i, t := range toks {
			if (t.kind == tIdent && !keywords[t.text] || t.kind == tQIdent) &&
				!(i+1 < len(toks) && toks[i+1].text == "(") && !(i > 0 && toks[i-1].text == "::") {
				add(t.text)
			}
		}
		return out
	}
	walk(n, func(x node) {
		if id, ok := x.(*identNode); ok {
			add(id.parts[len(id.parts)-1])
		}
	})
	return out
}

// walk calls f on n and every node below it.
func walk(n node, f func(node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *funcNode:
		for _, a := range n.args {
			walk(a, f)
		}
	case *castNode:
		walk(n.x, f)
	case *unaryNode:
		walk(n.x, f)
	case *binaryNode:
		walk(n.l, f)
		walk(n.r, f)
	case *boolNode:
		for _, a := range n.args {
			walk(a, f)
		}
	case *isNode:
		walk(n.x, f)
	case *distinctNode:
		walk(n.l, f)
		walk(n.r, f)
	case *inNode:
		walk(n.x, f)
		for _, a := range n.elems {
			walk(a, f)
		}
	case *anyNode:
		walk(n.l, f)
		walk(n.r, f)
	case *caseNode:
		walk(n.arg, f)
		for _, w := range n.whens {
			walk(w[0], f)
			walk(w[1], f)
		}
		walk(n.els, f)
	case *arrayNode:
		for _, a := range n.elems {
			walk(a, f)
		}
	case *rowNode:
		for _, a := range n.elems {
			walk(a, f)
		}
	case *subscriptNode:
		walk(n.x, f)
		walk(n.idx, f)
	case *collateNode:
		walk(n.x, f)
	}
}
