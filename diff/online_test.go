package diff

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// describeOnline is describe with the flags of an online step.
func describeOnline(c *Change) string {
	s := describe(c)
	for _, f := range []struct {
		set  bool
		name string
	}{{c.Check != nil && c.Check.NotValid || c.ForeignKey != nil && c.ForeignKey.NotValid, " not-valid"}, {c.UsingIndex, " using-index"}, {c.IfExists, " if-exists"}} {
		if f.set {
			s += f.name
		}
	}
	return s
}

// TestOnlinePlans: the steps Options.Online plans for each kind of change
// of an existing table, and that it leaves tables the plan creates alone.
func TestOnlinePlans(t *testing.T) {
	accounts := func() *schema.Table { return table("accounts", col("email", "text")) }
	events := func(cols ...*schema.Column) *schema.Table { return table("events", cols...) }
	for _, tc := range []struct {
		name     string
		from, to *schema.Database
		want     []string
	}{{
		name: "index on an existing table: cleanup, then CONCURRENTLY, no blocking hazard",
		from: pg(events(col("kind", "text"))),
		to:   pg(with(events(col("kind", "text")), func(t *schema.Table) { t.Indexes = []*schema.Index{index("events_kind_idx", "kind")} })),
		want: []string{
			"drop_index public.events events_kind_idx concurrently if-exists",
			"create_index public.events events_kind_idx concurrently",
		},
	}, {
		name: "foreign key: NOT VALID, then VALIDATE carrying the hazard",
		from: pg(accounts(), events(col("account_id", "integer"))),
		to: pg(accounts(), with(events(col("account_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "account_id", "accounts", "id")}
		})),
		want: []string{
			"add_foreign_key public.events events_account_id_fkey not-valid",
			"validate_constraint public.events events_account_id_fkey !fk-may-fail/warning",
		},
	}, {
		name: "check: NOT VALID, then VALIDATE",
		from: pg(events(col("amount", "integer"))),
		to: pg(with(events(col("amount", "integer")), func(t *schema.Table) {
			t.Checks = []*schema.Check{{Name: "events_amount_check", Expr: "amount >= 0"}}
		})),
		want: []string{
			"add_check public.events events_amount_check not-valid",
			"validate_constraint public.events events_amount_check !check-may-fail/warning",
		},
	}, {
		name: "SET NOT NULL through a validated check",
		from: pg(events(nullable("kind", "text"))),
		to:   pg(events(col("kind", "text"))),
		want: []string{
			"add_check public.events events_kind_not_null not-valid",
			"validate_constraint public.events events_kind_not_null !set-not-null/warning",
			"alter_column public.events.kind {Type:false Null:true Default:false Identity:false Computed:false Collation:false}",
			"drop_check public.events events_kind_not_null",
		},
	}, {
		name: "SET NOT NULL with a type change: the rewrite first, an error naming the alternative",
		from: pg(events(nullable("n", "integer"))),
		to:   pg(events(col("n", "bigint"))),
		want: []string{
			"alter_column public.events.n {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !table-rewrite/error",
			"add_check public.events events_n_not_null not-valid",
			"validate_constraint public.events events_n_not_null !set-not-null/warning",
			"alter_column public.events.n {Type:false Null:true Default:false Identity:false Computed:false Collation:false}",
			"drop_check public.events events_n_not_null",
		},
	}, {
		name: "unique constraint: unique index CONCURRENTLY, then USING INDEX",
		from: pg(accounts()),
		to: pg(with(accounts(), func(t *schema.Table) {
			t.Uniques = []*schema.Unique{{Name: "accounts_email_key", Columns: []string{"email"}}}
		})),
		want: []string{
			"drop_index public.accounts accounts_email_key concurrently if-exists",
			"create_index public.accounts accounts_email_key concurrently !unique-may-fail/warning",
			"add_unique public.accounts accounts_email_key using-index",
		},
	}, {
		name: "primary key on a table without one",
		from: pg(with(accounts(), func(t *schema.Table) { t.PrimaryKey = nil })),
		to:   pg(accounts()),
		want: []string{
			"drop_index public.accounts accounts_pkey concurrently if-exists",
			"create_index public.accounts accounts_pkey concurrently !unique-may-fail/warning",
			"add_primary_key public.accounts accounts_pkey using-index",
		},
	}, {
		name: "serial column added: a rewrite, an error",
		from: pg(events()),
		to:   pg(events(col("seq", "serial"))),
		want: []string{"add_column public.events.seq !volatile-default/error"},
	}, {
		name: "a new table's index and foreign key are left as they are",
		from: pg(accounts()),
		to: pg(accounts(), with(events(col("account_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "account_id", "accounts", "id")}
			t.Indexes = []*schema.Index{index("events_account_id_idx", "account_id")}
		})),
		want: []string{
			"create_table public.events",
			"create_index public.events events_account_id_idx",
			"add_foreign_key public.events events_account_id_fkey",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			plan := mustCompare(t, tc.from, tc.to, Options{Online: true})
			var got []string
			for _, c := range plan.Changes {
				got = append(got, describeOnline(c))
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("online plan (-want +got):\n%s", d)
			}
			plain := mustCompare(t, tc.from, tc.to, Options{})
			if slices.ContainsFunc(plain.Changes, func(c *Change) bool { return c.UsingIndex || c.IfExists || c.Kind == ValidateConstraint }) {
				t.Error("the plain plan holds online steps")
			}
		})
	}
}

// TestOnlineSQLServerIndexes: on SQL Server, --online builds indexes of
// existing tables online only where the edition can (OnlineIndexes); else
// the blocking-index hazard names the lock and the setting.
func TestOnlineSQLServerIndexes(t *testing.T) {
	ms := func(indexes ...*schema.Index) *schema.Database {
		t := &schema.Table{Schema: "dbo", Name: "events", Columns: []*schema.Column{col("id", "int"), col("kind", "int")},
			PrimaryKey: &schema.PrimaryKey{Name: "pk_events", Columns: []string{"id"}, Clustered: new(true)}, Indexes: indexes}
		for _, x := range indexes {
			x.Clustered = new(false)
		}
		return &schema.Database{Dialect: schema.SQLServer, Schemas: []*schema.Schema{{Name: "dbo"}}, Tables: []*schema.Table{t}}
	}
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Online: true, OnlineIndexes: true}, "create_index dbo.events events_kind_idx concurrently"},
		{Options{Online: true}, "create_index dbo.events events_kind_idx !blocking-index/warning"},
		{Options{OnlineIndexes: true}, "create_index dbo.events events_kind_idx !blocking-index/warning"},
	} {
		plan := mustCompare(t, ms(), ms(index("events_kind_idx", "kind")), tc.opts)
		if len(plan.Changes) != 1 || describe(plan.Changes[0]) != tc.want {
			t.Errorf("%+v: got %v, want [%s]", tc.opts, describePlan(plan), tc.want)
		}
	}
}
