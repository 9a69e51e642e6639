package schema

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A fast reader for the YAML that schema files are written in: block
// mappings and block sequences by indentation of spaces, keys of letters,
// digits and underscores, plain, single- and double-quoted scalars on one
// line, flow mappings and flow sequences on one line, comments. It reads
// such a file about ten times faster than go-yaml, whose lexer, parser and
// syntax tree were most of the cost of loading a YAML schema
// (docs/performance.md).
//
// As the HCL one (hcl_fast.go), it never decides anything go-yaml would
// decide differently: it gives up (parseFastYAML returns nil) on anything
// outside that subset — anchors, aliases, tags, block scalars, document
// markers, directives, tabs, a byte order mark, multi-line scalars, a
// plain scalar it cannot resolve with certainty (yes, 0x1F, 012, .inf,
// 1e3…), a duplicate key — and an fyObject gives up (sets bail) as soon
// as the decoder asks for something yamlObject would report as a problem.
// Load then reads the piece again with go-yaml, so every diagnostic is the
// library's and yamlObject's. Positions are go-yaml's: columns count runes,
// a plain scalar that ends its line is placed after its trailing spaces, and
// a comment that ends with CRLF counts two lines, as go-yaml's scanner does
// (TestFastYAMLMatchesYAML compares the two readers).

// fyKind is the kind of a node the fast YAML reader reads.
type fyKind uint8

const (
	fyNull fyKind = iota
	fyString
	fyInt   // text holds its digits, maybe after a minus
	fyFloat // text holds digits, a dot and digits, maybe after a minus
	fyBool  // text is true or false, in any of go-yaml's three spellings
	fyMap   // kids are its entries
	fySeq   // kids are its items
)

// fyNode is a node of the tree the fast YAML reader builds; an entry of a
// mapping is its value node with its key.
type fyNode struct {
	kind  fyKind
	at    fastAt // go-yaml's position of the node's token
	keyAt fastAt // an entry's key
	key   string // an entry's key
	text  string // a scalar's value
	kids  []fyNode
}

// fyMaxEntries is the most entries a mapping may have for the fast reader
// (an fyObject keeps which were asked for in a uint64).
const fyMaxEntries = 64

// fyReader reads one YAML file, or the piece of one that starts at an item
// of its top-level tables list (see yamlChunks).
type fyReader struct {
	s      string // the text; every key and string value is a substring
	i      int    // the next byte
	line   int32  // its line, as go-yaml counts lines
	col    int32  // its column, in runes
	indent int    // the indentation of the line at i; -1 at the end of s
	// stack holds the entries and items of the collections being read,
	// each copied out once its collection is read: one allocation per
	// collection instead of a growing slice each.
	stack []fyNode
}

// parseFastYAML reads one YAML schema file — or, when tablesLine is not 0,
// the piece of one that starts at an item of its tables list on line
// startLine, tablesLine being the line of the "tables:" key, as
// parseYAMLPiece reads it — and returns its top-level mapping; nil when src
// is not in the subset the fast reader knows (or has a syntax error): then
// go-yaml must read it.
func parseFastYAML(filename string, src []byte, tablesLine, startLine int) *fyObject {
	s := string(src)
	// go-yaml reads runes (a bad byte becomes U+FFFD) and keeps a byte
	// order mark as a character of the first key; a NUL is left to it too,
	// so that peek's 0 is the end of the text.
	if !utf8.ValidString(s) || strings.HasPrefix(s, "\uFEFF") || strings.IndexByte(s, 0) >= 0 {
		return nil
	}
	// deep enough for the collections open at once in a schema file
	r := &fyReader{s: s, line: 1, stack: make([]fyNode, 0, 32)}
	if tablesLine != 0 {
		r.line = int32(startLine)
	}
	if !r.content() {
		return nil
	}
	if tablesLine != 0 {
		// the piece's first line is an item of the tables list: the value
		// of a tables key at the top of the piece
		v, ok := r.below(0)
		if !ok {
			return nil
		}
		v.key, v.keyAt = "tables", fastAt{int32(tablesLine), 1}
		r.stack = append(r.stack, v)
	}
	top, ok := r.blockMap(0, 0)
	if !ok || r.indent >= 0 {
		return nil
	}
	st := &fastState{file: filename}
	return &fyObject{st: st, start: Pos{File: filename, Line: 1, Column: 1}, node: &top}
}

func (r *fyReader) at() fastAt { return fastAt{r.line, r.col} }

// peek returns the next byte; 0 at the end of the text.
func (r *fyReader) peek() byte {
	if r.i < len(r.s) {
		return r.s[r.i]
	}
	return 0
}

// peekAt returns the byte k after the next; 0 past the end of the text.
func (r *fyReader) peekAt(k int) byte {
	if r.i+k < len(r.s) {
		return r.s[r.i+k]
	}
	return 0
}

// advance moves over n bytes of ASCII that hold no line break.
func (r *fyReader) advance(n int) {
	r.i += n
	r.col += int32(n)
}

// advanceText moves over the bytes up to end, which hold no line break,
// counting a column per rune.
func (r *fyReader) advanceText(end int) {
	for ; r.i < end; r.i++ {
		if r.s[r.i]&0xC0 != 0x80 { // not a continuation byte
			r.col++
		}
	}
}

// spaces skips spaces.
func (r *fyReader) spaces() {
	for r.peek() == ' ' {
		r.advance(1)
	}
}

// newline reads a line break (LF or CRLF), if one is here.
func (r *fyReader) newline() bool {
	switch {
	case r.peek() == '\n':
		r.i++
	case r.peek() == '\r' && r.peekAt(1) == '\n':
		r.i += 2
	default:
		return false
	}
	r.line++
	r.col = 1
	return true
}

// comment skips a comment and the line break that ends it. go-yaml's
// scanner ends a comment at the CR of a CRLF and then reads the LF as a
// line break of its own: such a comment counts two lines.
func (r *fyReader) comment() bool {
	end := strings.IndexByte(r.s[r.i:], '\n')
	if end < 0 { // the last line
		if strings.IndexByte(r.s[r.i:], '\r') >= 0 {
			return false
		}
		r.i = len(r.s)
		return true
	}
	text := r.s[r.i : r.i+end]
	if cr := strings.IndexByte(text, '\r'); cr >= 0 && cr != len(text)-1 {
		return false // a CR that is not part of a CRLF
	}
	r.i += end + 1
	r.line++
	if strings.HasSuffix(text, "\r") {
		r.line++
	}
	r.col = 1
	return true
}

// content moves to the first character of the next line that holds more
// than spaces and a comment, and sets indent (-1 at the end of the text).
// It starts at the start of a line.
func (r *fyReader) content() bool {
	for {
		start := r.i
		for r.peek() == ' ' {
			r.i++
		}
		r.col = int32(r.i-start) + 1
		switch c := r.peek(); {
		case c == 0:
			r.indent = -1
			return true
		case c == '#':
			if !r.comment() {
				return false
			}
		case c == '\n' || c == '\r':
			if !r.newline() {
				return false
			}
		case c < ' ': // a tab, or another control character
			return false
		default:
			r.indent = r.i - start
			return true
		}
	}
}

// endLine reads what may follow a value on its line — spaces, a comment —
// and the line break, and moves to the next line with content.
func (r *fyReader) endLine() bool {
	r.spaces()
	switch r.peek() {
	case 0:
	case '#':
		if !r.comment() {
			return false
		}
	default:
		if !r.newline() {
			return false
		}
	}
	return r.content()
}

// collect makes a node of kind of the entries or items on the stack from
// mark, and takes them off it.
func (r *fyReader) collect(kind fyKind, at fastAt, mark int) (fyNode, bool) {
	n := fyNode{kind: kind, at: at}
	if len(r.stack) > mark {
		n.kids = slices.Clone(r.stack[mark:])
		r.stack = r.stack[:mark]
	}
	return n, kind != fyMap || len(n.kids) <= fyMaxEntries
}

// blockMap reads the entries of a block mapping whose keys are indented
// by indent, onto the stack from mark (where entries already read may be),
// up to a line indented less.
func (r *fyReader) blockMap(indent, mark int) (fyNode, bool) {
	for r.indent == indent {
		if !r.entry(indent, mark) {
			return fyNode{}, false
		}
	}
	if r.indent > indent {
		return fyNode{}, false
	}
	var at fastAt
	if len(r.stack) > mark {
		// go-yaml's token of a block mapping is the colon of its first
		// entry
		first := r.stack[mark]
		at = fastAt{first.keyAt.line, first.keyAt.col + int32(len(first.key))}
	}
	return r.collect(fyMap, at, mark)
}

// entry reads an entry of a block mapping whose keys are indented by
// indent, the key being here, and pushes it.
func (r *fyReader) entry(indent, mark int) bool {
	keyAt := r.at()
	key, ok := r.key(false)
	if !ok {
		return false
	}
	if r.defined(key, mark) {
		return false
	}
	r.spaces()
	var v fyNode
	switch r.peek() {
	case 0, '\n', '\r', '#':
		if !r.endLine() {
			return false
		}
		v, ok = r.below(indent)
	default:
		v, ok = r.value(false)
		ok = ok && r.endLine()
	}
	if !ok {
		return false
	}
	v.key, v.keyAt = key, keyAt
	r.stack = append(r.stack, v)
	return true
}

// defined reports whether a mapping whose entries are on the stack from
// mark has key already (go-yaml: mapping key already defined).
func (r *fyReader) defined(key string, mark int) bool {
	for _, e := range r.stack[mark:] {
		if e.key == key {
			return true
		}
	}
	return false
}

// below reads the value of a key of a block mapping indented by indent
// that has nothing after it on its line: a block collection on the next
// lines (a sequence may be indented as the key), or null.
func (r *fyReader) below(indent int) (fyNode, bool) {
	switch {
	case r.indent > indent && r.item():
		return r.blockSeq(r.indent)
	case r.indent > indent && r.keyLen(false) > 0:
		return r.blockMap(r.indent, len(r.stack))
	case r.indent > indent: // a scalar or a flow collection on the next line
		return fyNode{}, false
	case r.indent == indent && r.item():
		return r.blockSeq(indent)
	}
	return fyNode{kind: fyNull}, true
}

// item reports whether a block sequence item starts here.
func (r *fyReader) item() bool {
	if r.peek() != '-' {
		return false
	}
	c := r.peekAt(1)
	return c == 0 || c == ' ' || c == '\n' || c == '\r'
}

// blockSeq reads the items of a block sequence indented by indent, up to a
// line indented less or holding no item.
func (r *fyReader) blockSeq(indent int) (fyNode, bool) {
	mark, at := len(r.stack), r.at()
	for r.indent == indent && r.item() {
		r.advance(1)
		if r.peek() != ' ' { // an empty item, or its value below it
			return fyNode{}, false
		}
		r.spaces()
		var v fyNode
		ok := true
		if r.keyLen(false) > 0 {
			m, ind := len(r.stack), int(r.col)-1
			ok = r.entry(ind, m)
			if ok {
				v, ok = r.blockMap(ind, m)
			}
		} else {
			v, ok = r.value(false)
			ok = ok && r.endLine()
		}
		if !ok {
			return fyNode{}, false
		}
		r.stack = append(r.stack, v)
	}
	if r.indent > indent {
		return fyNode{}, false
	}
	return r.collect(fySeq, at, mark)
}

// keyLen returns the length of the key here, if one is: letters, digits
// and underscores, not starting with a digit, followed by a colon and a
// space (or, in a block, the end of the line or of the text); else 0.
func (r *fyReader) keyLen(flow bool) int {
	s, k := r.s, r.i
	if k >= len(s) || !fyKeyStart(s[k]) {
		return 0
	}
	for k++; k < len(s) && fyKeyByte(s[k]); k++ {
	}
	if k >= len(s) || s[k] != ':' {
		return 0
	}
	var c byte // what follows the colon
	if k+1 < len(s) {
		c = s[k+1]
	}
	if c == ' ' || !flow && (c == 0 || c == '\n' || c == '\r') {
		return k - r.i
	}
	return 0
}

// key reads a key (see keyLen) and its colon.
func (r *fyReader) key(flow bool) (string, bool) {
	n := r.keyLen(flow)
	if n == 0 {
		return "", false
	}
	key := r.s[r.i : r.i+n]
	r.advance(n + 1)
	return key, true
}

// fyKeyStart reports whether a key the fast reader reads may start with c.
func fyKeyStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// fyKeyByte reports whether c may continue a key the fast reader reads.
func fyKeyByte(c byte) bool {
	return fyKeyStart(c) || (c >= '0' && c <= '9')
}

// value reads a scalar or a flow collection, in a block or (flow) in a
// flow collection.
func (r *fyReader) value(flow bool) (fyNode, bool) {
	switch r.peek() {
	case '{':
		return r.flow(fyMap)
	case '[':
		return r.flow(fySeq)
	case '"', '\'':
		return r.quoted()
	}
	return r.plain(flow)
}

// flow reads a flow mapping {key: value, ...} or (kind fySeq) a flow
// sequence [value, ...], on one line.
func (r *fyReader) flow(kind fyKind) (fyNode, bool) {
	closing := byte(']')
	if kind == fyMap {
		closing = '}'
	}
	at, mark := r.at(), len(r.stack)
	r.advance(1)
	r.spaces()
	if r.peek() == closing {
		r.advance(1)
		return fyNode{kind: kind, at: at}, true
	}
	for {
		keyAt := r.at()
		var key string
		if kind == fyMap {
			var ok bool
			if key, ok = r.key(true); !ok || r.defined(key, mark) {
				return fyNode{}, false
			}
			r.spaces()
		}
		v, ok := r.value(true)
		if !ok {
			return fyNode{}, false
		}
		v.key, v.keyAt = key, keyAt
		r.stack = append(r.stack, v)
		r.spaces()
		switch r.peek() {
		case closing:
			r.advance(1)
			return r.collect(kind, at, mark)
		case ',':
			r.advance(1)
			r.spaces()
			// a comma before the closing bracket is left to go-yaml
			if c := r.peek(); c == closing || c == ',' || c == 0 {
				return fyNode{}, false
			}
		default:
			return fyNode{}, false
		}
	}
}

// plain reads a plain scalar: in a block, to the end of the line or a
// comment; in a flow collection, to a comma or closing bracket.
func (r *fyReader) plain(flow bool) (fyNode, bool) {
	s, start := r.s, r.i
	if !fyPlainStart(r.peek(), r.peekAt(1)) {
		return fyNode{}, false
	}
	end, k := start, start
scan:
	for ; k < len(s); k++ {
		switch c := s[k]; {
		case c == ' ':
			continue
		case c == '\n' || c == '\r':
			if flow {
				return fyNode{}, false
			}
			break scan
		case c == '#' && !flow && s[k-1] == ' ':
			break scan
		case flow && (c == ',' || c == ']' || c == '}'):
			break scan
		case c == ':' || c == '#' || c < ' ' || flow && (c == '[' || c == '{'):
			return fyNode{}, false
		}
		end = k + 1
	}
	if flow && k == len(s) {
		return fyNode{}, false
	}
	n := fyNode{at: r.at(), text: s[start:end]}
	var ok bool
	if n.kind, ok = fyResolve(n.text); !ok {
		return fyNode{}, false
	}
	if k < len(s) && (s[k] == '\n' || s[k] == '\r') {
		// go-yaml places a plain scalar that ends its line after its
		// trailing spaces (the column of the line break less the
		// scalar's length)
		n.at.col += int32(k - end)
	}
	r.advanceText(k)
	return n, true
}

// fyPlainStart reports whether a plain scalar the fast reader reads may
// start with c (followed by next): not with an indicator of YAML, nor with
// a character that may start a number it does not read.
func fyPlainStart(c, next byte) bool {
	switch {
	case fyKeyByte(c), c >= utf8.RuneSelf, c == '(', c == '/', c == '$', c == '~':
		return true
	case c == '-':
		return next >= '0' && next <= '9'
	}
	return false
}

// fyResolve returns the kind of a plain scalar as go-yaml resolves it
// (token.New: null, bool and number keywords, then token.ToNumber); false
// when the fast reader is not sure of it.
func fyResolve(text string) (fyKind, bool) {
	switch text {
	case "null", "Null", "NULL", "~":
		return fyNull, true
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return fyBool, true
	}
	switch c := text[0]; {
	case c == '-' || (c >= '0' && c <= '9'):
		return fyNumber(text)
	case c == '~':
		return 0, false
	}
	if len(text) <= 3 {
		switch strings.ToLower(text) {
		case "y", "n", "yes", "no", "on", "off": // YAML 1.1 bools, strings to go-yaml
			return 0, false
		}
	}
	return fyString, true
}

// fyNumber resolves a plain scalar that starts with a digit or a minus: an
// integer without leading zeros (octal to go-yaml) that fits in 64 bits
// (go-yaml makes a string of a longer one), or a float of digits, a dot
// and digits; false for anything else (1e3, 1_000, 0x1F, 1., 2024-01-01).
func fyNumber(text string) (fyKind, bool) {
	t := strings.TrimPrefix(text, "-")
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	if digits == 0 || (digits > 1 && t[0] == '0') {
		return 0, false
	}
	if digits == len(t) {
		var err error
		if len(t) < len(text) {
			_, err = strconv.ParseInt(text, 10, 64)
		} else {
			_, err = strconv.ParseUint(text, 10, 64)
		}
		return fyInt, err == nil
	}
	frac := t[digits:]
	if len(frac) < 2 || frac[0] != '.' || strings.TrimLeft(frac[1:], "0123456789") != "" {
		return 0, false
	}
	_, err := strconv.ParseFloat(text, 64)
	return fyFloat, err == nil
}

// fyEscape returns what go-yaml's scanner makes of the escape \e of a
// double-quoted scalar of one character; false when it is not one.
func fyEscape(e byte) (rune, bool) {
	switch e {
	case '0':
		return 0, true
	case 'a':
		return 0x07, true
	case 'b':
		return 0x08, true
	case 't':
		return 0x09, true
	case 'n':
		return 0x0A, true
	case 'v':
		return 0x0B, true
	case 'f':
		return 0x0C, true
	case 'r':
		return 0x0D, true
	case 'e':
		return 0x1B, true
	case ' ', '"', '/', '\\':
		return rune(e), true
	case 'N':
		return 0x85, true
	case '_':
		return 0xA0, true
	case 'L':
		return 0x2028, true
	case 'P':
		return 0x2029, true
	}
	return 0, false
}

// quoted reads a single- or double-quoted scalar on one line. In a
// double-quoted one, escapes of one character, \x with two hex digits and
// \u with four (no surrogates) are read as go-yaml's scanner reads them; it
// gives up on any other.
func (r *fyReader) quoted() (fyNode, bool) {
	n := fyNode{kind: fyString, at: r.at()}
	s, q := r.s, r.peek()
	var b []byte // the value, when it has escapes or doubled quotes
	start := r.i + 1
	for k := start; k < len(s); k++ {
		switch c := s[k]; {
		case c == '\'' && q == '\'' && k+1 < len(s) && s[k+1] == '\'':
			b = append(append(b, s[start:k]...), '\'')
			k++
			start = k + 1
		case c == q:
			if b != nil {
				n.text = string(append(b, s[start:k]...))
			} else {
				n.text = s[start:k]
			}
			r.advanceText(k + 1)
			return n, true
		case c == '\\' && q == '"':
			v, width, ok := fyUnescape(s, k)
			if !ok {
				return fyNode{}, false
			}
			b = utf8.AppendRune(append(b, s[start:k]...), v)
			k += width
			start = k + 1
		case c < ' ': // a line break, a tab
			return fyNode{}, false
		}
	}
	return fyNode{}, false
}

// fyUnescape reads the escape at s[k] (a backslash) of a double-quoted
// scalar and returns its character and how many bytes follow the
// backslash; false when the fast reader does not read it.
func fyUnescape(s string, k int) (rune, int, bool) {
	if k+1 >= len(s) {
		return 0, 0, false
	}
	switch e := s[k+1]; e {
	case 'x', 'u':
		width := 3
		if e == 'u' {
			width = 5
		}
		if k+width >= len(s) {
			return 0, 0, false
		}
		code, err := strconv.ParseUint(s[k+2:k+width+1], 16, 32)
		if err != nil || (code >= 0xD800 && code <= 0xDFFF) {
			return 0, 0, false
		}
		return rune(code), width, true
	default:
		v, ok := fyEscape(e)
		return v, 1, ok
	}
}

// fyObject is a mapping read by the fast reader, seen as an object: what
// yamlObject is for go-yaml's tree.
type fyObject struct {
	st     *fastState
	parent *fyObject
	key    string // the key it is under in its parent
	name   string // its name, once label returned it
	start  Pos
	node   *fyNode
	asked  uint64 // bit i: the decoder asked for entry i
}

func (o *fyObject) pos() Pos { return o.start }

// desc describes the object as yamlObject does (only diagnostics use it,
// and an fyObject's diagnostics are replaced by yamlObject's).
func (o *fyObject) desc() string {
	if o.parent == nil {
		return ""
	}
	d := strings.TrimSpace(o.parent.desc() + " " + describeKey(o.key))
	if o.name != "" {
		d += " " + o.name
	}
	return d
}

// find marks key asked and returns its entry; nil when absent.
func (o *fyObject) find(key string) *fyNode {
	for i := range o.node.kids {
		if e := &o.node.kids[i]; e.key == key {
			o.asked |= 1 << i
			return e
		}
	}
	return nil
}

// value returns the entry of key unless it is absent or null.
func (o *fyObject) value(key string) (*fyNode, Pos, bool) {
	e := o.find(key)
	if e == nil || e.kind == fyNull {
		return nil, Pos{}, false
	}
	return e, o.st.pos(e.keyAt), true
}

// want returns the entry of key when it is of kind k; it gives up on any
// other kind (yamlObject reports a wrong type).
func (o *fyObject) want(key string, k fyKind) (*fyNode, Pos, bool) {
	e, pos, ok := o.value(key)
	if ok && e.kind != k {
		o.st.bail = true
		return nil, Pos{}, false
	}
	return e, pos, ok
}

func (o *fyObject) label(min, max int) (string, Pos) {
	if max == 0 {
		return "", Pos{}
	}
	name, pos, ok := o.str("name")
	if !ok {
		if min > 0 && !o.has("name") {
			o.st.bail = true
		}
		return "", Pos{}
	}
	o.name = name
	return name, pos
}

func (o *fyObject) str(key string) (string, Pos, bool) {
	if e, pos, ok := o.want(key, fyString); ok {
		return e.text, pos, true
	}
	return "", Pos{}, false
}

func (o *fyObject) boolean(key string) (bool, Pos, bool) {
	if e, pos, ok := o.want(key, fyBool); ok {
		return e.text[0] != 'f' && e.text[0] != 'F', pos, true
	}
	return false, Pos{}, false
}

func (o *fyObject) integer(key string) (int64, Pos, bool) {
	e, pos, ok := o.want(key, fyInt)
	if !ok {
		return 0, Pos{}, false
	}
	n, err := strconv.ParseInt(e.text, 10, 64)
	if err != nil { // above the int64 range: yamlObject reports it
		o.st.bail = true
		return 0, Pos{}, false
	}
	return n, pos, true
}

func (o *fyObject) strList(key string) ([]string, []Pos, bool) {
	e, _, ok := o.want(key, fySeq)
	if !ok {
		return nil, nil, false
	}
	out := make([]string, 0, len(e.kids))
	pos := make([]Pos, 0, len(e.kids))
	for _, item := range e.kids {
		if item.kind != fyString {
			o.st.bail = true
			return nil, nil, false
		}
		out = append(out, item.text)
		pos = append(pos, o.st.pos(item.at))
	}
	return out, pos, true
}

func (o *fyObject) def(key string) (*Default, Pos, bool) {
	e, pos, ok := o.value(key)
	if !ok {
		return nil, Pos{}, false
	}
	switch e.kind {
	case fyString:
		return &Default{Kind: DefaultString, Value: e.text}, pos, true
	case fyBool:
		return &Default{Kind: DefaultBool, Value: strconv.FormatBool(e.text[0] == 't' || e.text[0] == 'T')}, pos, true
	case fyInt, fyFloat: // as written, which numberAsWritten keeps
		return &Default{Kind: DefaultNumber, Value: e.text}, pos, true
	case fyMap:
		sub := o.sub(key, e, o.st.pos(e.at))
		expr, _, ok := sub.str("sql")
		if !ok && !sub.has("sql") {
			o.st.bail = true
		}
		sub.done()
		if ok {
			return &Default{Kind: DefaultExpr, Value: expr}, pos, true
		}
		return nil, Pos{}, false
	}
	o.st.bail = true
	return nil, Pos{}, false
}

func (o *fyObject) has(key string) bool {
	return o.find(key) != nil
}

// sub returns the nested object of mapping node n under key.
func (o *fyObject) sub(key string, n *fyNode, start Pos) *fyObject {
	return &fyObject{st: o.st, parent: o, key: key, start: start, node: n}
}

func (o *fyObject) children(key string) []object {
	e, _, ok := o.value(yamlListKey(key))
	if !ok {
		return nil
	}
	if e.kind != fySeq {
		o.st.bail = true
		return nil
	}
	var out []object
	for i := range e.kids {
		item := &e.kids[i]
		if item.kind != fyMap {
			o.st.bail = true
			continue
		}
		start := item.at
		if len(item.kids) > 0 {
			start = item.kids[0].keyAt
		}
		out = append(out, o.sub(key, item, o.st.pos(start)))
	}
	return out
}

func (o *fyObject) child(key string) (object, bool) {
	e, pos, ok := o.want(key, fyMap)
	if !ok {
		return nil, false
	}
	return o.sub(key, e, pos), true
}

// done gives up when an entry was never asked for (yamlObject reports it).
func (o *fyObject) done() {
	if o.asked != 1<<len(o.node.kids)-1 {
		o.st.bail = true
	}
}
