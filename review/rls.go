package review

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// This file reads back the statements of row-level security and
// partitioning (PostgreSQL): CREATE/ALTER/DROP POLICY, COMMENT ON POLICY,
// ALTER TABLE … ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY and
// ATTACH/DETACH PARTITION, CREATE TABLE … PARTITION OF and PARTITION BY.

// restText reads the source text of the rest of the statement.
func (p *sqlParser) restText() string {
	if p.eof() {
		p.fail("expected more")
	}
	first := p.peek()
	last := first
	for !p.eof() && !p.atStatementStart() {
		last = p.next()
	}
	return strings.TrimSpace(p.src[first.start:last.end])
}

// rlsAction reads an ALTER TABLE action of row-level security or
// partitioning into an opDB, and reports whether it was one (nothing is
// consumed otherwise).
func (p *sqlParser) rlsAction(base op) bool {
	o := base
	o.kind = opDB
	var set func(t *schema.Table)
	switch {
	case p.accept("ENABLE", "ROW", "LEVEL", "SECURITY"):
		set = func(t *schema.Table) { t.RowSecurity = true }
	case p.accept("DISABLE", "ROW", "LEVEL", "SECURITY"):
		set = func(t *schema.Table) { t.RowSecurity = false }
	case p.accept("FORCE", "ROW", "LEVEL", "SECURITY"):
		set = func(t *schema.Table) { t.ForceRowSecurity = true }
	case p.accept("NO", "FORCE", "ROW", "LEVEL", "SECURITY"):
		set = func(t *schema.Table) { t.ForceRowSecurity = false }
	case p.accept("ATTACH", "PARTITION"):
		child := p.qname()
		bound := p.restText()
		parent := base.table
		o.dbFn = func(s *state, o op) {
			if t := s.table(op{table: child, pos: o.pos}); t != nil {
				t.Columns, t.PartitionOf = nil, &schema.PartitionOf{Parent: parent.String(), Bound: bound}
			}
		}
		p.emit(o)
		return true
	case p.accept("DETACH", "PARTITION"):
		child := p.qname()
		p.accept("CONCURRENTLY")
		p.accept("FINALIZE")
		parent := base.table
		o.dbFn = func(s *state, o op) {
			t, pt := s.table(op{table: child, pos: o.pos}), s.db.Table(parent)
			if t == nil || pt == nil {
				return
			}
			*t = *schema.Detached(t, pt)
		}
		p.emit(o)
		return true
	default:
		return false
	}
	o.dbFn = func(s *state, o op) {
		if t := s.table(o); t != nil {
			set(t)
		}
	}
	p.emit(o)
	return true
}

// policy reads CREATE POLICY (after POLICY), ALTER POLICY (alter) or DROP
// POLICY (drop) into an opDB.
func (p *sqlParser) policy(kind string) {
	ie := kind == "drop" && p.accept("IF", "EXISTS")
	name := p.ident()
	p.expect("ON")
	table := p.qname()
	if kind == "drop" {
		p.accept("CASCADE")
		p.accept("RESTRICT")
		p.emit(op{kind: opDB, table: table, ifExist: ie, dbFn: func(s *state, o op) {
			n := len(s.db.Policies)
			s.db.Policies = slices.DeleteFunc(s.db.Policies, func(x *schema.Policy) bool { return x.TableQName() == table && x.Name == name })
			if n == len(s.db.Policies) && !o.ifExist {
				s.conflict(o, CodeDropMissing, diff.Error, "policy "+name+" on "+table.String(), "Policy %s on %s is dropped but no earlier migration creates it; fix the name.", name, table)
			}
		}})
		return
	}
	np := &schema.Policy{Schema: table.Schema, Table: table.Name, Name: name, Command: "all"}
	var roles *[]string
	rename := ""
	for !p.eof() && !p.atStatementStart() {
		switch {
		case p.accept("AS", "RESTRICTIVE"):
			np.Restrictive = true
		case p.accept("AS", "PERMISSIVE"):
		case p.accept("FOR"):
			np.Command = strings.ToLower(p.next().text)
		case p.accept("TO"):
			var rs []string
			for {
				if r := p.ident(); !strings.EqualFold(r, "public") {
					rs = append(rs, r)
				}
				if !p.accept(",") {
					break
				}
			}
			roles = &rs
		case p.accept("USING"):
			np.Using = p.parenText()
		case p.accept("WITH", "CHECK"):
			np.WithCheck = p.parenText()
		case kind == "alter" && p.accept("RENAME", "TO"):
			rename = p.ident()
		default:
			p.fail("%s POLICY … %s is not understood", strings.ToUpper(kind), strings.ToUpper(p.peek().text))
		}
	}
	if roles != nil {
		np.Roles = *roles
	}
	p.emit(op{kind: opDB, table: table, dbFn: func(s *state, o op) {
		if s.table(o) == nil {
			return
		}
		i := slices.IndexFunc(s.db.Policies, func(x *schema.Policy) bool { return x.TableQName() == table && x.Name == name })
		if kind == "create" {
			if i >= 0 {
				s.conflict(o, CodeDuplicate, diff.Error, "policy "+name+" on "+table.String(), "Policy %s on %s is created twice; remove the second CREATE POLICY or fix the name.", name, table)
				return
			}
			s.db.Policies = append(s.db.Policies, np)
			return
		}
		if i < 0 {
			s.conflict(o, CodeDropMissing, diff.Error, "policy "+name+" on "+table.String(), "Policy %s on %s is altered but no earlier migration creates it; fix the name.", name, table)
			return
		}
		cur := s.db.Policies[i]
		if rename != "" {
			cur.Name = rename
		}
		if roles != nil {
			cur.Roles = np.Roles
		}
		if np.Using != "" {
			cur.Using, cur.UsingSource = np.Using, ""
		}
		if np.WithCheck != "" {
			cur.WithCheck, cur.WithCheckSource = np.WithCheck, ""
		}
	}})
}

// commentOnPolicy reads COMMENT ON POLICY name ON table IS … (after POLICY).
func (p *sqlParser) commentOnPolicy() {
	name := p.ident()
	p.expect("ON")
	table := p.qname()
	p.expect("IS")
	value := ""
	if !p.accept("NULL") {
		value = p.str()
	}
	p.emit(op{kind: opDB, table: table, dbFn: func(s *state, o op) {
		for _, x := range s.db.Policies {
			if x.TableQName() == table && x.Name == name {
				x.Comment = value
				return
			}
		}
		s.conflict(o, CodeDropMissing, diff.Error, "policy "+name+" on "+table.String(), "Policy %s on %s is commented but no earlier migration creates it; fix the name.", name, table)
	}})
}

// dropTableDependents removes, with table q, its policies and its
// partitions (DROP TABLE of a partitioned table drops them). partitioned
// says whether q may have partitions (it was partitioned, or was not in the
// state): only then are the tables scanned for them, which a drop of each
// of thousands of tables would otherwise make quadratic.
func (s *state) dropTableDependents(q schema.QName, partitioned bool) {
	s.db.Policies = slices.DeleteFunc(s.db.Policies, func(x *schema.Policy) bool { return x.TableQName() == q })
	if !partitioned {
		return
	}
	var gone []*schema.Table
	s.db.Tables = slices.DeleteFunc(s.db.Tables, func(t *schema.Table) bool {
		if t.PartitionOf != nil && schema.ParseQName(t.PartitionOf.Parent, t.Schema) == q {
			gone = append(gone, t)
			return true
		}
		return false
	})
	for _, g := range gone {
		delete(s.tables, g.QName())
		s.dropTableDependents(g.QName(), g.PartitionBy != nil)
	}
}
