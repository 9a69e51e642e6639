package review

import "github.com/schemadiff/schemadiff/schema"

// identityParens reads the parenthesized sequence options that may follow
// PostgreSQL's AS IDENTITY into id.
func (p *sqlParser) identityParens(id *schema.Identity) {
	if !p.accept("(") {
		return
	}
	for !p.accept(")") {
		edit, ok := p.identityOption()
		if !ok {
			p.fail("identity option %q is not understood", p.peek().text)
		}
		edit(id)
	}
}

// identityOption reads one sequence option of an identity (CREATE
// SEQUENCE's, https://www.postgresql.org/docs/15/sql-createsequence.html)
// and returns the edit it makes, or false when none comes next: START [WITH]
// n, INCREMENT [BY] n, [NO] MINVALUE, [NO] MAXVALUE, CACHE n, [NO] CYCLE;
// AS type, SEQUENCE NAME name and RESTART [[WITH] n] are read and change
// nothing the model holds.
func (p *sqlParser) identityOption() (func(*schema.Identity), bool) {
	switch {
	case p.accept("START"):
		p.accept("WITH")
		n := p.int()
		return func(id *schema.Identity) { id.Seed = n }, true
	case p.accept("INCREMENT"):
		p.accept("BY")
		n := p.int()
		return func(id *schema.Identity) { id.Increment = n }, true
	case p.accept("MINVALUE"):
		n := p.int()
		return func(id *schema.Identity) { id.MinValue = &n }, true
	case p.accept("NO", "MINVALUE"):
		return func(id *schema.Identity) { id.MinValue = nil }, true
	case p.accept("MAXVALUE"):
		n := p.int()
		return func(id *schema.Identity) { id.MaxValue = &n }, true
	case p.accept("NO", "MAXVALUE"):
		return func(id *schema.Identity) { id.MaxValue = nil }, true
	case p.accept("CACHE"):
		n := p.int()
		return func(id *schema.Identity) { id.Cache = n }, true
	case p.accept("CYCLE"):
		return func(id *schema.Identity) { id.Cycle = true }, true
	case p.accept("NO", "CYCLE"):
		return func(id *schema.Identity) { id.Cycle = false }, true
	case p.accept("AS"):
		p.typeText()
	case p.accept("SEQUENCE", "NAME"):
		p.qname()
	case p.accept("RESTART"):
		if p.accept("WITH") || p.at("-") || !p.eof() && p.peek().kind == tkNumber {
			p.int()
		}
	default:
		return nil, false
	}
	return func(*schema.Identity) {}, true
}

// alterIdentity reads the identity actions of ALTER COLUMN, one after the
// other (SET GENERATED {ALWAYS | BY DEFAULT}, SET sequence_option,
// RESTART), into edits of the column's identity; it reports whether there
// was one.
func (p *sqlParser) alterIdentity(a *colAlter) bool {
	found := false
	for {
		switch {
		case p.accept("SET", "GENERATED"):
			always := p.accept("ALWAYS")
			if !always {
				p.expect("BY", "DEFAULT")
			}
			a.editIdentity = append(a.editIdentity, func(id *schema.Identity) { id.Always = always })
		case p.at("RESTART"):
			p.identityOption()
		case p.at("SET") && !p.at("SET", "NOT") && !p.at("SET", "DEFAULT") && !p.at("SET", "DATA"):
			p.accept("SET")
			edit, ok := p.identityOption()
			if !ok {
				p.fail("ALTER COLUMN … SET %s is not understood", p.peek().text)
			}
			a.editIdentity = append(a.editIdentity, edit)
		default:
			return found
		}
		found = true
	}
}
