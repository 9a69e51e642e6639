package diff

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

func TestRowSecurityAndPolicies(t *testing.T) { runCases(t, rlsCases()) }

func TestPartitions(t *testing.T) { runCases(t, partitionCases()) }

// withPolicies returns db with policies ps.
func withPolicies(db *schema.Database, ps ...*schema.Policy) *schema.Database {
	db.Policies = ps
	return db
}

// policy builds a canonical policy on public.docs.
func policy(name, cmd, using string, edit func(p *schema.Policy)) *schema.Policy {
	p := &schema.Policy{Schema: "public", Table: "docs", Name: name, Command: cmd, Using: using}
	if edit != nil {
		edit(p)
	}
	return p
}

// rlsCases: row security switches (a hazard when turned on over an
// existing table, none on a new one), policies created after their table
// and dropped before anything changes, ALTER POLICY for roles and
// expressions, drop and create for command and restrictive or a column
// retyped under the policy, none of it for a dropped table.
func rlsCases() []diffCase {
	docs := func(edit func(t *schema.Table)) *schema.Database {
		return pg(with(table("docs", col("owner", "text")), edit))
	}
	none := func(*schema.Table) {}
	on := func(t *schema.Table) { t.RowSecurity = true }
	return []diffCase{{
		name: "enable over an existing table, with a policy",
		from: docs(none),
		to:   withPolicies(docs(on), policy("own", "all", "owner = CURRENT_USER", nil)),
		want: []string{"alter_row_security public.docs !row-security/warning", "create_policy public.docs own"},
	}, {
		name: "a new table with row security and a policy: no hazard",
		from: pg(),
		to:   withPolicies(docs(on), policy("own", "all", "owner = CURRENT_USER", nil)),
		want: []string{"create_table public.docs", "alter_row_security public.docs", "create_policy public.docs own"},
	}, {
		name: "roles and using: ALTER POLICY; command: drop and create; comment",
		from: withPolicies(docs(on), policy("a", "all", "true", nil), policy("b", "all", "true", nil)),
		to: withPolicies(docs(on), policy("a", "all", "false", func(p *schema.Policy) { p.Roles = []string{"r"}; p.Comment = "c" }),
			policy("b", "select", "true", nil)),
		want: []string{"drop_policy public.docs b", "alter_policy public.docs a", "create_policy public.docs b", `comment_policy public.docs a "c" (was "")`},
	}, {
		name: "a column retyped under a policy: dropped and created around it",
		from: withPolicies(docs(on), policy("own", "all", "owner = 'x'", nil)),
		to:   withPolicies(pg(with(table("docs", col("owner", "character varying(10)")), on)), policy("own", "all", "owner = 'x'", nil)),
		want: []string{"drop_policy public.docs own", "alter_column public.docs.owner {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error !table-rewrite/warning", "create_policy public.docs own"},
	}, {
		name: "a dropped table takes its policies",
		from: withPolicies(docs(on), policy("own", "all", "true", nil)),
		to:   pg(),
		want: []string{"drop_table public.docs !drop-table/error"},
	}, {
		name: "disable and drop the policy",
		from: withPolicies(docs(on), policy("own", "all", "true", nil)),
		to:   docs(none),
		want: []string{"drop_policy public.docs own", "alter_row_security public.docs"},
	}}
}

// partitionCases: partitions are created after their parents (whatever
// their names), dropped with them, re-bounded by detach and attach; a
// changed partition key rebuilds the table and its partitions; an online
// plan builds no index CONCURRENTLY on a partitioned table.
func partitionCases() []diffCase {
	parent := func(strategy string, edit func(t *schema.Table)) *schema.Table {
		t := &schema.Table{Schema: "public", Name: "z_events", Columns: []*schema.Column{col("at", "integer")},
			PartitionBy: &schema.Partitioning{Strategy: strategy, Keys: []schema.IndexPart{{Column: "at"}}}}
		if edit != nil {
			edit(t)
		}
		return t
	}
	part := func(name, bound string) *schema.Table {
		return &schema.Table{Schema: "public", Name: name, PartitionOf: &schema.PartitionOf{Parent: "public.z_events", Bound: bound}}
	}
	withIndex := func(t *schema.Table) {
		t.Indexes = []*schema.Index{{Name: "z_events_at_idx", Parts: []schema.IndexPart{{Column: "at"}}}}
	}
	return []diffCase{{
		name: "a partition sorting before its parent is created after it",
		from: pg(),
		to:   pg(parent("range", nil), part("a_part", "FOR VALUES FROM (0) TO (10)")),
		want: []string{"create_table public.z_events", "create_table public.a_part"},
	}, {
		name: "dropping the parent drops its partitions",
		from: pg(parent("range", nil), part("a_part", "DEFAULT")),
		to:   pg(),
		want: []string{"drop_table public.z_events !drop-table/error"},
	}, {
		name: "a bound changes: detach, then attach",
		from: pg(parent("range", nil), part("a_part", "FOR VALUES FROM (0) TO (10)")),
		to:   pg(parent("range", nil), part("a_part", "FOR VALUES FROM (0) TO (20)")),
		want: []string{"detach_partition public.a_part !partition-detach/warning", "attach_partition public.a_part !partition-attach/warning"},
	}, {
		name: "the key changes: the table and its partitions are built again",
		from: pg(parent("range", nil), part("a_part", "FOR VALUES FROM (0) TO (10)")),
		to:   pg(parent("list", nil), part("a_part", "FOR VALUES IN (1)")),
		want: []string{"drop_table public.z_events !drop-table/error", "create_table public.z_events", "create_table public.a_part"},
	}, {
		name: "online: no CONCURRENTLY on a partitioned table",
		from: pg(parent("range", nil)),
		to:   pg(parent("range", withIndex)),
		opts: Options{Online: true},
		want: []string{"create_index public.z_events z_events_at_idx !blocking-index/warning"},
	}, {
		name: "online: an index dropped from a partitioned table blocks",
		from: pg(parent("range", withIndex)),
		to:   pg(parent("range", nil)),
		opts: Options{Online: true},
		want: []string{"drop_index public.z_events z_events_at_idx !blocking-index/warning"},
	}}
}
