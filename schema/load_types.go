package schema

import "fmt"

// This file reads the PostgreSQL objects of issue 12 that are not tables:
// extensions, sequences, domains and composite types, in HCL
// (`extension "citext" { … }`) and YAML (`extensions: [{name: citext, …}]`).

// typeObjects reads the extension, sequence, domain and composite_type
// objects of a file's top-level object o into db.
func (l *loader) typeObjects(db *Database, o object) {
	for _, c := range o.children("extension") {
		db.Extensions = append(db.Extensions, l.extension(c))
	}
	for _, c := range o.children("sequence") {
		db.Sequences = append(db.Sequences, l.sequence(c))
	}
	for _, c := range o.children("domain") {
		db.Domains = append(db.Domains, l.domain(c))
	}
	for _, c := range o.children("composite_type") {
		db.CompositeTypes = append(db.CompositeTypes, l.compositeType(c))
	}
}

// extension reads `extension "citext" { schema = "public"  version = "1.6" }`.
func (l *loader) extension(o object) *Extension {
	x := &Extension{Pos: o.pos()}
	x.Name, _ = o.label(1, 1)
	x.Schema = l.text(o, x, "schema")
	x.Version = l.text(o, x, "version")
	x.Comment = l.text(o, x, "comment")
	o.done()
	return x
}

// sequence reads `sequence "order_no" { type = "integer"  start = 1000 … }`.
func (l *loader) sequence(o object) *Sequence {
	s := &Sequence{Pos: o.pos()}
	s.Name, _ = o.label(1, 1)
	s.Schema = l.text(o, s, "schema")
	s.Type = l.text(o, s, "type")
	s.Start = l.number(o, s, "start")
	s.Increment = l.number(o, s, "increment")
	for _, bound := range []struct {
		key string
		to  **int64
	}{{"min_value", &s.MinValue}, {"max_value", &s.MaxValue}} {
		if v, pos, ok := o.integer(bound.key); ok {
			*bound.to = &v
			l.setPos(s, bound.key, pos)
		}
	}
	s.Cache = l.number(o, s, "cache")
	s.Cycle = l.flag(o, s, "cycle")
	s.OwnedBy = l.text(o, s, "owned_by")
	s.Comment = l.text(o, s, "comment")
	o.done()
	return s
}

// domain reads `domain "email" { type = "text"  not_null = true  check
// "email_check" { expr = "VALUE LIKE '%@%'" } }`.
func (l *loader) domain(o object) *Domain {
	d := &Domain{Pos: o.pos()}
	d.Name, _ = o.label(1, 1)
	d.Schema = l.text(o, d, "schema")
	var pos Pos
	d.Type, pos = l.required(o, "type", `add type = "text" (the base type)`)
	l.setPos(d, "type", pos)
	d.NotNull = l.flag(o, d, "not_null")
	if v, pos, ok := o.def("default"); ok {
		d.Default = v
		l.setPos(d, "default", pos)
	}
	d.Collation = l.text(o, d, "collation")
	for _, c := range o.children("check") {
		ck := &Check{Pos: c.pos()}
		ck.Name, _ = c.label(0, 1)
		ck.Expr, _ = l.required(c, "expr", `add expr = "VALUE > 0"`)
		ck.NotValid = l.flag(c, ck, "not_valid")
		c.done()
		d.Checks = append(d.Checks, ck)
	}
	d.Comment = l.text(o, d, "comment")
	o.done()
	return d
}

// compositeType reads `composite_type "address" { attribute "street" {
// type = "text" } … }`.
func (l *loader) compositeType(o object) *CompositeType {
	ct := &CompositeType{Pos: o.pos()}
	ct.Name, _ = o.label(1, 1)
	ct.Schema = l.text(o, ct, "schema")
	attrs := o.children("attribute")
	if len(attrs) == 0 {
		l.errorf(o.pos(), o.desc(), `add attribute "name" { type = "text" } blocks`, "missing required attribute blocks")
	}
	for i, c := range attrs {
		a := &TypeAttribute{}
		a.Name, _ = c.label(1, 1)
		l.setPos(ct, fmt.Sprintf("attributes.%d", i), c.pos())
		var pos Pos
		a.Type, pos = l.required(c, "type", `add type = "text"`)
		l.setPos(ct, fmt.Sprintf("attributes.%d.type", i), pos)
		a.Collation = l.text(c, a, "collation")
		c.done()
		ct.Attributes = append(ct.Attributes, a)
	}
	ct.Comment = l.text(o, ct, "comment")
	o.done()
	return ct
}

// number reads a whole-number attribute (0 when absent), recording its
// position under key of owner.
func (l *loader) number(o object, owner any, key string) int64 {
	v, pos, _ := o.integer(key)
	l.setPos(owner, key, pos)
	return v
}
