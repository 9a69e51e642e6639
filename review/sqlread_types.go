package review

import (
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// This file reads the PostgreSQL statements of extensions, sequences,
// domains and composite types (PostgreSQL 15 grammar: CREATE/ALTER/DROP
// EXTENSION, SEQUENCE, DOMAIN; CREATE TYPE … AS (…), ALTER TYPE …
// ADD/DROP/ALTER ATTRIBUTE). Each becomes an opTypeObject whose edit
// changes the state (state_types.go).

// typeObjectStatement reads CREATE, ALTER or DROP of an extension, a
// sequence or a domain, the parser standing on CREATE/ALTER/DROP; ok is
// false (nothing read) for other statements.
func (p *sqlParser) typeObjectStatement() bool {
	verb := p.peek()
	if !(verb.is("CREATE") || verb.is("ALTER") || verb.is("DROP")) || p.i+1 >= len(p.toks) {
		return false
	}
	kind := p.toks[p.i+1]
	if !(kind.is("EXTENSION") || kind.is("SEQUENCE") || kind.is("DOMAIN")) {
		return false
	}
	p.i += 2
	switch {
	case verb.is("DROP"):
		p.dropTypeObject(strings.ToLower(kind.text))
	case kind.is("EXTENSION"):
		p.extension(verb.is("CREATE"))
	case kind.is("SEQUENCE"):
		p.sequence(verb.is("CREATE"))
	case verb.is("CREATE"):
		p.createDomain()
	default:
		p.alterDomain()
	}
	return true
}

// dropTypeObject reads DROP EXTENSION|SEQUENCE|DOMAIN [IF EXISTS] names
// [CASCADE|RESTRICT].
func (p *sqlParser) dropTypeObject(kind string) {
	ie := p.accept("IF", "EXISTS")
	for {
		o := op{kind: opTypeObject, ifExist: ie, target: kind}
		if kind == "extension" {
			o.name = p.ident()
		} else {
			o.table = p.qname()
		}
		o.edit = dropTypeObject
		p.emit(o)
		if !p.accept(",") {
			break
		}
	}
	p.accept("CASCADE")
	p.accept("RESTRICT")
}

// extension reads CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s]
// [VERSION v] [CASCADE], or ALTER EXTENSION name SET SCHEMA s | UPDATE
// [TO v].
func (p *sqlParser) extension(create bool) {
	o := op{kind: opTypeObject, target: "extension"}
	if create {
		o.ifExist = p.accept("IF", "NOT", "EXISTS")
	}
	x := &schema.Extension{Name: p.ident()}
	o.name = x.Name
	if create {
		p.accept("WITH")
		for !p.eof() {
			switch {
			case p.accept("SCHEMA"):
				x.Schema = p.ident()
			case p.accept("VERSION"):
				x.Version = p.identOrString()
			case p.accept("CASCADE"):
			default:
				p.fail("CREATE EXTENSION option %q is not understood", p.peek().text)
			}
		}
		o.extension, o.edit = x, createExtension
		p.emit(o)
		return
	}
	switch {
	case p.accept("SET", "SCHEMA"):
		x.Schema = p.ident()
	case p.accept("UPDATE"):
		if p.accept("TO") {
			x.Version = p.identOrString()
		}
	default:
		p.fail("ALTER EXTENSION %s is not understood", strings.ToUpper(p.peek().text))
	}
	o.extension, o.edit = x, alterExtension
	p.emit(o)
}

// identOrString reads a name or a string literal (an extension version).
func (p *sqlParser) identOrString() string {
	if p.peek().kind == tkString {
		return p.str()
	}
	return p.ident()
}

// sequence reads CREATE SEQUENCE [IF NOT EXISTS] name options, or ALTER
// SEQUENCE [IF EXISTS] name options: AS type, INCREMENT [BY] n, [NO]
// MINVALUE, [NO] MAXVALUE, START [WITH] n, RESTART [[WITH] n], CACHE n,
// [NO] CYCLE, OWNED BY table.column | NONE; ALTER also RENAME TO, SET
// SCHEMA, OWNER TO. The edit sets what is said.
func (p *sqlParser) sequence(create bool) {
	o := op{kind: opTypeObject, target: "sequence"}
	if create {
		o.ifExist = p.accept("IF", "NOT", "EXISTS")
	} else {
		o.ifExist = p.accept("IF", "EXISTS")
	}
	o.table = p.qname()
	var edits []func(*schema.Sequence)
	for !p.eof() {
		switch {
		case p.accept("AS"):
			typ := p.ident() // smallint, integer or bigint
			edits = append(edits, func(s *schema.Sequence) { s.Type = typ })
		case p.accept("INCREMENT"):
			p.accept("BY")
			n := p.int()
			edits = append(edits, func(s *schema.Sequence) { s.Increment = n })
		case p.accept("NO", "MINVALUE"):
			edits = append(edits, func(s *schema.Sequence) { s.MinValue = nil })
		case p.accept("NO", "MAXVALUE"):
			edits = append(edits, func(s *schema.Sequence) { s.MaxValue = nil })
		case p.accept("NO", "CYCLE"):
			edits = append(edits, func(s *schema.Sequence) { s.Cycle = false })
		case p.accept("NO", "CACHE"): // SQL Server
			edits = append(edits, func(s *schema.Sequence) { s.Cache = 1 })
		case p.accept("MINVALUE"):
			n := p.int()
			edits = append(edits, func(s *schema.Sequence) { s.MinValue = &n })
		case p.accept("MAXVALUE"):
			n := p.int()
			edits = append(edits, func(s *schema.Sequence) { s.MaxValue = &n })
		case p.accept("START"):
			p.accept("WITH")
			n := p.int()
			edits = append(edits, func(s *schema.Sequence) { s.Start = n })
		case p.accept("RESTART"):
			if p.accept("WITH") || p.peek().kind == tkNumber || p.at("-") {
				n := p.int() // PostgreSQL: the current value, not in the model
				if p.d == schema.SQLServer {
					// SQL Server keeps it as the start (sys.sequences.start_value):
					// how schemadiff writes a new start (docs/sqlserver.md)
					edits = append(edits, func(s *schema.Sequence) { s.Start = n })
				}
			}
		case !create && p.accept("RENAME", "TO"):
			name := p.ident()
			edits = append(edits, func(s *schema.Sequence) { s.Name = name })
		case !create && p.accept("SET", "SCHEMA"):
			name := p.ident()
			edits = append(edits, func(s *schema.Sequence) { s.Schema = name })
		case !create && p.accept("OWNER", "TO"):
			p.ident() // owners are not in the model
		case p.accept("CACHE"):
			var n int64 // SQL Server's bare CACHE: the default size (0 in the model)
			if p.peek().kind == tkNumber {
				n = p.int()
			}
			edits = append(edits, func(s *schema.Sequence) { s.Cache = n })
		case p.accept("CYCLE"):
			edits = append(edits, func(s *schema.Sequence) { s.Cycle = true })
		case p.accept("OWNED", "BY"):
			owner := ""
			if !p.accept("NONE") {
				parts := p.nameParts()
				if len(parts) < 2 {
					p.fail("OWNED BY needs table.column")
				}
				col := parts[len(parts)-1]
				owner = partsQName(parts[:len(parts)-1], p.d).String() + "." + col
			}
			edits = append(edits, func(s *schema.Sequence) { s.OwnedBy = owner })
		default:
			p.fail("SEQUENCE option %q is not understood", p.peek().text)
		}
	}
	o.seqEdits = edits
	if create {
		o.edit = createSequence
	} else {
		o.edit = alterSequence
	}
	p.emit(o)
}

// createDomain reads CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT
// expr] [[NOT] NULL] [CONSTRAINT name] CHECK (expr) ….
func (p *sqlParser) createDomain() {
	q := p.qname()
	p.accept("AS")
	d := &schema.Domain{Schema: q.Schema, Name: q.Name, Type: p.typeText()}
	for !p.eof() {
		var cname string
		if p.accept("CONSTRAINT") {
			cname = p.ident()
		}
		switch {
		case p.accept("COLLATE"):
			d.Collation = p.ident()
		case p.accept("DEFAULT"):
			d.Default = &schema.Default{Kind: schema.DefaultExpr, Value: p.exprUntil(columnStop)}
		case p.accept("NOT", "NULL"):
			d.NotNull = true
		case p.accept("NULL"):
			d.NotNull = false
		case p.accept("CHECK"):
			d.Checks = append(d.Checks, &schema.Check{Name: cname, Expr: p.parenText()})
		default:
			p.fail("CREATE DOMAIN clause %q is not understood", p.peek().text)
		}
	}
	p.emit(op{kind: opTypeObject, target: "domain", table: q, typeObjectOp: typeObjectOp{domain: d, edit: createDomain}})
}

// alterDomain reads ALTER DOMAIN name SET DEFAULT expr | DROP DEFAULT | SET
// NOT NULL | DROP NOT NULL | ADD [CONSTRAINT n] CHECK (expr) [NOT VALID] |
// DROP CONSTRAINT [IF EXISTS] n | VALIDATE CONSTRAINT n.
func (p *sqlParser) alterDomain() {
	o := op{kind: opTypeObject, target: "domain", table: p.qname()}
	var edit func(*schema.Domain) string
	switch {
	case p.accept("SET", "DEFAULT"):
		def := &schema.Default{Kind: schema.DefaultExpr, Value: p.exprUntil(func(sqlTok) bool { return false })}
		edit = func(d *schema.Domain) string { d.Default = def; return "" }
	case p.accept("DROP", "DEFAULT"):
		edit = func(d *schema.Domain) string { d.Default = nil; return "" }
	case p.accept("SET", "NOT", "NULL"):
		edit = func(d *schema.Domain) string { d.NotNull = true; return "" }
	case p.accept("DROP", "NOT", "NULL"):
		edit = func(d *schema.Domain) string { d.NotNull = false; return "" }
	case p.accept("ADD"):
		ck := &schema.Check{}
		if p.accept("CONSTRAINT") {
			ck.Name = p.ident()
		}
		p.expect("CHECK")
		ck.Expr = p.parenText()
		ck.NotValid = p.accept("NOT", "VALID")
		edit = func(d *schema.Domain) string { d.Checks = append(d.Checks, ck); return "" }
	case p.accept("DROP", "CONSTRAINT"):
		ie := p.accept("IF", "EXISTS")
		name := p.ident()
		p.accept("CASCADE")
		p.accept("RESTRICT")
		edit = func(d *schema.Domain) string { return removeDomainCheck(d, name, ie) }
	case p.accept("VALIDATE", "CONSTRAINT"):
		name := p.ident()
		edit = func(d *schema.Domain) string {
			for _, c := range d.Checks {
				if c.Name == name {
					c.NotValid = false
					return ""
				}
			}
			return "has no check " + name + " to validate"
		}
	default:
		p.fail("ALTER DOMAIN %s is not understood", strings.ToUpper(p.peek().text))
	}
	o.domainEdit, o.edit = edit, alterDomain
	p.emit(o)
}

// compositeType reads the attribute list of CREATE TYPE name AS (…), the
// parser standing on "(".
func (p *sqlParser) compositeType(q schema.QName) {
	ct := &schema.CompositeType{Schema: q.Schema, Name: q.Name}
	p.expect("(")
	for !p.accept(")") {
		ct.Attributes = append(ct.Attributes, p.attribute())
		p.accept(",")
	}
	p.emit(op{kind: opTypeObject, target: "composite type", table: q, typeObjectOp: typeObjectOp{composite: ct, edit: createCompositeType}})
}

// attribute reads name type [COLLATE c].
func (p *sqlParser) attribute() *schema.TypeAttribute {
	a := &schema.TypeAttribute{Name: p.ident(), Type: p.typeText()}
	if p.accept("COLLATE") {
		a.Collation = p.ident()
	}
	return a
}

// alterCompositeType reads the actions of ALTER TYPE name ADD ATTRIBUTE …,
// DROP ATTRIBUTE [IF EXISTS] …, ALTER ATTRIBUTE … [SET DATA] TYPE …
// [COLLATE …], separated by commas; ok is false when the statement holds
// none (an enum's ALTER TYPE).
func (p *sqlParser) alterCompositeType(q schema.QName) bool {
	if !(p.at("ADD", "ATTRIBUTE") || p.at("DROP", "ATTRIBUTE") || p.at("ALTER", "ATTRIBUTE")) {
		return false
	}
	var edits []func(*schema.CompositeType) string
	for {
		switch {
		case p.accept("ADD", "ATTRIBUTE"):
			a := p.attribute()
			edits = append(edits, func(ct *schema.CompositeType) string {
				if ct.Attribute(a.Name) != nil {
					return "already has attribute " + a.Name
				}
				ct.Attributes = append(ct.Attributes, a)
				return ""
			})
		case p.accept("DROP", "ATTRIBUTE"):
			ie := p.accept("IF", "EXISTS")
			name := p.ident()
			edits = append(edits, func(ct *schema.CompositeType) string {
				n := len(ct.Attributes)
				ct.Attributes = deleteAttribute(ct.Attributes, name)
				if n == len(ct.Attributes) && !ie {
					return "has no attribute " + name + " to drop"
				}
				return ""
			})
		default:
			p.expect("ALTER", "ATTRIBUTE")
			name := p.ident()
			p.accept("SET", "DATA")
			p.expect("TYPE")
			a := &schema.TypeAttribute{Name: name, Type: p.typeText()}
			if p.accept("COLLATE") {
				a.Collation = p.ident()
			}
			edits = append(edits, func(ct *schema.CompositeType) string {
				old := ct.Attribute(name)
				if old == nil {
					return "has no attribute " + name + " to alter"
				}
				*old = *a
				return ""
			})
		}
		p.accept("CASCADE")
		p.accept("RESTRICT")
		if !p.accept(",") {
			break
		}
	}
	p.emit(op{kind: opTypeObject, target: "composite type", table: q, typeObjectOp: typeObjectOp{compositeEdits: edits, edit: alterCompositeType}})
	return true
}

func deleteAttribute(attrs []*schema.TypeAttribute, name string) []*schema.TypeAttribute {
	var out []*schema.TypeAttribute
	for _, a := range attrs {
		if a.Name != name {
			out = append(out, a)
		}
	}
	return out
}
