package schema

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// This file holds row-level security: the table switches row_security and
// force_row_security, and policy blocks
// (https://www.postgresql.org/docs/15/ddl-rowsecurity.html,
// https://www.postgresql.org/docs/15/sql-createpolicy.html).

// policyCommands are the values of Policy.Command (CREATE POLICY … FOR).
var policyCommands = []string{"all", "select", "insert", "update", "delete"}

// policy reads a `policy "name" { on = "users"  command = "select"  roles =
// [...]  using = "..."  with_check = "..." }` block (YAML: a policies:
// entry).
func (l *loader) policy(o object) *Policy {
	p := &Policy{Pos: o.pos()}
	p.Name, _ = o.label(1, 1)
	on, pos := l.required(o, "on", `add on = "table" (or "schema.table")`)
	l.setPos(p, "on", pos)
	q := ParseQName(on, "")
	p.Schema, p.Table = q.Schema, q.Name
	p.Command = l.text(o, p, "command")
	p.Restrictive = l.flag(o, p, "restrictive")
	p.Roles = l.columnList(o, p, "roles", false)
	p.Using = l.text(o, p, "using")
	p.WithCheck = l.text(o, p, "with_check")
	p.Comment = l.text(o, p, "comment")
	o.done()
	return p
}

// loadRowSecurity reads row_security and force_row_security of a table.
func (l *loader) loadRowSecurity(o object, t *Table) {
	t.RowSecurity = l.flag(o, t, "row_security")
	t.ForceRowSecurity = l.flag(o, t, "force_row_security")
}

// validatePolicies checks the policies and the row security switches: the
// dialect is PostgreSQL, the table is declared, the command is known, the
// expressions are those the command takes (CREATE POLICY: "only a WITH
// CHECK expression is allowed for INSERT", "only USING expression allowed
// for SELECT, DELETE"), and a name is used once per table.
func (l *loader) validatePolicies(db *Database) {
	pg := db.Dialect == Postgres
	for _, t := range db.Tables {
		for _, key := range []string{"row_security", "force_row_security"} {
			on := t.RowSecurity
			if key == "force_row_security" {
				on = t.ForceRowSecurity
			}
			if on && !pg {
				l.otherDialect(l.at(t, key, t.Pos), "table "+t.QName().String(), key, Postgres)
			}
		}
	}
	names := l.dups()
	for _, p := range db.Policies {
		obj := "policy " + p.Name + " on " + p.TableQName().String()
		if !pg {
			l.errorf(p.Pos, obj, "row-level security policies are PostgreSQL's; SQL Server's security policies are not modelled", "policies are a PostgreSQL feature")
			continue
		}
		names.add(p.TableQName().String()+"\x00"+p.Name, p.Pos, obj, "policy "+p.Name+" is declared twice on "+p.TableQName().String())
		if p.Table != "" && l.names.Table(p.TableQName()) == nil {
			l.errorf(l.at(p, "on", p.Pos), obj, "declare the table, or fix the name", "unknown table %s", p.TableQName())
		}
		cmd := strings.ToLower(p.Command)
		if cmd != "" && !slices.Contains(policyCommands, cmd) {
			l.errorf(l.at(p, "command", p.Pos), obj, "use one of "+strings.Join(policyCommands, ", "), "invalid command %q", p.Command)
		}
		if cmd == "insert" && p.Using != "" {
			l.errorf(l.at(p, "using", p.Pos), obj, "write the condition as with_check", "an insert policy takes no using (PostgreSQL: only WITH CHECK expression allowed for INSERT)")
		}
		if (cmd == "select" || cmd == "delete") && p.WithCheck != "" {
			l.errorf(l.at(p, "with_check", p.Pos), obj, "write the condition as using", "a %s policy takes no with_check (PostgreSQL: WITH CHECK cannot be applied to SELECT or DELETE)", cmd)
		}
		roles := l.dups()
		for i, r := range p.Roles {
			at := l.at(p, fmt.Sprintf("roles.%d", i), p.Pos)
			if r == "" {
				l.errorf(at, obj, "name a role, or leave roles out for PUBLIC", "empty role name")
			}
			roles.add(strings.ToLower(r), at, obj, fmt.Sprintf("role %q is given twice", r))
		}
	}
}

// normalizePolicies brings the policies to canonical form (see Policy):
// the table's schema filled, command lower case ("all" when unset), roles
// sorted without PUBLIC, expressions normalized with the table's columns,
// sorted by (schema, table, name).
func (n *normalizer) normalizePolicies() {
	for _, p := range n.db.Policies {
		if p.Schema == "" {
			p.Schema = n.d.DefaultSchema()
		}
		p.Command = strings.ToLower(p.Command)
		if p.Command == "" {
			p.Command = "all"
		}
		var roles []string
		for _, r := range p.Roles {
			if !strings.EqualFold(r, "public") {
				roles = append(roles, r)
			}
		}
		slices.Sort(roles)
		p.Roles = slices.Compact(roles)
		var cols map[string]string
		if t := n.names.Table(p.TableQName()); t != nil {
			cols = n.columnTypes(t)
		}
		for _, e := range []struct {
			expr   *string
			source *SourceText
		}{{&p.Using, &p.UsingSource}, {&p.WithCheck, &p.WithCheckSource}} {
			if *e.expr == "" {
				*e.source = ""
				continue
			}
			keepSource(e.source, *e.expr)
			*e.expr = normalizeExpr(n.d, *e.expr, cols)
		}
	}
	sort.SliceStable(n.db.Policies, func(i, j int) bool {
		a, b := n.db.Policies[i], n.db.Policies[j]
		if a.TableQName() != b.TableQName() {
			return lessQName(a.TableQName(), b.TableQName())
		}
		return a.Name < b.Name
	})
}

// policyTree writes a policy block; on is the table, qualified when it is
// not in the default schema def.
func policyTree(p *Policy, def string) *wnode {
	n := &wnode{kind: "policy", name: p.Name, named: true}
	on := p.Table
	if p.Schema != def {
		on = p.TableQName().String()
	}
	n.set("on", on)
	if p.Command != "all" {
		n.set("command", p.Command)
	}
	n.set("restrictive", p.Restrictive)
	n.set("roles", p.Roles)
	n.set("using", p.UsingSource.Or(p.Using))
	n.set("with_check", p.WithCheckSource.Or(p.WithCheck))
	n.set("comment", p.Comment)
	return n
}
