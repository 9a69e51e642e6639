package review

import (
	"fmt"
	"strings"
)

// This file is a small reader for the subset of Python that Alembic revision
// files use: logical lines with their indentation, and expressions made of
// calls, keyword arguments, attribute access, lists, tuples, dicts, strings
// (prefixed, triple-quoted, implicitly concatenated), numbers, True/False/None.

// pyTokKind classifies a Python token.
type pyTokKind int

const (
	pyName pyTokKind = iota
	pyNumber
	pyString
	pyOp
)

// pyTok is one Python token.
type pyTok struct {
	kind pyTokKind
	text string // strings: the value, without prefix and quotes
	line int
}

// pyLine is a logical line: its tokens and the indentation of its first line.
type pyLine struct {
	indent int
	line   int
	toks   []pyTok
}

// lexPython splits src into logical lines. Unterminated strings run to the
// end of input; characters Python does not know become one-character operators.
func lexPython(src string) []pyLine {
	var lines []pyLine
	var cur *pyLine
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
				lines = append(lines, pyLine{indent: indent, line: line})
				cur = &lines[len(lines)-1]
			}
			t, n, nl := pyToken(src[i:])
			t.line = line
			line += nl
			i += n
			if t.kind == pyOp {
				switch t.text {
				case "(", "[", "{":
					depth++
				case ")", "]", "}":
					if depth > 0 {
						depth--
					}
				}
			}
			cur.toks = append(cur.toks, t)
		}
	}
	return lines
}

// pyToken reads the token at the start of s: it returns it, the bytes it
// takes and the newlines inside it.
func pyToken(s string) (pyTok, int, int) {
	// string, with an optional prefix (r, b, u, f, rb…)
	j := 0
	for j < len(s) && j < 2 && strings.ContainsRune("rRbBuUfF", rune(s[j])) {
		j++
	}
	if j < len(s) && (s[j] == '\'' || s[j] == '"') {
		raw := strings.ContainsAny(s[:j], "rR")
		text, n := scanPyString(s[j:], raw)
		return pyTok{kind: pyString, text: text}, j + n, strings.Count(s[:j+n], "\n")
	}
	c := s[0]
	switch {
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		k := 0
		for k < len(s) && (s[k] == '_' || s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9' || s[k] >= 0x80) {
			k++
		}
		return pyTok{kind: pyName, text: s[:k]}, k, 0
	case c >= '0' && c <= '9' || c == '.' && len(s) > 1 && s[1] >= '0' && s[1] <= '9':
		k := 0
		for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == '.' || s[k] == '_' || s[k] == 'x' || s[k] == 'e' || s[k] == 'E' || s[k] >= 'a' && s[k] <= 'f') {
			k++
		}
		return pyTok{kind: pyNumber, text: s[:k]}, k, 0
	}
	for _, op := range []string{"**=", "//=", "->", "**", "//", "==", "!=", "<=", ">=", ":=", "+=", "-=", "*=", "/="} {
		if strings.HasPrefix(s, op) {
			return pyTok{kind: pyOp, text: op}, len(op), 0
		}
	}
	n := 1
	for n < len(s) && s[n]&0xC0 == 0x80 { // keep a UTF-8 sequence whole
		n++
	}
	return pyTok{kind: pyOp, text: s[:n]}, n, 0
}

// scanPyString reads a quoted string at the start of s (single or triple quotes)
// and returns its value and length. Escapes are decoded unless raw.
func scanPyString(s string, raw bool) (string, int) {
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q = q + q + q
	}
	var b strings.Builder
	i := len(q)
	for i < len(s) {
		if strings.HasPrefix(s[i:], q) {
			return b.String(), i + len(q)
		}
		c := s[i]
		if c == '\n' && len(q) == 1 {
			return b.String(), i // unterminated single-quoted string
		}
		if c == '\\' && i+1 < len(s) {
			if raw {
				b.WriteString(s[i : i+2])
			} else {
				switch s[i+1] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				case '\n':
				default:
					b.WriteByte(s[i+1])
				}
			}
			i += 2
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), len(s)
}

// pyKind classifies a Python value.
type pyKind int

const (
	pvName   pyKind = iota // a name or dotted name (attribute access): Name holds it
	pvString               // Str
	pvNumber               // Str holds the text
	pvConst                // True, False, None: Str holds it
	pvCall                 // Name is the callee's dotted name (or "" for a call on a complex value), Fn the callee
	pvList                 // Items
	pvTuple                // Items
	pvDict                 // Items are alternating keys and values
	pvOther                // an expression the reader keeps as text (operators…)
)

// pyValue is a parsed Python expression.
type pyValue struct {
	kind   pyKind
	name   string
	str    string
	items  []*pyValue
	fn     *pyValue            // callee of a call
	args   []*pyValue          // positional arguments of a call
	kwargs map[string]*pyValue // keyword arguments of a call
	line   int
}

// kw returns keyword argument k of a call, or nil.
func (v *pyValue) kw(k string) *pyValue {
	if v == nil || v.kwargs == nil {
		return nil
	}
	return v.kwargs[k]
}

// arg returns positional argument i of a call, or nil.
func (v *pyValue) arg(i int) *pyValue {
	if v == nil || i >= len(v.args) {
		return nil
	}
	return v.args[i]
}

// lastName is the last part of a dotted name: sa.String → String.
func (v *pyValue) lastName() string {
	if v == nil {
		return ""
	}
	n := v.name
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// truthy reports whether v is the constant True.
func (v *pyValue) truthy() bool { return v != nil && v.kind == pvConst && v.str == "True" }

// pyParser parses expressions from a token list.
type pyParser struct {
	toks []pyTok
	i    int
}

func (p *pyParser) fail(format string, args ...any) {
	panic(parseError{fmt.Sprintf(format, args...)})
}

func (p *pyParser) eof() bool { return p.i >= len(p.toks) }

func (p *pyParser) peekOp(op string) bool {
	return !p.eof() && p.toks[p.i].kind == pyOp && p.toks[p.i].text == op
}

func (p *pyParser) acceptOp(op string) bool {
	if p.peekOp(op) {
		p.i++
		return true
	}
	return false
}

func (p *pyParser) expectOp(op string) {
	if !p.acceptOp(op) {
		found := "end of line"
		if !p.eof() {
			found = p.toks[p.i].text
		}
		p.fail("expected %q, found %q", op, found)
	}
}

// binaryOps are the operators expr skips over.
var binaryOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "|": true, "&": true,
	"==": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "//": true, "**": true}

// expr parses an expression: a primary, optionally with binary operators
// (kept as pvOther; migrations rarely need their value).
func (p *pyParser) expr() *pyValue {
	v := p.unary()
	for !p.eof() && p.toks[p.i].kind == pyOp && binaryOps[p.toks[p.i].text] {
		p.i++
		p.unary()
		v = &pyValue{kind: pvOther, line: v.line}
	}
	if !p.eof() && p.toks[p.i].kind == pyName && (p.toks[p.i].text == "if" || p.toks[p.i].text == "and" || p.toks[p.i].text == "or") {
		p.fail("conditional expressions are not followed")
	}
	return v
}

func (p *pyParser) unary() *pyValue {
	if p.acceptOp("-") || p.acceptOp("+") {
		v := p.unary()
		if v.kind == pvNumber {
			v.str = "-" + v.str
		}
		return v
	}
	return p.postfix(p.primary())
}

func (p *pyParser) primary() *pyValue {
	if p.eof() {
		p.fail("unexpected end of expression")
	}
	t := p.toks[p.i]
	p.i++
	switch t.kind {
	case pyString:
		s := t.text
		for !p.eof() && p.toks[p.i].kind == pyString { // implicit concatenation
			s += p.toks[p.i].text
			p.i++
		}
		return &pyValue{kind: pvString, str: s, line: t.line}
	case pyNumber:
		return &pyValue{kind: pvNumber, str: t.text, line: t.line}
	case pyName:
		switch t.text {
		case "True", "False", "None":
			return &pyValue{kind: pvConst, str: t.text, line: t.line}
		case "lambda", "not", "await", "yield":
			p.fail("%s expressions are not followed", t.text)
		}
		return &pyValue{kind: pvName, name: t.text, line: t.line}
	}
	switch t.text {
	case "(":
		items, trailing := p.items(")")
		if len(items) == 1 && !trailing {
			return items[0]
		}
		return &pyValue{kind: pvTuple, items: items, line: t.line}
	case "[":
		items, _ := p.items("]")
		return &pyValue{kind: pvList, items: items, line: t.line}
	case "{":
		var items []*pyValue
		for !p.acceptOp("}") {
			items = append(items, p.expr())
			p.expectOp(":")
			items = append(items, p.expr())
			if !p.acceptOp(",") {
				p.expectOp("}")
				break
			}
		}
		return &pyValue{kind: pvDict, items: items, line: t.line}
	}
	p.fail("unexpected %q", t.text)
	return nil
}

// items reads comma-separated expressions up to closer; trailing reports a
// trailing comma (which makes (x,) a tuple).
func (p *pyParser) items(closer string) ([]*pyValue, bool) {
	var items []*pyValue
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
func (p *pyParser) postfix(v *pyValue) *pyValue {
	for {
		switch {
		case p.acceptOp("."):
			if p.eof() || p.toks[p.i].kind != pyName {
				p.fail("expected a name after '.'")
			}
			name := p.toks[p.i].text
			p.i++
			if v.kind == pvName {
				v = &pyValue{kind: pvName, name: v.name + "." + name, line: v.line}
			} else {
				v = &pyValue{kind: pvName, name: "." + name, fn: v, line: v.line}
			}
		case p.acceptOp("("):
			call := &pyValue{kind: pvCall, name: v.name, fn: v, line: v.line, kwargs: map[string]*pyValue{}}
			for !p.acceptOp(")") {
				switch {
				case p.acceptOp("**"), p.acceptOp("*"):
					p.expr() // *args / **kwargs: not followed
				case p.i+1 < len(p.toks) && p.toks[p.i].kind == pyName && p.toks[p.i+1].kind == pyOp && p.toks[p.i+1].text == "=":
					k := p.toks[p.i].text
					p.i += 2
					call.kwargs[k] = p.expr()
				default:
					call.args = append(call.args, p.expr())
				}
				if !p.acceptOp(",") {
					p.expectOp(")")
					break
				}
			}
			v = call
		case p.acceptOp("["):
			p.items("]")
			v = &pyValue{kind: pvOther, line: v.line}
		default:
			return v
		}
	}
}

// parseExpr parses toks as one whole expression.
func parseExpr(toks []pyTok) *pyValue {
	p := &pyParser{toks: toks}
	v := p.expr()
	if !p.eof() {
		p.fail("unexpected %q", p.toks[p.i].text)
	}
	return v
}
