package schema

import (
	"bytes"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/text/unicode/norm"
)

// A fast reader for the HCL that schema files are written in: blocks with
// quoted or bare labels, attributes whose values are quoted strings without
// template sequences, numbers, true, false, null, lists of those, and
// sql("..."); comments; one-line blocks of one attribute. It reads such a
// file about ten times faster than hclsyntax, whose lexer and parser are most
// of the cost of loading (docs/performance.md).
//
// It never decides anything the HCL library would decide differently: it
// gives up (parseFastHCL returns nil) on anything outside that subset, and a
// fastBlock gives up (sets bail) as soon as the decoder asks for something
// hclObject would report as a problem. Load then reads the piece again with
// hclsyntax, so every diagnostic is the library's and hclObject's.
// Positions are the library's: columns count grapheme clusters per token, as
// hclsyntax's scanner does (TestFastHCLMatchesHCL compares the two).

// fastKind is the kind of a value the fast reader reads.
type fastKind uint8

const (
	fastString fastKind = iota
	fastNumber
	fastBool
	fastNull
	fastTuple
	fastSQL // sql("..."): text is the argument
)

// fastAt is a position in the file being read (kept small: a file has
// many).
type fastAt struct{ line, col int32 }

// fastValue is an attribute value, or an element of a list.
type fastValue struct {
	kind  fastKind
	b     bool // a bool's value
	neg   bool // a number has a minus sign
	at    fastAt
	text  string // a string's value; sql()'s argument; a number's literal
	elems []fastValue
}

// number returns a number's value as hclsyntax computes it: the literal
// through cty.ParseNumberVal, the minus through cty's Negate.
func (v fastValue) number() cty.Value {
	n, _ := cty.ParseNumberVal(v.text) // checked when read
	if v.neg {
		n = n.Negate()
	}
	return n
}

// fastAttr is an attribute of a body.
type fastAttr struct {
	name  string
	at    fastAt
	val   fastValue
	asked bool // the decoder asked for it as an attribute
}

// fastState is shared by the blocks (or YAML objects) of one file, or
// piece of one, that a fast reader read.
type fastState struct {
	file string
	// bail is set when the decoder asked for something hclObject (or
	// yamlObject) would have reported: the piece must be read again with
	// the library.
	bail bool
}

// pos returns the position of at.
func (st *fastState) pos(at fastAt) Pos {
	return Pos{File: st.file, Line: int(at.line), Column: int(at.col)}
}

// fastBlock is a block (or the file's body) read by the fast reader; it is
// the object the decoder reads.
type fastBlock struct {
	st       *fastState
	parent   *fastBlock
	typ      string
	start    Pos // the block type's position; the file's start for the file body
	labels   []string
	labelPos []Pos
	attrs    []fastAttr
	blocks   []*fastBlock
	asked    bool // the decoder asked for blocks of this type
	named    bool // label returned the block's name
	// marks are where the block's attributes and blocks start on the
	// reader's stacks while it is read.
	markAttrs, markBlocks int
}

func (b *fastBlock) pos() Pos { return b.start }

// desc describes the block as hclObject does (only diagnostics use it, and
// a fastBlock's diagnostics are replaced by hclObject's).
func (b *fastBlock) desc() string {
	if b.parent == nil {
		return ""
	}
	d := strings.TrimSpace(b.parent.desc() + " " + describeKey(b.typ))
	if b.named {
		d += " " + b.labels[0]
	}
	return d
}

func (b *fastBlock) label(min, max int) (string, Pos) {
	if len(b.labels) < min || len(b.labels) > max {
		b.st.bail = true
		return "", Pos{}
	}
	if len(b.labels) == 0 || max == 0 {
		return "", Pos{}
	}
	b.named = true
	return b.labels[0], b.labelPos[0]
}

// attr finds attribute key and marks it asked; nil when absent.
func (b *fastBlock) attr(key string) *fastAttr {
	for i := range b.attrs {
		if a := &b.attrs[i]; a.name == key {
			a.asked = true
			return a
		}
	}
	return nil
}

// value returns attribute key unless it is absent or null.
func (b *fastBlock) value(key string) (*fastAttr, bool) {
	a := b.attr(key)
	if a == nil || a.val.kind == fastNull {
		return nil, false
	}
	return a, true
}

// want returns attribute key when it is of kind k; it gives up on any other
// kind (hclObject reports a wrong type).
func (b *fastBlock) want(key string, k fastKind) (*fastAttr, bool) {
	a, ok := b.value(key)
	if ok && a.val.kind != k {
		b.st.bail = true
		return nil, false
	}
	return a, ok
}

func (b *fastBlock) str(key string) (string, Pos, bool) {
	if a, ok := b.want(key, fastString); ok {
		return a.val.text, b.st.pos(a.at), true
	}
	return "", Pos{}, false
}

func (b *fastBlock) boolean(key string) (bool, Pos, bool) {
	if a, ok := b.want(key, fastBool); ok {
		return a.val.b, b.st.pos(a.at), true
	}
	return false, Pos{}, false
}

func (b *fastBlock) integer(key string) (int64, Pos, bool) {
	a, ok := b.want(key, fastNumber)
	if !ok {
		return 0, Pos{}, false
	}
	n, acc := a.val.number().AsBigFloat().Int64()
	if acc != big.Exact {
		b.st.bail = true
		return 0, Pos{}, false
	}
	return n, b.st.pos(a.at), true
}

func (b *fastBlock) strList(key string) ([]string, []Pos, bool) {
	a, ok := b.want(key, fastTuple)
	if !ok {
		return nil, nil, false
	}
	var out []string
	var pos []Pos
	for _, e := range a.val.elems {
		if e.kind != fastString {
			b.st.bail = true
			return nil, nil, false
		}
		out = append(out, e.text)
		pos = append(pos, b.st.pos(e.at))
	}
	return out, pos, true
}

func (b *fastBlock) def(key string) (*Default, Pos, bool) {
	a, ok := b.value(key)
	if !ok {
		return nil, Pos{}, false
	}
	v, pos := a.val, b.st.pos(a.at)
	switch v.kind {
	case fastSQL:
		return &Default{Kind: DefaultExpr, Value: v.text}, pos, true
	case fastString:
		return &Default{Kind: DefaultString, Value: v.text}, pos, true
	case fastBool:
		return &Default{Kind: DefaultBool, Value: strconv.FormatBool(v.b)}, pos, true
	case fastNumber:
		return &Default{Kind: DefaultNumber, Value: v.number().AsBigFloat().Text('f', -1)}, pos, true
	}
	b.st.bail = true
	return nil, Pos{}, false
}

func (b *fastBlock) has(key string) bool {
	if b.attr(key) != nil {
		return true
	}
	for _, c := range b.blocks {
		if c.typ == key {
			return true
		}
	}
	return false
}

func (b *fastBlock) children(key string) []object {
	for _, a := range b.attrs {
		if a.name == key { // an attribute where blocks are wanted
			b.st.bail = true
		}
	}
	var out []object
	for _, c := range b.blocks {
		if c.typ == key {
			c.asked = true
			out = append(out, c)
		}
	}
	return out
}

func (b *fastBlock) child(key string) (object, bool) {
	cs := b.children(key)
	if len(cs) == 0 {
		return nil, false
	}
	if len(cs) > 1 {
		b.st.bail = true
	}
	return cs[0], true
}

// done gives up when an attribute or block was never asked for (hclObject
// reports it).
func (b *fastBlock) done() {
	for _, a := range b.attrs {
		if !a.asked {
			b.st.bail = true
		}
	}
	for _, c := range b.blocks {
		if !c.asked {
			b.st.bail = true
		}
	}
}

// fastLexer reads src, keeping the position (line, and column in grapheme
// clusters) of the next byte as hclsyntax counts it.
type fastLexer struct {
	src       []byte
	i         int
	line, col int
	st        *fastState
	// attrs and blocks are stacks that hold the items of the blocks being
	// read, each copied out once its block is read: one allocation per
	// block instead of a growing slice each.
	attrs  []fastAttr
	blocks []*fastBlock
}

// parseFastHCL reads one HCL schema file, or the piece of one that starts at
// start, and returns its body; nil when src is not in the subset the fast
// reader knows (or has a syntax error): then hclsyntax must read it.
func parseFastHCL(filename string, src []byte, start hcl.Pos) *fastBlock {
	lx := &fastLexer{src: src, line: start.Line, col: start.Column, st: &fastState{file: filename}}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		lx.i = 3 // hclsyntax skips a byte order mark without counting it
	}
	top := &fastBlock{st: lx.st, start: Pos{File: filename, Line: 1, Column: 1}}
	if !lx.body(top, true) {
		return nil
	}
	return top
}

func (lx *fastLexer) at() fastAt { return fastAt{int32(lx.line), int32(lx.col)} }

func (lx *fastLexer) peek() byte {
	if lx.i < len(lx.src) {
		return lx.src[lx.i]
	}
	return 0
}

func (lx *fastLexer) eof() bool { return lx.i >= len(lx.src) }

// advance moves over n bytes that hold no newline and no byte above ASCII.
func (lx *fastLexer) advance(n int) {
	lx.i += n
	lx.col += n
}

// token moves over the bytes of one hclsyntax token, counting its columns
// (and lines) as the library's scanner does: one column per grapheme
// cluster.
func (lx *fastLexer) token(b []byte) {
	lx.i += len(b)
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for k := 0; k < len(b); k++ {
			switch {
			case b[k] == '\n':
				lx.line, lx.col = lx.line+1, 1
			case b[k] == '\r' && k+1 < len(b) && b[k+1] == '\n':
				lx.line, lx.col = lx.line+1, 1
				k++
			default:
				lx.col++
			}
		}
		return
	}
	for len(b) > 0 {
		n, seq, _ := textseg.ScanGraphemeClusters(b, true)
		if n == 0 {
			return
		}
		if (len(seq) == 1 && seq[0] == '\n') || (len(seq) == 2 && seq[0] == '\r' && seq[1] == '\n') {
			lx.line, lx.col = lx.line+1, 1
		} else {
			lx.col++
		}
		b = b[n:]
	}
}

// space skips spaces, tabs and /* */ comments; false when a comment is not
// closed.
func (lx *fastLexer) space() bool {
	for !lx.eof() {
		switch c := lx.src[lx.i]; {
		case c == ' ' || c == '\t':
			lx.advance(1)
		case c == '/' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '*':
			end := bytes.Index(lx.src[lx.i+2:], []byte("*/"))
			if end < 0 {
				return false
			}
			lx.token(lx.src[lx.i : lx.i+2+end+2])
		default:
			return true
		}
	}
	return true
}

// lineComment skips a # or // comment with the newline that ends it, if one
// starts here.
func (lx *fastLexer) lineComment() bool {
	c := lx.peek()
	if c != '#' && !(c == '/' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '/') {
		return false
	}
	end := lx.i
	for end < len(lx.src) && lx.src[end] != '\n' {
		end++
	}
	if end < len(lx.src) {
		end++
	}
	lx.token(lx.src[lx.i:end])
	return true
}

// newline reads a newline ("\n" or "\r\n"), if one is here.
func (lx *fastLexer) newline() bool {
	switch {
	case lx.peek() == '\n':
		lx.i++
	case lx.peek() == '\r' && lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '\n':
		lx.i += 2
	default:
		return false
	}
	lx.line, lx.col = lx.line+1, 1
	return true
}

// endOfItem reads what must follow an attribute or a block: the end of the
// line (a newline, or a comment with its newline) or of the file.
func (lx *fastLexer) endOfItem() bool {
	if !lx.space() {
		return false
	}
	return lx.eof() || lx.newline() || lx.lineComment()
}

// open starts reading the items of b onto the stacks.
func (lx *fastLexer) open(b *fastBlock) {
	b.markAttrs, b.markBlocks = len(lx.attrs), len(lx.blocks)
}

// close copies b's items off the stacks.
func (lx *fastLexer) close(b *fastBlock) {
	if len(lx.attrs) > b.markAttrs {
		b.attrs = slices.Clone(lx.attrs[b.markAttrs:])
		lx.attrs = lx.attrs[:b.markAttrs]
	}
	if len(lx.blocks) > b.markBlocks {
		b.blocks = slices.Clone(lx.blocks[b.markBlocks:])
		lx.blocks = lx.blocks[:b.markBlocks]
	}
}

// body reads the items of b up to its closing brace (the end of the file
// for the file's body).
func (lx *fastLexer) body(b *fastBlock, top bool) bool {
	lx.open(b)
	for {
		if !lx.space() {
			return false
		}
		switch c := lx.peek(); {
		case lx.eof():
			lx.close(b)
			return top
		case lx.newline() || lx.lineComment():
		case c == '}':
			if top {
				return false
			}
			lx.advance(1)
			lx.close(b)
			return true
		case hclIdentStart(c):
			if !lx.item(b) {
				return false
			}
		default:
			return false
		}
	}
}

// item reads an attribute or a block of b.
func (lx *fastLexer) item(b *fastBlock) bool {
	at := lx.at()
	name := lx.ident()
	if !lx.space() {
		return false
	}
	if lx.peek() == '=' {
		if lx.i+1 < len(lx.src) && lx.src[lx.i+1] == '=' {
			return false
		}
		return lx.attribute(b, name, at) && lx.endOfItem()
	}
	blk := &fastBlock{st: lx.st, parent: b, typ: name, start: lx.st.pos(at)}
	for {
		switch c := lx.peek(); {
		case c == '"':
			lp := lx.st.pos(lx.at())
			s, ok := lx.quoted(false)
			if !ok {
				return false
			}
			blk.labels, blk.labelPos = append(blk.labels, s), append(blk.labelPos, lp)
		case hclIdentStart(c):
			blk.labelPos = append(blk.labelPos, lx.st.pos(lx.at()))
			blk.labels = append(blk.labels, lx.ident())
		case c == '{':
			lx.advance(1)
			lx.blocks = append(lx.blocks, blk)
			return lx.blockBody(blk) && lx.endOfItem()
		default:
			return false
		}
		if !lx.space() {
			return false
		}
	}
}

// blockBody reads a block's body after its opening brace: lines of items,
// or one attribute on the brace's line.
func (lx *fastLexer) blockBody(blk *fastBlock) bool {
	if !lx.space() {
		return false
	}
	switch c := lx.peek(); {
	case c == '}':
		lx.advance(1)
		return true
	case hclIdentStart(c): // { name = value }, all on one line
		lx.open(blk)
		at := lx.at()
		name := lx.ident()
		if !lx.space() || lx.peek() != '=' || !lx.attribute(blk, name, at) || !lx.space() || lx.peek() != '}' || lx.line != int(at.line) {
			return false
		}
		lx.advance(1)
		lx.close(blk)
		return true
	case lx.newline() || lx.lineComment():
		return lx.body(blk, false)
	}
	return false
}

// attribute reads "= value" of attribute name of b.
func (lx *fastLexer) attribute(b *fastBlock, name string, at fastAt) bool {
	for _, a := range lx.attrs[b.markAttrs:] {
		if a.name == name { // hclsyntax: attribute redefined
			return false
		}
	}
	lx.advance(1) // =
	if !lx.space() {
		return false
	}
	v, ok := lx.value()
	if !ok {
		return false
	}
	lx.attrs = append(lx.attrs, fastAttr{name: name, at: at, val: v})
	return true
}

// hclIdentStart reports whether c starts an HCL identifier (of ASCII).
func hclIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// hclIdentByte reports whether c continues an HCL identifier (of ASCII).
func hclIdentByte(c byte) bool {
	return hclIdentStart(c) || c == '-' || (c >= '0' && c <= '9')
}

// ident reads an identifier (ASCII only: anything else ends it, and the
// caller gives up on what follows).
func (lx *fastLexer) ident() string {
	start := lx.i
	end := start + 1
	for end < len(lx.src) && hclIdentByte(lx.src[end]) {
		end++
	}
	lx.advance(end - start)
	return string(lx.src[start:end])
}

// value reads an expression of the subset.
func (lx *fastLexer) value() (fastValue, bool) {
	v := fastValue{at: lx.at()}
	switch c := lx.peek(); {
	case c == '"':
		s, ok := lx.quoted(true)
		v.kind, v.text = fastString, s
		return v, ok
	case c == '-' || (c >= '0' && c <= '9'):
		return lx.number(v)
	case c == '[':
		return lx.tuple(v)
	case hclIdentStart(c):
		switch name := lx.ident(); name {
		case "true", "false":
			v.kind, v.b = fastBool, name == "true"
		case "null":
			v.kind = fastNull
		case "sql":
			return lx.sqlCall(v)
		default:
			return v, false
		}
		// true.x, null[0]… are traversals; a call of true() is unknown
		c := lx.peek()
		return v, c != '.' && c != '[' && c != '('
	}
	return v, false
}

// number reads a number, maybe negative, as hclsyntax does: the literal
// through cty.ParseNumberVal, the minus through cty's Negate.
func (lx *fastLexer) number(v fastValue) (fastValue, bool) {
	neg := lx.peek() == '-'
	if neg {
		lx.advance(1)
		if !lx.space() {
			return v, false
		}
		if c := lx.peek(); c < '0' || c > '9' {
			return v, false
		}
	}
	// hclsyntax's NumberLit: a digit, then digits, dots and exponents, not
	// ending in a dot.
	s := lx.src
	end := lx.i + 1
	for end < len(s) {
		switch c := s[end]; {
		case c >= '0' && c <= '9', c == '.':
			end++
			continue
		case c == 'e' || c == 'E':
			k := end + 1
			if k < len(s) && (s[k] == '+' || s[k] == '-') {
				k++
			}
			if k < len(s) && s[k] >= '0' && s[k] <= '9' {
				end = k + 1
				continue
			}
		}
		break
	}
	for s[end-1] == '.' {
		end--
	}
	v.kind, v.neg, v.text = fastNumber, neg, string(s[lx.i:end])
	if _, err := cty.ParseNumberVal(v.text); err != nil {
		return v, false
	}
	lx.advance(end - lx.i)
	// 1.x, 1[0] and the like are not numbers
	c := lx.peek()
	return v, !hclIdentByte(c) && c != '.' && c != '['
}

// tuple reads [value, ...], across lines.
func (lx *fastLexer) tuple(v fastValue) (fastValue, bool) {
	lx.advance(1) // [
	v.kind = fastTuple
	for {
		if !lx.gap() {
			return v, false
		}
		if lx.peek() == ']' {
			lx.advance(1)
			return v, true
		}
		e, ok := lx.value()
		if !ok || !lx.gap() {
			return v, false
		}
		v.elems = append(v.elems, e)
		switch lx.peek() {
		case ',':
			lx.advance(1)
		case ']':
			lx.advance(1)
			return v, true
		default:
			return v, false
		}
	}
}

// gap skips spaces, newlines and comments, as inside brackets.
func (lx *fastLexer) gap() bool {
	for {
		if !lx.space() {
			return false
		}
		if !lx.newline() && !lx.lineComment() {
			return true
		}
	}
}

// sqlCall reads ("...") after sql.
func (lx *fastLexer) sqlCall(v fastValue) (fastValue, bool) {
	if !lx.space() || lx.peek() != '(' {
		return v, false
	}
	lx.advance(1)
	if !lx.space() || lx.peek() != '"' {
		return v, false
	}
	s, ok := lx.quoted(true)
	if !ok || !lx.space() || lx.peek() != ')' {
		return v, false
	}
	lx.advance(1)
	v.kind, v.text = fastSQL, s
	return v, true
}

// quoted reads a quoted string without template sequences and returns its
// value. A value (not a block label) is in Unicode normal form C, as cty
// keeps strings.
func (lx *fastLexer) quoted(isValue bool) (string, bool) {
	s := lx.src
	start := lx.i + 1
	end := start
	escaped, ascii := false, true
	for ; end < len(s) && s[end] != '"'; end++ {
		switch c := s[end]; {
		case c == '\\':
			end++
			if end >= len(s) || !strings.ContainsRune(`nrt"\`, rune(s[end])) {
				return "", false // \u, \U and invalid escapes: left to hclsyntax
			}
			escaped = true
		case c == '\n' || c == '\r':
			return "", false
		case (c == '$' || c == '%') && end+1 < len(s) && s[end+1] == '{':
			return "", false // a template sequence, or its $${ escape
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if end >= len(s) {
		return "", false
	}
	content := s[start:end]
	if !ascii && !utf8.Valid(content) {
		return "", false
	}
	lx.advance(1) // "
	if ascii {
		lx.advance(len(content))
	} else {
		// hclsyntax's scanner makes a token of every $ and % and of each
		// run between them.
		for k := 0; k < len(content); {
			n := 1
			if c := content[k]; c != '$' && c != '%' {
				for k+n < len(content) && content[k+n] != '$' && content[k+n] != '%' {
					n++
				}
			}
			lx.token(content[k : k+n])
			k += n
		}
	}
	lx.advance(1) // "
	var str string
	if escaped {
		var b strings.Builder
		for k := 0; k < len(content); k++ {
			c := content[k]
			if c == '\\' {
				k++
				switch c = content[k]; c {
				case 'n':
					c = '\n'
				case 'r':
					c = '\r'
				case 't':
					c = '\t'
				}
			}
			b.WriteByte(c)
		}
		str = b.String()
	} else {
		str = string(content)
	}
	if isValue && !ascii {
		str = norm.NFC.String(str)
	}
	return str, true
}
