package diff

import (
	"slices"

	"github.com/schemadiff/schemadiff/schema"
)

// comparePolicies creates, drops, alters and comments row-level security
// policies. A policy follows its table through a rename; one whose command
// or PERMISSIVE/RESTRICTIVE changes, or that loses its USING or WITH CHECK,
// is dropped and created again (ALTER POLICY cannot change those), and so
// is one whose expression mentions a column the plan retypes or recreates
// (PostgreSQL: "cannot alter type of a column used in a policy
// definition"). Policies of a dropped or rebuilt table go with it.
func (d *differ) comparePolicies() {
	srcPolicies := make([]*schema.Policy, 0, len(d.orig.Policies))
	for _, p := range d.orig.Policies {
		q := *p
		q.Schema, q.Table = d.renamedTable(p.TableQName()).Schema, d.renamedTable(p.TableQName()).Name
		srcPolicies = append(srcPolicies, &q)
	}
	key := func(p *schema.Policy) string { return qnameKey(p.TableQName()) + "\x00" + p.Name }
	pairByName(srcPolicies, d.dst.Policies, key, func(s, t *schema.Policy) {
		if s != nil && (d.dstTables.Table(s.TableQName()) == nil || d.rebuilt[s.TableQName()]) {
			s = nil // dropped with its table
		}
		if t != nil && d.dstTables.Table(t.TableQName()) == nil {
			t = nil // a policy of no table (validation refuses it in schema files)
		}
		// ALTER POLICY cannot remove a USING or WITH CHECK expression either.
		kept := s != nil && t != nil && s.Command == t.Command && s.Restrictive == t.Restrictive && !d.policyDisturbed(s) &&
			(s.Using == "" || t.Using != "") && (s.WithCheck == "" || t.WithCheck != "")
		switch {
		case kept && equalPolicy(s, t):
		case kept:
			d.add(phaseTriggers, &Change{Kind: AlterPolicy, Table: t.TableQName(), Policy: t, OldPolicy: s})
		default:
			if s != nil {
				orig := d.origPolicy(s)
				d.add(phaseDropDependents, &Change{Kind: DropPolicy, Table: orig.TableQName(), Policy: orig})
			}
			if t != nil {
				d.add(phaseTriggers, &Change{Kind: CreatePolicy, Table: t.TableQName(), Policy: t})
			}
		}
		old := ""
		if kept {
			old = s.Comment
		}
		if t != nil && t.Comment != old {
			d.add(phaseComments, &Change{Kind: CommentPolicy, Table: t.TableQName(), Policy: t, Comment: t.Comment, OldComment: old})
		}
	})
}

// renamedTable returns the name a table of the source (as given) has after
// the plan's renames.
func (d *differ) renamedTable(q schema.QName) schema.QName {
	for to, from := range d.origName {
		if from == q {
			return to
		}
	}
	return q
}

// origPolicy returns the policy of the source as given (under its table's
// name before renames) that p, renamed, was copied from: a DropPolicy runs
// before the renames.
func (d *differ) origPolicy(p *schema.Policy) *schema.Policy {
	for _, o := range d.orig.Policies {
		if o.Name == p.Name && d.renamedTable(o.TableQName()) == p.TableQName() {
			return o
		}
	}
	return p
}

// policyDisturbed reports whether the expressions of policy p mention a
// column of its table that the plan retypes or recreates.
func (d *differ) policyDisturbed(p *schema.Policy) bool {
	for col := range d.retyped[p.TableQName()] {
		for _, e := range []string{p.Using, p.WithCheck} {
			if e != "" && mentionsColumn(e, col) {
				return true
			}
		}
	}
	return false
}

// equalPolicy reports whether two canonical policies are the same, their
// comments aside.
func equalPolicy(a, b *schema.Policy) bool {
	return a.Name == b.Name && a.TableQName() == b.TableQName() && a.Command == b.Command && a.Restrictive == b.Restrictive &&
		slices.Equal(a.Roles, b.Roles) && a.Using == b.Using && a.WithCheck == b.WithCheck
}

// setRowSecurity adds the AlterRowSecurity that turns the row-level
// security switches of s (nil: a table the plan creates) into those of t,
// after the table's policies are created. Turning RLS on over an existing
// table hides its rows from every role but the owner (and, with FORCE,
// from the owner too) unless a policy lets them through.
func (d *differ) setRowSecurity(s, t *schema.Table) {
	old := &schema.Table{}
	if s != nil {
		old = s
	}
	if old.RowSecurity == t.RowSecurity && old.ForceRowSecurity == t.ForceRowSecurity {
		return
	}
	c := &Change{Kind: AlterRowSecurity, Table: t.QName(), TableDef: t}
	if s != nil && (t.RowSecurity && !s.RowSecurity || t.ForceRowSecurity && !s.ForceRowSecurity) {
		who := "roles other than its owner (and superusers and BYPASSRLS roles)"
		if t.ForceRowSecurity {
			who = "every role but superusers and BYPASSRLS roles, its owner included"
		}
		c.Hazards = []Hazard{hazard(HazardRowSecurity, Warning,
			"Row-level security on table %s hides its rows from %s, except the rows its policies let through (none without a policy); queries see fewer rows and writes may fail.", t.QName(), who)}
	}
	d.add(phaseTriggers, c)
}
