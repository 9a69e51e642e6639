// Package pyread reads the subset of Python that Alembic revision files use:
// logical lines with their indentation, and expressions made of calls,
// keyword arguments, attribute access, lists, tuples, dicts, strings
// (prefixed, triple-quoted, implicitly concatenated, with Python's escapes),
// numbers and True/False/None. It evaluates nothing. internal/alembic reads
// revision identifiers with it, review the operations of each revision.
package pyread

import (
	"fmt"
	"strconv"
	"strings"
)

// TokKind classifies a Python token.
type TokKind int

// The token kinds.
const (
	Name   TokKind = iota // a name or keyword
	Number                // Text as written
	String                // Text is the decoded value, adjacent literals not yet joined
	Op                    // an operator or punctuation; an unknown character
)

// Tok is one Python token.
type Tok struct {
	Kind TokKind
	Text string // strings: the value, without prefix and quotes
	Line int
}

// Line is a logical line: its tokens and the indentation of its first line.
type Line struct {
	Indent int
	Line   int
	Toks   []Tok
}

// Lex splits src into logical lines. Lexing goes on past an unterminated
// string (it runs to the end of its line, or of the input when triple-quoted)
// and characters Python does not know become one-character operators; err
// is the first unterminated string, "line N: unterminated string literal".
func Lex(src string) (lines []Line, err error) {
	var cur *Line
	line, depth, i := 1, 0, 0
	atLineStart := true
	indent := 0
	for i < len(src) {
		c := src[i]
		if atLineStart {
			indent = 0
			for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
				indent++
				i++
			}
			atLineStart = false
			continue
		}
		switch {
		case c == '\n':
			line++
			i++
			if depth == 0 {
				cur = nil
				atLineStart = true
			}
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			line++
			i += 2
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		default:
			if cur == nil {
				lines = append(lines, Line{Indent: indent, Line: line})
				cur = &lines[len(lines)-1]
			}
			t, n, nl, ok := token(src[i:])
			if !ok && err == nil {
				err = fmt.Errorf("line %d: unterminated string literal", line)
			}
			t.Line = line
			line += nl
			i += n
			if t.Kind == Op {
				switch t.Text {
				case "(", "[", "{":
					depth++
				case ")", "]", "}":
					if depth > 0 {
						depth--
					}
				}
			}
			cur.Toks = append(cur.Toks, t)
		}
	}
	return lines, err
}

// Assignment splits a line `name = value` or `name: T = value` into the name
// and the tokens of the value; ok is false for any other line.
func (l Line) Assignment() (name string, value []Tok, ok bool) {
	t := l.Toks
	if len(t) < 2 || t[0].Kind != Name {
		return "", nil, false
	}
	if t[1].Kind == Op && t[1].Text == "=" {
		return t[0].Text, t[2:], true
	}
	if t[1].Kind == Op && t[1].Text == ":" {
		for j := 2; j < len(t); j++ {
			if t[j].Kind == Op && t[j].Text == "=" {
				return t[0].Text, t[j+1:], true
			}
		}
	}
	return "", nil, false
}

// token reads the token at the start of s: it returns it, the bytes it
// takes and the newlines inside it; ok is false for an unterminated string.
func token(s string) (t Tok, size, newlines int, ok bool) {
	// string, with an optional prefix (r, b, u, f, rb…)
	j := 0
	for j < len(s) && j < 2 && strings.ContainsRune("rRbBuUfF", rune(s[j])) {
		j++
	}
	if j < len(s) && (s[j] == '\'' || s[j] == '"') {
		raw := strings.ContainsAny(s[:j], "rR")
		text, n, ok := scanString(s[j:], raw)
		return Tok{Kind: String, Text: text}, j + n, strings.Count(s[:j+n], "\n"), ok
	}
	c := s[0]
	switch {
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		k := 0
		for k < len(s) && (s[k] == '_' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9' || s[k] >= 0x80) {
			k++
		}
		return Tok{Kind: Name, Text: s[:k]}, k, 0, true
	case c >= '0' && c <= '9' || c == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		k := 0
		for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == '.' || s[k] == '_' || s[k] == 'x' || s[k] == 'e' || s[k] == 'E' || s[k] >= 'a' && s[k] <= 'f') {
			k++
		}
		return Tok{Kind: Number, Text: s[:k]}, k, 0, true
	}
	for _, op := range []string{"**=", "//=", "->", "**", "//", "==", "!=", "<=", ">=", ":=", "+=", "-=", "*=", "/="} {
		if strings.HasPrefix(s, op) {
			return Tok{Kind: Op, Text: op}, len(op), 0, true
		}
	}
	n := 1
	for n < len(s) && s[n]&0xC0 == 0x80 { // keep a UTF-8 sequence whole
		n++
	}
	return Tok{Kind: Op, Text: s[:n]}, n, 0, true
}

// scanString reads a quoted string at the start of s (single or triple
// quotes) and returns its value, its length and whether it is terminated.
// Escapes are decoded unless raw.
func scanString(s string, raw bool) (string, int, bool) {
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q = q + q + q
	}
	var b strings.Builder
	i := len(q)
	for i < len(s) {
		if strings.HasPrefix(s[i:], q) {
			return b.String(), i + len(q), true
		}
		c := s[i]
		if c == '\n' && len(q) == 1 {
			return b.String(), i, false
		}
		if c == '\\' && i+1 < len(s) {
			if raw {
				b.WriteString(s[i : i+2])
				i += 2
				continue
			}
			text, n := escape(s[i:])
			b.WriteString(text)
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), len(s), false
}

// escape decodes the escape sequence at the start of s (which starts with a
// backslash); it returns the text and the bytes it took. An unknown escape
// stays as it is, as in Python (Python reference, 2.4.1 String and Bytes
// literals).
func escape(s string) (string, int) {
	simple := map[byte]string{'\\': `\`, '\'': `'`, '"': `"`, 'n': "\n", 't': "\t", 'r': "\r",
		'a': "\a", 'b': "\b", 'f': "\f", 'v': "\v", '0': "\x00", '\n': ""}
	if t, ok := simple[s[1]]; ok {
		return t, 2
	}
	for _, hex := range []struct {
		letter byte
		digits int
	}{{'x', 2}, {'u', 4}, {'U', 8}} {
		if s[1] == hex.letter && len(s) >= 2+hex.digits {
			if n, err := strconv.ParseUint(s[2:2+hex.digits], 16, 32); err == nil {
				return string(rune(n)), 2 + hex.digits
			}
		}
	}
	return s[:2], 2
}

// Kind classifies a Python value.
type Kind int

// The value kinds.
const (
	VName   Kind = iota // a name or dotted name (attribute access): Name holds it
	VString             // Str
	VNumber             // Str holds the text
	VConst              // True, False, None: Str holds it
	VCall               // Name is the callee's dotted name (or "" for a call on a complex value), Fn the callee
	VList               // Items
	VTuple              // Items
	VDict               // Items are alternating keys and values
	VOther              // an expression the reader keeps as text (operators…)
)

// Value is a parsed Python expression.
type Value struct {
	Kind   Kind
	Name   string            // VName and VCall: the dotted name
	Str    string            // VString: the value; VNumber, VConst: the text
	Items  []*Value          // VList, VTuple, VDict
	Fn     *Value            // callee of a call
	Args   []*Value          // positional arguments of a call
	Kwargs map[string]*Value // keyword arguments of a call
	Line   int               // the line it starts on
}

// Kw returns keyword argument k of a call, or nil.
func (v *Value) Kw(k string) *Value {
	if v == nil || v.Kwargs == nil {
		return nil
	}
	return v.Kwargs[k]
}

// Arg returns positional argument i of a call, or nil.
func (v *Value) Arg(i int) *Value {
	if v == nil || i >= len(v.Args) {
		return nil
	}
	return v.Args[i]
}

// LastName is the last part of a dotted name: sa.String → String.
func (v *Value) LastName() string {
	if v == nil {
		return ""
	}
	n := v.Name
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// Truthy reports whether v is the constant True.
func (v *Value) Truthy() bool { return v != nil && v.Kind == VConst && v.Str == "True" }

// parser parses expressions from a token list.
type parser struct {
	toks []Tok
	i    int
}

func (p *parser) fail(format string, args ...any) {
	panic(Error{Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) eof() bool { return p.i >= len(p.toks) }

func (p *parser) peekOp(op string) bool {
	return !p.eof() && p.toks[p.i].Kind == Op && p.toks[p.i].Text == op
}

func (p *parser) acceptOp(op string) bool {
	if p.peekOp(op) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectOp(op string) {
	if !p.acceptOp(op) {
		found := "end of line"
		if !p.eof() {
			found = p.toks[p.i].Text
		}
		p.fail("expected %q, found %q", op, found)
	}
}

// binaryOps are the operators expr skips over.
var binaryOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "|": true, "&": true,
	"==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "//": true, "**": true}

// expr parses an expression: a primary, optionally with binary operators
// (kept as VOther; migrations rarely need their value).
func (p *parser) expr() *Value {
	v := p.unary()
	for !p.eof() && p.toks[p.i].Kind == Op && binaryOps[p.toks[p.i].Text] {
		p.i++
		p.unary()
		v = &Value{Kind: VOther, Line: v.Line}
	}
	if !p.eof() && p.toks[p.i].Kind == Name && (p.toks[p.i].Text == "if" || p.toks[p.i].Text == "and" || p.toks[p.i].Text == "or") {
		p.fail("conditional expressions are not followed")
	}
	return v
}

func (p *parser) unary() *Value {
	if p.acceptOp("-") || p.acceptOp("+") {
		v := p.unary()
		if v.Kind == VNumber {
			v.Str = "-" + v.Str
		}
		return v
	}
	return p.postfix(p.primary())
}

func (p *parser) primary() *Value {
	if p.eof() {
		p.fail("unexpected end of expression")
	}
	t := p.toks[p.i]
	p.i++
	switch t.Kind {
	case String:
		s := t.Text
		for !p.eof() && p.toks[p.i].Kind == String { // implicit concatenation
			s += p.toks[p.i].Text
			p.i++
		}
		return &Value{Kind: VString, Str: s, Line: t.Line}
	case Number:
		return &Value{Kind: VNumber, Str: t.Text, Line: t.Line}
	case Name:
		switch t.Text {
		case "True", "False", "None":
			return &Value{Kind: VConst, Str: t.Text, Line: t.Line}
		case "lambda", "not", "await", "yield":
			p.fail("%s expressions are not followed", t.Text)
		}
		return &Value{Kind: VName, Name: t.Text, Line: t.Line}
	}
	switch t.Text {
	case "(":
		items, trailing := p.items(")")
		if len(items) == 1 && !trailing {
			return items[0]
		}
		return &Value{Kind: VTuple, Items: items, Line: t.Line}
	case "[":
		items, _ := p.items("]")
		return &Value{Kind: VList, Items: items, Line: t.Line}
	case "{":
		var items []*Value
		for !p.acceptOp("}") {
			items = append(items, p.expr())
			p.expectOp(":")
			items = append(items, p.expr())
			if !p.acceptOp(",") {
				p.expectOp("}")
				break
			}
		}
		return &Value{Kind: VDict, Items: items, Line: t.Line}
	}
	p.fail("unexpected %q", t.Text)
	return nil
}

// items reads comma-separated expressions up to closer; trailing reports a
// trailing comma (which makes (x,) a tuple).
func (p *parser) items(closer string) ([]*Value, bool) {
	var items []*Value
	trailing := false
	for !p.acceptOp(closer) {
		items = append(items, p.expr())
		trailing = false
		if !p.acceptOp(",") {
			p.expectOp(closer)
			break
		}
		trailing = true
	}
	return items, trailing
}

// postfix applies attribute access, calls and subscripts to v.
func (p *parser) postfix(v *Value) *Value {
	for {
		switch {
		case p.acceptOp("."):
			if p.eof() || p.toks[p.i].Kind != Name {
				p.fail("expected a name after '.'")
			}
			name := p.toks[p.i].Text
			p.i++
			if v.Kind == VName {
				v = &Value{Kind: VName, Name: v.Name + "." + name, Line: v.Line}
			} else {
				v = &Value{Kind: VName, Name: "." + name, Fn: v, Line: v.Line}
			}
		case p.acceptOp("("):
			call := &Value{Kind: VCall, Name: v.Name, Fn: v, Line: v.Line, Kwargs: map[string]*Value{}}
			for !p.acceptOp(")") {
				switch {
				case p.acceptOp("**"), p.acceptOp("*"):
					p.expr() // *args / **kwargs: not followed
				case p.i+1 < len(p.toks) && p.toks[p.i].Kind == Name && p.toks[p.i+1].Kind == Op && p.toks[p.i+1].Text == "=":
					k := p.toks[p.i].Text
					p.i += 2
					call.Kwargs[k] = p.expr()
				default:
					call.Args = append(call.Args, p.expr())
				}
				if !p.acceptOp(",") {
					p.expectOp(")")
					break
				}
			}
			v = call
		case p.acceptOp("["):
			p.items("]")
			v = &Value{Kind: VOther, Line: v.Line}
		default:
			return v
		}
	}
}

// Error is what ParseExpr returns for an expression it cannot read.
type Error struct{ Msg string }

func (e Error) Error() string { return e.Msg }

// ParseExpr parses toks as one whole expression; an Error says what it
// cannot read (a conditional, a lambda, an unexpected token…).
func ParseExpr(toks []Tok) (v *Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(Error)
			if !ok {
				panic(r)
			}
			err = pe
		}
	}()
	p := &parser{toks: toks}
	v = p.expr()
	if !p.eof() {
		p.fail("unexpected %q", p.toks[p.i].Text)
	}
	return v, nil
}
