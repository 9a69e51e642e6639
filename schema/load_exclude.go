package schema

import "fmt"

// exclude reads an `exclude "name" { using = "gist"  element { column =
// "room"  operator = "=" } … }` block (YAML: an excludes: entry with
// elements:).
func (l *loader) exclude(o object) *Exclude {
	x := &Exclude{Pos: o.pos()}
	x.Name, _ = o.label(0, 1)
	x.Using = l.text(o, x, "using")
	elems := o.children("element")
	if len(elems) == 0 {
		l.errorf(o.pos(), o.desc(), `add element { column = "..."  operator = "=" } blocks`, "missing required element")
	}
	for _, p := range elems {
		p.label(0, 0)
		key := fmt.Sprintf("elements.%d", len(x.Elements))
		e := ExcludeElement{IndexPart: l.keyPart(p, x, key)}
		var pos Pos
		var ok bool
		e.Operator, pos, ok = p.str("operator")
		if !ok || e.Operator == "" {
			l.errorf(p.pos(), p.desc(), `add operator = "=" (or "&&", …)`, "missing required attribute operator")
		}
		l.setPos(x, key+".operator", pos)
		p.done()
		x.Elements = append(x.Elements, e)
	}
	x.Include = l.columnList(o, x, "include", false)
	x.Where = l.text(o, x, "where")
	x.With = l.columnList(o, x, "with", false)
	if len(x.With) > 0 {
		l.setPos(x, "with", l.at(x, "with.0", x.Pos))
	}
	x.Deferrable = l.flag(o, x, "deferrable")
	x.InitiallyDeferred = l.flag(o, x, "initially_deferred")
	x.Comment = l.text(o, x, "comment")
	o.done()
	return x
}
