package schema

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"
)

// parseYAML parses one YAML schema file, or, when tablesLine is not 0, the
// piece of one that starts at an item of its tables list on line startLine
// (see yamlChunks); syntax errors become diagnostics and nil is returned
// then.
func (l *loader) parseYAML(filename string, src []byte, tablesLine, startLine int) object {
	var f *ast.File
	var err error
	if tablesLine == 0 {
		f, err = yamlparser.ParseBytes(src, 0)
	} else {
		f, err = parseYAMLPiece(src, tablesLine, startLine)
	}
	if err != nil {
		var yerr yaml.Error
		pos := Pos{File: filename}
		msg := err.Error()
		if errors.As(err, &yerr) {
			msg = yerr.GetMessage()
			if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
				pos.Line, pos.Column = tk.Position.Line, tk.Position.Column
			}
		}
		l.errorf(pos, "", "fix the YAML syntax", "%s", msg)
		return nil
	}
	start := Pos{File: filename, Line: 1, Column: 1}
	if len(f.Docs) > 1 {
		l.errorf(start, "", "put every document in a file of its own", "a schema file holds one YAML document, not %d", len(f.Docs))
		return nil
	}
	top := &yamlObject{l: l, file: filename, start: start}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return top
	}
	body := f.Docs[0].Body
	if m, ok := mappingOf(body); ok {
		top.init(m)
		return top
	}
	if _, isNull := body.(*ast.NullNode); !isNull {
		l.errorf(top.nodePos(body), "", "start the file with dialect: and tables:", "a schema file must be a mapping")
		return nil
	}
	return top
}

// mappingOf returns the key/value pairs of a mapping node.
func mappingOf(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	case *ast.AnchorNode:
		return mappingOf(m.Value)
	case *ast.TagNode:
		return mappingOf(m.Value)
	}
	return nil, false
}

// yamlObject is a YAML mapping seen as an object. Its keys are few: they
// are looked up by a scan, cheaper than a map for so few.
type yamlObject struct {
	l      *loader
	file   string
	start  Pos
	object string
	keys   []string
	pairs  []*ast.MappingValueNode // the pair of each key
	asked  []string                // every key the decoder asked for, present or not
}

func (o *yamlObject) init(pairs []*ast.MappingValueNode) {
	o.pairs = pairs
	o.keys = make([]string, len(pairs))
	for i, p := range pairs {
		o.keys[i] = p.Key.GetToken().Value // the parser rejects duplicate keys
	}
}

// find marks key asked and returns its pair; nil when absent.
func (o *yamlObject) find(key string) *ast.MappingValueNode {
	o.asked = append(o.asked, key)
	for i, k := range o.keys {
		if k == key {
			return o.pairs[i]
		}
	}
	return nil
}

func (o *yamlObject) nodePos(n ast.Node) Pos {
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{File: o.file}
	}
	return Pos{File: o.file, Line: tk.Position.Line, Column: tk.Position.Column}
}

func (o *yamlObject) pos() Pos     { return o.start }
func (o *yamlObject) desc() string { return o.object }

func (o *yamlObject) label(min, max int) (string, Pos) {
	if max == 0 {
		return "", Pos{}
	}
	name, pos, ok := o.str("name")
	if !ok {
		if min > 0 && !o.has("name") {
			o.l.errorf(o.start, o.object, "add name: ...", "missing required key name")
		}
		return "", Pos{}
	}
	o.object += " " + name
	return name, pos
}

// value returns the node of key (aliases resolved); ok is false when the key
// is absent or null.
func (o *yamlObject) value(key string) (ast.Node, Pos, bool) {
	p := o.find(key)
	if p == nil {
		return nil, Pos{}, false
	}
	v := p.Value
	for {
		switch n := v.(type) {
		case *ast.AnchorNode:
			v = n.Value
			continue
		case *ast.TagNode:
			v = n.Value
			continue
		}
		break
	}
	if _, isNull := v.(*ast.NullNode); isNull {
		return nil, Pos{}, false
	}
	return v, o.nodePos(p.Key), true
}

func (o *yamlObject) wrongType(key string, n ast.Node, want string) {
	o.l.errorf(o.nodePos(n), o.object, "", "%s must be %s, not %s", key, want, yamlKind(n))
}

func yamlKind(n ast.Node) string {
	switch n.Type() {
	case ast.MappingType, ast.MappingValueType:
		return "a mapping"
	case ast.SequenceType:
		return "a list"
	case ast.BoolType:
		return "a bool"
	case ast.IntegerType, ast.FloatType, ast.InfinityType, ast.NanType:
		return "a number"
	case ast.AliasType:
		return "an alias (not supported)"
	case ast.NullType:
		return "null"
	}
	return "a string"
}

// scalarString returns the text of a string-like scalar.
func scalarString(n ast.Node) (string, bool) {
	switch s := n.(type) {
	case *ast.StringNode:
		return s.Value, true
	case *ast.LiteralNode:
		return s.Value.Value, true
	}
	return "", false
}

func (o *yamlObject) str(key string) (string, Pos, bool) {
	n, pos, ok := o.value(key)
	if !ok {
		return "", Pos{}, false
	}
	s, ok := scalarString(n)
	if !ok {
		o.wrongType(key, n, "a string")
		return "", Pos{}, false
	}
	return s, pos, true
}

func (o *yamlObject) boolean(key string) (bool, Pos, bool) {
	n, pos, ok := o.value(key)
	if !ok {
		return false, Pos{}, false
	}
	b, ok := n.(*ast.BoolNode)
	if !ok {
		o.wrongType(key, n, "a bool (true or false)")
		return false, Pos{}, false
	}
	return b.Value, pos, true
}

func (o *yamlObject) integer(key string) (int64, Pos, bool) {
	n, pos, ok := o.value(key)
	if !ok {
		return 0, Pos{}, false
	}
	if in, isInt := n.(*ast.IntegerNode); isInt {
		switch v := in.Value.(type) {
		case int64:
			return v, pos, true
		case uint64:
			if v <= 1<<63-1 {
				return int64(v), pos, true
			}
		}
	}
	if fl, isFloat := n.(*ast.FloatNode); isFloat {
		o.l.errorf(o.nodePos(n), o.object, "", "%s must be a whole number, not %s", key, strconv.FormatFloat(fl.Value, 'f', -1, 64))
		return 0, Pos{}, false
	}
	o.wrongType(key, n, "a whole number")
	return 0, Pos{}, false
}

func (o *yamlObject) strList(key string) ([]string, []Pos, bool) {
	n, _, ok := o.value(key)
	if !ok {
		return nil, nil, false
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		o.wrongType(key, n, "a list of strings")
		return nil, nil, false
	}
	out := make([]string, 0, len(seq.Values))
	pos := make([]Pos, 0, len(seq.Values))
	for _, e := range seq.Values {
		s, ok := scalarString(e)
		if !ok {
			o.wrongType(key+" item", e, "a string")
			return nil, nil, false
		}
		out = append(out, s)
		pos = append(pos, o.nodePos(e))
	}
	return out, pos, true
}

func (o *yamlObject) def(key string) (*Default, Pos, bool) {
	n, pos, ok := o.value(key)
	if !ok {
		return nil, Pos{}, false
	}
	switch v := n.(type) {
	case *ast.StringNode, *ast.LiteralNode:
		s, _ := scalarString(v)
		return &Default{Kind: DefaultString, Value: s}, pos, true
	case *ast.BoolNode:
		return &Default{Kind: DefaultBool, Value: strconv.FormatBool(v.Value)}, pos, true
	case *ast.IntegerNode:
		return &Default{Kind: DefaultNumber, Value: numberAsWritten(v, fmt.Sprint(v.Value))}, pos, true
	case *ast.FloatNode:
		return &Default{Kind: DefaultNumber, Value: numberAsWritten(v, strconv.FormatFloat(v.Value, 'f', -1, 64))}, pos, true
	}
	if pairs, isMap := mappingOf(n); isMap {
		sub := o.sub(key)
		sub.start = o.nodePos(n)
		sub.init(pairs)
		expr, _, ok := sub.str("sql")
		if !ok && !sub.has("sql") {
			o.l.errorf(sub.start, o.object, `write {sql: "now()"}`, "an expression default needs the key sql")
		}
		sub.done()
		if ok {
			return &Default{Kind: DefaultExpr, Value: expr}, pos, true
		}
		return nil, Pos{}, false
	}
	o.wrongType(key, n, `a literal or {sql: "..."}`)
	return nil, Pos{}, false
}

// decimalLiteral is a number as SQL writes it.
var decimalLiteral = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// numberAsWritten returns a YAML number default as the file writes it
// (default: 1.10 stays 1.10, as HCL keeps it, so a text column gets '1.10'
// and a numeric one compares by value anyway), or parsed when YAML wrote it
// in a form SQL does not read (0x1F, 1_000, .inf).
func numberAsWritten(n ast.Node, parsed string) string {
	if tk := n.GetToken(); tk != nil && decimalLiteral.MatchString(tk.Value) {
		return tk.Value
	}
	return parsed
}

func (o *yamlObject) has(key string) bool {
	return o.find(key) != nil
}

// sub starts a nested object under key.
func (o *yamlObject) sub(key string) *yamlObject {
	desc := strings.TrimSpace(o.object + " " + describeKey(key))
	return &yamlObject{l: o.l, file: o.file, object: desc}
}

// yamlListKey is the YAML key of a list of nested objects.
func yamlListKey(key string) string {
	switch key {
	case "on":
		return key
	case "index":
		return "indexes"
	case "policy":
		return "policies"
	}
	return key + "s"
}

func (o *yamlObject) children(key string) []object {
	listKey := yamlListKey(key)
	n, _, ok := o.value(listKey)
	if !ok {
		return nil
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		o.wrongType(listKey, n, "a list")
		return nil
	}
	var out []object
	for _, e := range seq.Values {
		pairs, ok := mappingOf(e)
		if !ok {
			o.wrongType(listKey+" item", e, "a mapping")
			continue
		}
		c := o.sub(key)
		c.start = o.nodePos(e)
		if len(pairs) > 0 {
			c.start = o.nodePos(pairs[0].Key)
		}
		c.init(pairs)
		out = append(out, c)
	}
	return out
}

func (o *yamlObject) child(key string) (object, bool) {
	n, pos, ok := o.value(key)
	if !ok {
		return nil, false
	}
	pairs, ok := mappingOf(n)
	if !ok {
		o.wrongType(key, n, "a mapping")
		return nil, false
	}
	c := o.sub(key)
	c.start = pos
	c.init(pairs)
	return c, true
}

func (o *yamlObject) done() {
	var asked map[string]bool
	for i, k := range o.keys {
		if slices.Contains(o.asked, k) {
			continue
		}
		if asked == nil {
			asked = map[string]bool{}
			for _, a := range o.asked {
				asked[a] = true
			}
		}
		o.l.unknownKey(o.nodePos(o.pairs[i].Key), o.object, "key", k, asked)
	}
}
