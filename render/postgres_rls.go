package render

import (
	"fmt"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// rlsChange renders the changes of row-level security and partitioning:
// CreatePolicy, DropPolicy, AlterPolicy, CommentPolicy (CREATE/DROP/ALTER
// POLICY, COMMENT ON POLICY:
// https://www.postgresql.org/docs/15/sql-createpolicy.html), AlterRowSecurity
// (ALTER TABLE … ENABLE/DISABLE, FORCE/NO FORCE ROW LEVEL SECURITY) and
// AttachPartition, DetachPartition (ALTER TABLE parent ATTACH/DETACH
// PARTITION).
func (postgresDialect) rlsChange(c *diff.Change) ([]string, error) {
	switch c.Kind {
	case diff.AlterRowSecurity:
		if c.TableDef == nil {
			return nil, errMissing("table definition")
		}
		enable, force := "DISABLE", "NO FORCE"
		if c.TableDef.RowSecurity {
			enable = "ENABLE"
		}
		if c.TableDef.ForceRowSecurity {
			force = "FORCE"
		}
		return []string{pgAlterTable(c.Table) + " " + enable + " ROW LEVEL SECURITY, " + force + " ROW LEVEL SECURITY"}, nil
	case diff.AttachPartition, diff.DetachPartition:
		t := c.TableDef
		if t == nil || t.PartitionOf == nil {
			return nil, errMissing("partition")
		}
		parent := pgAlterTable(schema.ParseQName(t.PartitionOf.Parent, t.Schema))
		if c.Kind == diff.DetachPartition {
			return []string{parent + " DETACH PARTITION " + pgQName(t.Schema, t.Name)}, nil
		}
		return []string{parent + " ATTACH PARTITION " + pgQName(t.Schema, t.Name) + " " + t.PartitionOf.Bound}, nil
	}
	p := c.Policy
	if p == nil {
		return nil, errMissing("policy")
	}
	on := pgIdent(p.Name) + " ON " + pgQName(p.Schema, p.Table)
	switch c.Kind {
	case diff.CreatePolicy:
		s := "CREATE POLICY " + on
		if p.Restrictive {
			s += " AS RESTRICTIVE"
		}
		if p.Command != "" && p.Command != "all" {
			s += " FOR " + strings.ToUpper(p.Command)
		}
		if len(p.Roles) > 0 {
			s += " TO " + pgRoles(p.Roles)
		}
		return []string{s + pgPolicyExprs(p, true, true)}, nil
	case diff.DropPolicy:
		return []string{"DROP POLICY " + on}, nil
	case diff.AlterPolicy:
		old := c.OldPolicy
		if old == nil {
			return nil, errMissing("old policy")
		}
		s := "ALTER POLICY " + on
		if strings.Join(old.Roles, ",") != strings.Join(p.Roles, ",") {
			s += " TO " + pgRoles(p.Roles)
		}
		return []string{s + pgPolicyExprs(p, old.Using != p.Using, old.WithCheck != p.WithCheck)}, nil
	case diff.CommentPolicy:
		return []string{"COMMENT ON POLICY " + on + " IS " + pgComment(c.Comment)}, nil
	}
	return nil, fmt.Errorf("unknown change kind %q", c.Kind)
}

// pgRoles renders the roles of a policy: PUBLIC when none.
func pgRoles(roles []string) string {
	if len(roles) == 0 {
		return "PUBLIC"
	}
	quoted := make([]string, len(roles))
	for i, r := range roles {
		quoted[i] = pgIdent(r)
	}
	return strings.Join(quoted, ", ")
}

// pgPolicyExprs renders the USING and WITH CHECK clauses of p that are set
// and asked for.
func pgPolicyExprs(p *schema.Policy, using, withCheck bool) string {
	s := ""
	if using && p.Using != "" {
		s += " USING (" + p.UsingSource.Or(p.Using) + ")"
	}
	if withCheck && p.WithCheck != "" {
		s += " WITH CHECK (" + p.WithCheckSource.Or(p.WithCheck) + ")"
	}
	return s
}

// pgPartitionBy renders the PARTITION BY clause of a partitioned table:
// columns, and expressions in parentheses, with their collation and
// operator class.
func pgPartitionBy(p *schema.Partitioning) string {
	keys := make([]string, len(p.Keys))
	for i, k := range p.Keys {
		s := pgIdent(k.Column)
		if k.Column == "" {
			s = "(" + k.ExprSource.Or(k.Expr) + ")"
		}
		if k.Collation != "" {
			s += " COLLATE " + pgIdent(k.Collation)
		}
		if k.Opclass != "" {
			s += " " + k.Opclass
		}
		keys[i] = s
	}
	return " PARTITION BY " + strings.ToUpper(p.Strategy) + " (" + strings.Join(keys, ", ") + ")"
}

// pgCreatePartition renders CREATE TABLE of partition t, whose own
// constraints are lines: CREATE TABLE t PARTITION OF parent [(…)] bound.
func pgCreatePartition(t *schema.Table, lines []string) string {
	parent := schema.ParseQName(t.PartitionOf.Parent, t.Schema)
	s := "CREATE TABLE " + pgQName(t.Schema, t.Name) + " PARTITION OF " + pgQName(parent.Schema, parent.Name)
	if len(lines) > 0 {
		s += " (\n  " + strings.Join(lines, ",\n  ") + "\n)"
	}
	return s + " " + t.PartitionOf.Bound
}

// describeRLS describes a change of row-level security or partitioning,
// e.g. "create policy tenant_read on public.events", "enable row level
// security on public.events", "attach partition public.events_2024 to
// public.events FOR VALUES …".
func describeRLS(c *diff.Change) string {
	t := c.Table.String()
	switch c.Kind {
	case diff.AlterRowSecurity:
		if c.TableDef == nil {
			return "alter row level security on " + t
		}
		s := map[bool]string{true: "enable", false: "disable"}[c.TableDef.RowSecurity] + " row level security"
		if c.TableDef.ForceRowSecurity {
			s += " (forced)"
		}
		return s + " on " + t
	case diff.AttachPartition, diff.DetachPartition:
		if c.TableDef == nil || c.TableDef.PartitionOf == nil {
			return strings.ReplaceAll(string(c.Kind), "_", " ") + " " + t
		}
		if c.Kind == diff.DetachPartition {
			return "detach partition " + t + " from " + c.TableDef.PartitionOf.Parent
		}
		return "attach partition " + t + " to " + c.TableDef.PartitionOf.Parent + " " + c.TableDef.PartitionOf.Bound
	}
	name := "?"
	if c.Policy != nil {
		name = c.Policy.Name
	}
	if c.Kind == diff.CommentPolicy {
		return describeComment("policy "+name+" on "+t, c.Comment)
	}
	s := strings.ReplaceAll(string(c.Kind), "_", " ") + " " + name + " on " + t
	if c.Kind == diff.AlterPolicy && c.OldPolicy != nil && c.Policy != nil {
		var what []string
		if strings.Join(c.OldPolicy.Roles, ",") != strings.Join(c.Policy.Roles, ",") {
			what = append(what, "roles")
		}
		if c.OldPolicy.Using != c.Policy.Using {
			what = append(what, "using")
		}
		if c.OldPolicy.WithCheck != c.Policy.WithCheck {
			what = append(what, "with check")
		}
		s += ": " + strings.Join(what, ", ")
	}
	return s
}
