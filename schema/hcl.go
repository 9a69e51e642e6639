package schema

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// parseHCL parses one HCL schema file, or the piece of one that starts at
// start (see hclChunks); syntax errors become diagnostics and nil is
// returned then.
func (l *loader) parseHCL(filename string, src []byte, start hcl.Pos) object {
	f, diags := hclsyntax.ParseConfig(src, filename, start)
	if diags.HasErrors() {
		l.hclDiags("", diags)
		return nil
	}
	return &hclObject{l: l, body: f.Body.(*hclsyntax.Body), start: Pos{File: filename, Line: 1, Column: 1}, asked: map[string]bool{}, blocks: map[string]bool{}}
}

// hclDiags turns HCL's diagnostics into ours.
func (l *loader) hclDiags(object string, diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		var pos Pos
		if d.Subject != nil {
			pos = hclPos(*d.Subject)
		}
		l.diags = append(l.diags, Diagnostic{Pos: pos, Object: object, Message: strings.TrimSuffix(d.Summary, "."), Hint: strings.TrimSuffix(d.Detail, ".")})
	}
}

func hclPos(r hcl.Range) Pos {
	return Pos{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

// hclObject is an HCL body (the file's, or a block's) seen as an object.
type hclObject struct {
	l      *loader
	body   *hclsyntax.Body
	block  *hclsyntax.Block // nil for the file body
	start  Pos
	object string
	asked  map[string]bool // every key the decoder asked for
	blocks map[string]bool // the keys it asked for as blocks
}

func (o *hclObject) pos() Pos     { return o.start }
func (o *hclObject) desc() string { return o.object }

func (o *hclObject) label(min, max int) (string, Pos) {
	labels := o.block.Labels
	typ := o.block.Type
	switch {
	case len(labels) < min:
		o.l.errorf(o.start, o.object, fmt.Sprintf(`write %s "name" { ... }`, typ), "%s needs a name", typ)
	case max == 0 && len(labels) > 0:
		hint := "remove the label"
		if typ == "primary_key" {
			hint = `write name = "..." inside the block`
		}
		o.l.errorf(hclPos(o.block.LabelRanges[0]), o.object, hint, "%s takes no label", typ)
	case len(labels) > max:
		o.l.errorf(hclPos(o.block.LabelRanges[max]), o.object, "remove the extra labels", "%s takes one label (its name), not %d", typ, len(labels))
	}
	if len(labels) == 0 || max == 0 {
		return "", Pos{}
	}
	o.object += " " + labels[0]
	return labels[0], hclPos(o.block.LabelRanges[0])
}

// value evaluates attribute key; ok is false when it is absent, null or
// invalid (then reported).
func (o *hclObject) value(key string) (*hclsyntax.Attribute, cty.Value, bool) {
	o.asked[key] = true
	attr, found := o.body.Attributes[key]
	if !found {
		return nil, cty.NilVal, false
	}
	v, diags := attr.Expr.Value(nil)
	if diags.HasErrors() {
		o.l.hclDiags(o.object, diags)
		return attr, v, false
	}
	return attr, v, !v.IsNull()
}

func (o *hclObject) wrongType(attr *hclsyntax.Attribute, want string, v cty.Value) {
	o.l.errorf(hclPos(attr.Expr.Range()), o.object, "write "+hclExample(want),
		"%s must be %s, not %s", attr.Name, want, v.Type().FriendlyName())
}

func hclExample(want string) string {
	switch want {
	case "a bool":
		return "true or false"
	case "a whole number":
		return "a number such as 1"
	case "a list of strings":
		return `["a", "b"]`
	}
	return `a quoted string, "..."`
}

func (o *hclObject) str(key string) (string, Pos, bool) {
	attr, v, ok := o.value(key)
	if !ok {
		return "", Pos{}, false
	}
	if v.Type() != cty.String {
		o.wrongType(attr, "a string", v)
		return "", Pos{}, false
	}
	return v.AsString(), hclPos(attr.SrcRange), true
}

func (o *hclObject) boolean(key string) (bool, Pos, bool) {
	attr, v, ok := o.value(key)
	if !ok {
		return false, Pos{}, false
	}
	if v.Type() != cty.Bool {
		o.wrongType(attr, "a bool", v)
		return false, Pos{}, false
	}
	return v.True(), hclPos(attr.SrcRange), true
}

func (o *hclObject) integer(key string) (int64, Pos, bool) {
	attr, v, ok := o.value(key)
	if !ok {
		return 0, Pos{}, false
	}
	if v.Type() == cty.Number {
		f := v.AsBigFloat()
		if n, acc := f.Int64(); acc == big.Exact {
			return n, hclPos(attr.SrcRange), true
		}
		o.l.errorf(hclPos(attr.Expr.Range()), o.object, "write a number such as 1", "%s must be a whole number, not %s", key, f.Text('f', -1))
		return 0, Pos{}, false
	}
	o.wrongType(attr, "a whole number", v)
	return 0, Pos{}, false
}

func (o *hclObject) strList(key string) ([]string, []Pos, bool) {
	attr, v, ok := o.value(key)
	if !ok {
		return nil, nil, false
	}
	tuple, isTuple := attr.Expr.(*hclsyntax.TupleConsExpr)
	if !isTuple || !(v.Type().IsTupleType() || v.Type().IsListType()) {
		o.wrongType(attr, "a list of strings", v)
		return nil, nil, false
	}
	var out []string
	var pos []Pos
	for i, ev := range v.AsValueSlice() {
		if ev.IsNull() || ev.Type() != cty.String {
			o.l.errorf(hclPos(tuple.Exprs[i].Range()), o.object, `write ["a", "b"]`, "%s must be a list of strings", key)
			return nil, nil, false
		}
		out = append(out, ev.AsString())
		pos = append(pos, hclPos(tuple.Exprs[i].Range()))
	}
	return out, pos, true
}

func (o *hclObject) def(key string) (*Default, Pos, bool) {
	o.asked[key] = true
	attr, found := o.body.Attributes[key]
	if !found {
		return nil, Pos{}, false
	}
	at := hclPos(attr.SrcRange)
	if call, isCall := attr.Expr.(*hclsyntax.FunctionCallExpr); isCall {
		if call.Name != "sql" || len(call.Args) != 1 {
			o.l.errorf(hclPos(call.Range()), o.object, `write sql("...") for an SQL expression`, "unknown function %s", call.Name)
			return nil, Pos{}, false
		}
		v, diags := call.Args[0].Value(nil)
		if diags.HasErrors() || v.IsNull() || v.Type() != cty.String {
			o.l.errorf(hclPos(call.Args[0].Range()), o.object, `write sql("now()")`, "sql() takes one string")
			return nil, Pos{}, false
		}
		return &Default{Kind: DefaultExpr, Value: v.AsString()}, at, true
	}
	attr, v, ok := o.value(key)
	if !ok {
		return nil, Pos{}, false
	}
	switch v.Type() {
	case cty.String:
		return &Default{Kind: DefaultString, Value: v.AsString()}, at, true
	case cty.Bool:
		return &Default{Kind: DefaultBool, Value: fmt.Sprint(v.True())}, at, true
	case cty.Number:
		return &Default{Kind: DefaultNumber, Value: v.AsBigFloat().Text('f', -1)}, at, true
	}
	o.l.errorf(hclPos(attr.Expr.Range()), o.object, `write a literal ("text", 0, false) or sql("...")`,
		"default must be a string, number or bool, not %s", v.Type().FriendlyName())
	return nil, Pos{}, false
}

func (o *hclObject) has(key string) bool {
	o.asked[key] = true
	if _, ok := o.body.Attributes[key]; ok {
		return true
	}
	for _, b := range o.body.Blocks {
		if b.Type == key {
			return true
		}
	}
	return false
}

func (o *hclObject) children(key string) []object {
	o.asked[key] = true
	o.blocks[key] = true
	var out []object
	for _, b := range o.body.Blocks {
		if b.Type != key {
			continue
		}
		desc := strings.TrimSpace(o.object + " " + describeKey(key))
		out = append(out, &hclObject{l: o.l, body: b.Body, block: b, start: hclPos(b.TypeRange), object: desc, asked: map[string]bool{}, blocks: map[string]bool{}})
	}
	return out
}

func (o *hclObject) child(key string) (object, bool) {
	cs := o.children(key)
	if len(cs) == 0 {
		return nil, false
	}
	for _, c := range cs[1:] {
		o.l.errorf(c.pos(), o.object, "merge them into one block", "more than one %s block", key)
	}
	return cs[0], true
}

func (o *hclObject) done() {
	var keys []string
	var pos []Pos
	for name, a := range o.body.Attributes {
		if !o.asked[name] || o.blocks[name] {
			keys = append(keys, name)
			pos = append(pos, hclPos(a.SrcRange))
		}
	}
	for _, b := range o.body.Blocks {
		if !o.asked[b.Type] || !o.blocks[b.Type] {
			keys = append(keys, b.Type)
			pos = append(pos, hclPos(b.TypeRange))
		}
	}
	sortByPos(keys, pos)
	for i, k := range keys {
		switch {
		case o.blocks[k]:
			o.l.errorf(pos[i], o.object, fmt.Sprintf("write %s { ... }", k), "%s is a block, not an attribute", k)
		case o.asked[k] && o.body.Attributes[k] == nil:
			o.l.errorf(pos[i], o.object, fmt.Sprintf("write %s = ...", k), "%s is an attribute, not a block", k)
		default:
			o.l.unknownKey(pos[i], o.object, "attribute or block", k, o.asked)
		}
	}
}

// sortByPos orders keys (and their positions) by position.
func sortByPos(keys []string, pos []Pos) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := pos[idx[a]], pos[idx[b]]
		if pa.Line != pb.Line {
			return pa.Line < pb.Line
		}
		return pa.Column < pb.Column
	})
	k2 := make([]string, len(keys))
	p2 := make([]Pos, len(pos))
	for i, j := range idx {
		k2[i], p2[i] = keys[j], pos[j]
	}
	copy(keys, k2)
	copy(pos, p2)
}
