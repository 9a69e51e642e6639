package diff

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schemadiff/schemadiff/schema"
)

// diffCase is one comparison and the plan it must give, one describe line per change.
type diffCase struct {
	name     string
	from, to *schema.Database
	opts     Options
	want     []string
}

func TestSchemas(t *testing.T) { runCases(t, schemaCases()) }

func TestEnums(t *testing.T) { runCases(t, enumCases()) }

func TestTables(t *testing.T) { runCases(t, tableCases()) }

func TestColumns(t *testing.T) { runCases(t, columnCases()) }

func TestKeysAndIndexes(t *testing.T) { runCases(t, keyCases()) }

func TestOrdering(t *testing.T) { runCases(t, orderingCases()) }

func TestRenames(t *testing.T) { runCases(t, renameCases()) }

func runCases(t *testing.T, cases []diffCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := describePlan(mustCompare(t, tc.from, tc.to, tc.opts))
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("plan (-want +got):\n%s", d)
			}
		})
	}
}

func schemaCases() []diffCase {
	return []diffCase{{
		name: "create schema with a table and comments",
		from: pg(),
		to: pg(&schema.Schema{Name: "audit", Comment: "audit trail"},
			with(table("audit.log", nullable("msg", "text")), func(t *schema.Table) { t.Comment = "events" })),
		want: []string{
			"create_schema audit",
			"create_table audit.log",
			`comment_schema audit "audit trail" (was "")`,
			`comment_table audit.log "events" (was "")`,
		},
	}, {
		name: "drop a schema holding a table: error",
		from: pg(table("audit.log")),
		to:   pg(),
		want: []string{
			"drop_table audit.log !drop-table/error",
			"drop_schema audit !drop-schema/error",
		},
	}, {
		name: "drop an empty schema: info",
		from: pg(&schema.Schema{Name: "audit"}),
		to:   pg(),
		want: []string{"drop_schema audit !drop-schema/info"},
	}, {
		name: "default schema never created nor dropped, but commented",
		from: &schema.Database{Dialect: schema.Postgres},
		to:   pg(&schema.Schema{Name: "public", Comment: "main"}),
		want: []string{`comment_schema public "main" (was "")`},
	}, {
		name: "schema comment changed and removed",
		from: pg(&schema.Schema{Name: "a", Comment: "x"}, &schema.Schema{Name: "b", Comment: "y"}),
		to:   pg(&schema.Schema{Name: "a", Comment: "z"}, &schema.Schema{Name: "b"}),
		want: []string{`comment_schema a "z" (was "x")`, `comment_schema b "" (was "y")`},
	}, {
		name: "sql server dbo is the default schema",
		from: &schema.Database{Dialect: schema.SQLServer},
		to:   &schema.Database{Dialect: schema.SQLServer, Schemas: []*schema.Schema{{Name: "dbo"}, {Name: "sales"}}},
		want: []string{"create_schema sales"},
	}}
}

func enumCases() []diffCase {
	role := func(values ...string) *schema.Enum {
		return &schema.Enum{Schema: "public", Name: "role", Values: values}
	}
	users := func() *schema.Table { return table("users", col("role", "public.role")) }
	groups := func() *schema.Table { return table("groups", nullable("roles", "public.role[]")) }
	return []diffCase{{
		name: "enum created before the table using it",
		from: pg(),
		to:   pg(role("a", "b"), users()),
		want: []string{"create_enum public.role", "create_table public.users"},
	}, {
		name: "enum dropped after the table using it",
		from: pg(role("a", "b"), users()),
		to:   pg(),
		want: []string{"drop_table public.users !drop-table/error", "drop_enum public.role"},
	}, {
		name: "values added at the end and in the middle",
		from: pg(role("a", "c"), users()),
		to:   pg(role("a", "b1", "b2", "c", "d", "e"), users()),
		want: []string{
			"add_enum_value public.role +b1 before c",
			"add_enum_value public.role +b2 before c",
			"add_enum_value public.role +d",
			"add_enum_value public.role +e",
		},
	}, {
		name: "value removed: recreate with every use, arrays too",
		from: pg(role("a", "b", "c"), users(), groups()),
		to:   pg(role("a", "c"), users(), groups()),
		want: []string{"recreate_enum public.role uses public.groups.roles uses public.users.role !drop-enum-value/error !table-rewrite/warning"},
	}, {
		name: "values reordered: recreate without data loss",
		from: pg(role("a", "b"), users()),
		to:   pg(role("b", "a"), users()),
		want: []string{"recreate_enum public.role uses public.users.role !table-rewrite/warning"},
	}, {
		name: "unused enum recreated: no hazard",
		from: pg(role("a", "b")),
		to:   pg(role("b", "a")),
		want: []string{"recreate_enum public.role"},
	}}
}

func tableCases() []diffCase {
	users := func() *schema.Table {
		return with(table("users", col("email", "text"), nullable("org_id", "integer")), func(t *schema.Table) {
			t.Comment = "people"
			t.Columns[1].Comment = "login"
			t.Indexes = []*schema.Index{index("users_org_id_idx", "org_id"), index("users_email_idx", "email")}
			t.Uniques = []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}}
			t.Checks = []*schema.Check{{Name: "users_email_check", Expr: "email <> ''"}}
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		})
	}
	return []diffCase{{
		name: "create table: keys inline, then indexes, foreign keys, comments",
		from: pg(table("orgs")),
		to:   pg(table("orgs"), users()),
		want: []string{
			"create_table public.users",
			"create_index public.users users_email_idx",
			"create_index public.users users_org_id_idx",
			"add_foreign_key public.users users_org_id_fkey",
			`comment_table public.users "people" (was "")`,
			`comment_column public.users.email "login" (was "")`,
		},
	}, {
		name: "drop table: its foreign keys first",
		from: pg(table("orgs"), users()),
		to:   pg(table("orgs")),
		want: []string{
			"drop_foreign_key public.users users_org_id_fkey",
			"drop_table public.users !drop-table/error",
		},
	}, {
		name: "table comment changed",
		from: pg(table("orgs"), users()),
		to:   pg(table("orgs"), with(users(), func(t *schema.Table) { t.Comment = "humans" })),
		want: []string{`comment_table public.users "humans" (was "people")`},
	}}
}

func columnCases() []diffCase {
	users := func(cols ...*schema.Column) *schema.Table { return table("users", cols...) }
	withCol := func(c *schema.Column, edit func(c *schema.Column)) *schema.Column {
		edit(c)
		return c
	}
	expr := func(s string) *schema.Default { return &schema.Default{Kind: schema.DefaultExpr, Value: s} }
	return []diffCase{{
		name: "add columns: nullable, defaulted, identity, serial, computed, not null",
		from: pg(users()),
		to: pg(users(
			nullable("a", "text"),
			withCol(col("b", "text"), func(c *schema.Column) { c.Default = &schema.Default{Kind: schema.DefaultString, Value: "x"} }),
			withCol(col("c", "bigint"), func(c *schema.Column) { c.Identity = &schema.Identity{Seed: 1, Increment: 1} }),
			col("d", "bigserial"),
			withCol(col("e", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "upper(b)", Persisted: true} }),
			withCol(col("f", "text"), func(c *schema.Column) { c.Comment = "eff" }),
		)),
		want: []string{
			"add_column public.users.a",
			"add_column public.users.b",
			"add_column public.users.c !volatile-default/warning",
			"add_column public.users.d !volatile-default/warning",
			"add_column public.users.e",
			"add_column public.users.f !not-null-no-default/warning",
			`comment_column public.users.f "eff" (was "")`,
		},
	}, {
		name: "drop column, and for one table drops before adds before alters",
		from: pg(users(col("old", "text"), col("n", "integer"))),
		to:   pg(users(col("n", "bigint"), nullable("new", "text"))),
		want: []string{
			"drop_column public.users.old !drop-column/error",
			"add_column public.users.new",
			"alter_column public.users.n {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !table-rewrite/warning",
		},
	}, {
		name: "alter null, default, identity, collation",
		from: pg(users(nullable("a", "text"), col("b", "text"), col("c", "integer"), col("d", "text"))),
		to: pg(users(
			col("a", "text"),
			withCol(col("b", "text"), func(c *schema.Column) { c.Default = expr("CURRENT_USER") }),
			withCol(col("c", "integer"), func(c *schema.Column) { c.Identity = &schema.Identity{Always: true, Seed: 1, Increment: 1} }),
			withCol(col("d", "text"), func(c *schema.Column) { c.Collation = "C" }),
		)),
		want: []string{
			"alter_column public.users.a {Type:false Null:true Default:false Identity:false Computed:false Collation:false} !set-not-null/warning",
			"alter_column public.users.b {Type:false Null:false Default:true Identity:false Computed:false Collation:false}",
			"alter_column public.users.c {Type:false Null:false Default:false Identity:true Computed:false Collation:false}",
			"alter_column public.users.d {Type:false Null:false Default:false Identity:false Computed:false Collation:true}",
		},
	}, {
		name: "not null to nullable: no hazard",
		from: pg(users(col("a", "text"))),
		to:   pg(users(nullable("a", "text"))),
		want: []string{"alter_column public.users.a {Type:false Null:true Default:false Identity:false Computed:false Collation:false}"},
	}, {
		name: "narrowing type changes",
		from: pg(users(col("a", "character varying(100)"), col("b", "text"), col("c", "numeric(10,2)"), col("d", "timestamp with time zone"))),
		to:   pg(users(col("a", "character varying(50)"), col("b", "character varying(20)"), col("c", "numeric(8,2)"), col("d", "timestamp without time zone"))),
		want: []string{
			"alter_column public.users.a {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error !table-rewrite/warning",
			"alter_column public.users.b {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error !table-rewrite/warning",
			"alter_column public.users.c {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error !table-rewrite/warning",
			"alter_column public.users.d {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error !table-rewrite/warning",
		},
	}, {
		name: "widening in place: no hazard",
		from: pg(users(col("a", "character varying(50)"), col("b", "character varying(50)"), col("c", "numeric(10,2)"))),
		to:   pg(users(col("a", "character varying(100)"), col("b", "text"), col("c", "numeric(12,2)"))),
		want: []string{
			"alter_column public.users.a {Type:true Null:false Default:false Identity:false Computed:false Collation:false}",
			"alter_column public.users.b {Type:true Null:false Default:false Identity:false Computed:false Collation:false}",
			"alter_column public.users.c {Type:true Null:false Default:false Identity:false Computed:false Collation:false}",
		},
	}, {
		name: "computed expression changed: drop and add, info",
		from: pg(users(col("a", "text"), withCol(col("b", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "upper(a)", Persisted: true} }))),
		to:   pg(users(col("a", "text"), withCol(col("b", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "lower(a)", Persisted: true} }))),
		want: []string{
			"drop_column public.users.b !drop-column/info",
			"add_column public.users.b",
		},
	}, {
		name: "plain column becomes computed: its values are lost",
		from: pg(users(col("a", "text"), col("b", "text"))),
		to:   pg(users(col("a", "text"), withCol(col("b", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "upper(a)", Persisted: true} }))),
		want: []string{
			"drop_column public.users.b !drop-column/error",
			"add_column public.users.b",
		},
	}, {
		name: "recreated column takes its index and check along",
		from: pg(with(users(col("a", "text"), withCol(col("b", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "upper(a)", Persisted: true} })), func(t *schema.Table) {
			t.Indexes = []*schema.Index{index("users_b_idx", "b"), index("users_a_idx", "a")}
			t.Checks = []*schema.Check{{Name: "users_b_check", Expr: "b <> ''"}}
		})),
		to: pg(with(users(col("a", "text"), withCol(col("b", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "lower(a)", Persisted: true} })), func(t *schema.Table) {
			t.Indexes = []*schema.Index{index("users_b_idx", "b"), index("users_a_idx", "a")}
			t.Checks = []*schema.Check{{Name: "users_b_check", Expr: "b <> ''"}}
		})),
		want: []string{
			"drop_index public.users users_b_idx",
			"drop_check public.users users_b_check",
			"drop_column public.users.b !drop-column/info",
			"add_column public.users.b",
			"add_check public.users users_b_check !check-may-fail/warning",
			"create_index public.users users_b_idx !blocking-index/warning",
		},
	}, {
		name: "computed column dropped before the column it is computed from",
		from: pg(users(col("a", "text"), withCol(col("b", "text"), func(c *schema.Column) { c.Computed = &schema.Computed{Expr: "upper(a)", Persisted: true} }))),
		to:   pg(users()),
		want: []string{
			"drop_column public.users.b !drop-column/error",
			"drop_column public.users.a !drop-column/error",
		},
	}, {
		name: "column comment changed",
		from: pg(users(withCol(col("a", "text"), func(c *schema.Column) { c.Comment = "x" }))),
		to:   pg(users(col("a", "text"))),
		want: []string{`comment_column public.users.a "" (was "x")`},
	}}
}

func keyCases() []diffCase {
	base := func(edit func(t *schema.Table)) *schema.Database {
		return pg(table("orgs"), with(table("users", col("email", "text"), col("org_id", "integer")), edit))
	}
	none := func(*schema.Table) {}
	return []diffCase{{
		name: "add unique, check, index, foreign key on an existing table",
		from: base(none),
		to: base(func(t *schema.Table) {
			t.Uniques = []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}}
			t.Checks = []*schema.Check{{Name: "users_email_check", Expr: "email <> ''"}}
			t.Indexes = []*schema.Index{{Name: "users_lower_email_idx", Unique: true, Parts: []schema.IndexPart{{Expr: "lower(email)"}}}}
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		}),
		want: []string{
			"add_unique public.users users_email_key !unique-may-fail/warning",
			"add_check public.users users_email_check !check-may-fail/warning",
			"create_index public.users users_lower_email_idx !blocking-index/warning !unique-may-fail/warning",
			"add_foreign_key public.users users_org_id_fkey !fk-may-fail/warning",
		},
	}, {
		name: "drop unique, check, index, foreign key",
		from: base(func(t *schema.Table) {
			t.Uniques = []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}}
			t.Checks = []*schema.Check{{Name: "users_email_check", Expr: "email <> ''"}}
			t.Indexes = []*schema.Index{index("users_org_id_idx", "org_id")}
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		}),
		to: base(none),
		want: []string{
			"drop_foreign_key public.users users_org_id_fkey",
			"drop_index public.users users_org_id_idx !blocking-index/warning",
			"drop_check public.users users_email_check",
			"drop_unique public.users users_email_key",
		},
	}, {
		name: "changed index, check, foreign key: drop and add",
		from: base(func(t *schema.Table) {
			t.Checks = []*schema.Check{{Name: "users_email_check", Expr: "email <> ''"}}
			t.Indexes = []*schema.Index{index("users_org_id_idx", "org_id")}
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		}),
		to: base(func(t *schema.Table) {
			t.Checks = []*schema.Check{{Name: "users_email_check", Expr: "length(email) > 3"}}
			t.Indexes = []*schema.Index{{Name: "users_org_id_idx", Parts: []schema.IndexPart{{Column: "org_id", Desc: true}}}}
			f := fk(t, "org_id", "orgs", "id")
			f.OnDelete = "CASCADE"
			t.ForeignKeys = []*schema.ForeignKey{f}
		}),
		want: []string{
			"drop_foreign_key public.users users_org_id_fkey",
			"drop_index public.users users_org_id_idx",
			"drop_check public.users users_email_check",
			"add_check public.users users_email_check !check-may-fail/warning",
			"create_index public.users users_org_id_idx !blocking-index/warning",
			"add_foreign_key public.users users_org_id_fkey !fk-may-fail/warning",
		},
	}, {
		name: "concurrently: no blocking hazard, flag on create and drop",
		from: base(func(t *schema.Table) { t.Indexes = []*schema.Index{index("users_org_id_idx", "org_id")} }),
		to:   base(func(t *schema.Table) { t.Indexes = []*schema.Index{index("users_email_idx", "email")} }),
		opts: Options{Concurrently: true},
		want: []string{
			"drop_index public.users users_org_id_idx concurrently",
			"create_index public.users users_email_idx concurrently",
		},
	}, {
		name: "primary key renamed, with a foreign key referencing it: renamed in place, the foreign key untouched",
		from: pg(table("orgs"), with(table("users", col("org_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		})),
		to: pg(with(table("orgs"), func(t *schema.Table) {
			t.PrimaryKey.Name = "orgs_id_pk"
		}), with(table("users", col("org_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		})),
		want: []string{"rename_constraint public.orgs orgs_id_pk from orgs_pkey"},
	}, {
		name: "referenced column retyped: foreign key dropped and added again",
		from: pg(table("orgs"), with(table("users", col("org_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		})),
		to: pg(with(table("orgs"), func(t *schema.Table) { t.Columns[0].Type = "bigint" }),
			with(table("users", col("org_id", "bigint")), func(t *schema.Table) {
				t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
			})),
		want: []string{
			"drop_foreign_key public.users users_org_id_fkey",
			"alter_column public.orgs.id {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !table-rewrite/warning",
			"alter_column public.users.org_id {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !table-rewrite/warning",
			"add_foreign_key public.users users_org_id_fkey !fk-may-fail/warning",
		},
	}, {
		name: "referenced unique index changed: foreign key dropped and added again",
		from: pg(with(table("orgs", col("code", "text")), func(t *schema.Table) {
			t.Indexes = []*schema.Index{{Name: "orgs_code_idx", Unique: true, Parts: []schema.IndexPart{{Column: "code"}}}}
		}), with(table("users", col("org_code", "text")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_code", "orgs", "code")}
		})),
		to: pg(with(table("orgs", col("code", "text")), func(t *schema.Table) {
			t.Indexes = []*schema.Index{{Name: "orgs_code_idx", Unique: true, Parts: []schema.IndexPart{{Column: "code"}}, Include: []string{"id"}}}
		}), with(table("users", col("org_code", "text")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_code", "orgs", "code")}
		})),
		opts: Options{Concurrently: true},
		want: []string{
			"drop_foreign_key public.users users_org_code_fkey",
			"drop_index public.orgs orgs_code_idx concurrently",
			"create_index public.orgs orgs_code_idx concurrently !unique-may-fail/warning",
			"add_foreign_key public.users users_org_code_fkey !fk-may-fail/warning",
		},
	}, {
		name: "concurrently never applies to a new table's index; existing table to new table foreign key may fail",
		from: pg(table("users", nullable("team_id", "integer"))),
		to: pg(with(table("teams"), func(t *schema.Table) { t.Indexes = []*schema.Index{index("teams_id_idx", "id")} }),
			with(table("users", nullable("team_id", "integer")), func(t *schema.Table) {
				t.ForeignKeys = []*schema.ForeignKey{fk(t, "team_id", "teams", "id")}
			})),
		opts: Options{Concurrently: true},
		want: []string{
			"create_table public.teams",
			"create_index public.teams teams_id_idx",
			"add_foreign_key public.users users_team_id_fkey !fk-may-fail/warning",
		},
	}, {
		name: "SQL Server: type changes have no PostgreSQL rewrite hazard",
		from: &schema.Database{Dialect: schema.SQLServer, Tables: []*schema.Table{table("dbo.t", col("a", "nvarchar(100)"), col("b", "int"))}},
		to:   &schema.Database{Dialect: schema.SQLServer, Tables: []*schema.Table{table("dbo.t", col("a", "nvarchar(50)"), col("b", "bigint"))}},
		want: []string{
			"alter_column dbo.t.a {Type:true Null:false Default:false Identity:false Computed:false Collation:false} !narrow-type/error",
			"alter_column dbo.t.b {Type:true Null:false Default:false Identity:false Computed:false Collation:false}",
		},
	}, {
		name: "SQL Server index on an existing table: an offline build blocks writes",
		from: &schema.Database{Dialect: schema.SQLServer, Tables: []*schema.Table{table("dbo.t")}},
		to: &schema.Database{Dialect: schema.SQLServer, Tables: []*schema.Table{with(table("dbo.t"), func(t *schema.Table) {
			t.Indexes = []*schema.Index{index("ix_t_id", "id")}
		})}},
		want: []string{"create_index dbo.t ix_t_id !blocking-index/warning"},
	}}
}

func orderingCases() []diffCase {
	a := func() *schema.Table {
		return with(table("a", nullable("b_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "b_id", "b", "id")}
		})
	}
	b := func() *schema.Table {
		return with(table("b", nullable("a_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "a_id", "a", "id")}
		})
	}
	return []diffCase{{
		name: "foreign key between new tables: after both exist",
		from: pg(),
		to:   pg(table("b"), a()),
		want: []string{
			"create_table public.a",
			"create_table public.b",
			"add_foreign_key public.a a_b_id_fkey",
		},
	}, {
		name: "mutual foreign keys between new tables",
		from: pg(),
		to:   pg(a(), b()),
		want: []string{
			"create_table public.a",
			"create_table public.b",
			"add_foreign_key public.a a_b_id_fkey",
			"add_foreign_key public.b b_a_id_fkey",
		},
	}, {
		name: "drop mutually referencing tables: foreign keys first",
		from: pg(a(), b()),
		to:   pg(),
		want: []string{
			"drop_foreign_key public.a a_b_id_fkey",
			"drop_foreign_key public.b b_a_id_fkey",
			"drop_table public.a !drop-table/error",
			"drop_table public.b !drop-table/error",
		},
	}, {
		name: "drop a table others point at: their foreign keys first",
		from: pg(table("b"), a()),
		to:   pg(table("a", nullable("b_id", "integer"))),
		want: []string{
			"drop_foreign_key public.a a_b_id_fkey",
			"drop_table public.b !drop-table/error",
		},
	}, {
		name: "new schema and enum before the new table; then its foreign key to an existing table",
		from: pg(table("b")),
		to: pg(table("b"), &schema.Enum{Schema: "app", Name: "kind", Values: []string{"x"}},
			with(table("app.items", col("kind", "app.kind"), nullable("b_id", "integer")), func(t *schema.Table) {
				t.ForeignKeys = []*schema.ForeignKey{fk(t, "b_id", "b", "id")}
				t.Indexes = []*schema.Index{index("items_b_id_idx", "b_id")}
			})),
		want: []string{
			"create_schema app",
			"create_enum app.kind",
			"create_table app.items",
			"create_index app.items items_b_id_idx",
			"add_foreign_key app.items items_b_id_fkey",
		},
	}}
}

func renameCases() []diffCase {
	users := func(name, email string) *schema.Table {
		return with(table(name, col(email, "text"), col("org_id", "integer")), func(t *schema.Table) {
			t.Indexes = []*schema.Index{index(t.Name+"_email_idx", email)}
			t.Uniques = []*schema.Unique{{Name: t.Name + "_email_key", Columns: []string{email}}}
			t.Checks = []*schema.Check{{Name: t.Name + "_email_check", Expr: email + " <> ''"}}
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
		})
	}
	posts := func(ref string) *schema.Table {
		return with(table("posts", col("author_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "author_id", ref, "id")}
		})
	}
	return []diffCase{{
		name: "rename table: keys, indexes and foreign keys pointing at it are unchanged",
		from: pg(table("orgs"), users("accounts", "email"), posts("accounts")),
		to: pg(table("orgs"), with(users("accounts", "email"), func(t *schema.Table) {
			t.Name, t.RenamedFrom = "users", "accounts"
		}), posts("users")),
		want: []string{"rename_table public.users from public.accounts !rename-table/warning"},
	}, {
		name: "rename column: index, unique, check on it unchanged",
		from: pg(table("orgs"), users("users", "mail")),
		to: pg(table("orgs"), with(users("users", "email"), func(t *schema.Table) {
			t.Column("email").RenamedFrom = "mail"
		})),
		want: []string{"rename_column public.users.email from mail !rename-column/warning"},
	}, {
		name: "rename a referenced column: the foreign key follows",
		from: pg(table("accounts"), posts("accounts")),
		to: pg(with(table("accounts"), func(t *schema.Table) {
			t.Columns[0].Name, t.Columns[0].RenamedFrom = "account_id", "id"
			t.PrimaryKey.Columns = []string{"account_id"}
		}), with(posts("accounts"), func(t *schema.Table) { t.ForeignKeys[0].RefColumns = []string{"account_id"} })),
		want: []string{"rename_column public.accounts.account_id from id !rename-column/warning"},
	}, {
		name: "move a table between schemas; the old schema goes, the new comes",
		from: pg(table("old.t")),
		to:   pg(with(table("new.t"), func(t *schema.Table) { t.RenamedFrom = "old.t" })),
		want: []string{
			"create_schema new",
			"rename_table new.t from old.t !rename-table/warning",
			"drop_schema old !drop-schema/info",
		},
	}, {
		name: "drops before the rename name the old table",
		from: pg(table("orgs"), users("accounts", "email")),
		to: pg(table("orgs"), with(table("users", col("email", "text"), col("org_id", "integer")), func(t *schema.Table) {
			t.RenamedFrom = "accounts"
		})),
		want: []string{
			"drop_foreign_key public.accounts accounts_org_id_fkey",
			"drop_index public.accounts accounts_email_idx !blocking-index/warning",
			"drop_check public.accounts accounts_email_check",
			"drop_unique public.accounts accounts_email_key",
			"rename_table public.users from public.accounts !rename-table/warning",
			"rename_constraint public.users users_pkey from accounts_pkey",
		},
	}, {
		name: "hint whose old object is gone is ignored",
		from: pg(table("users")),
		to:   pg(with(table("users"), func(t *schema.Table) { t.RenamedFrom = "accounts"; t.Columns[0].RenamedFrom = "uid" })),
		want: []string{},
	}, {
		name: "rename table and column at once, retyping it",
		from: pg(table("accounts", col("mail", "character varying(10)"))),
		to: pg(with(table("users", col("email", "text")), func(t *schema.Table) {
			t.RenamedFrom = "accounts"
			t.Column("email").RenamedFrom = "mail"
			t.PrimaryKey.Name = "accounts_pkey"
		})),
		want: []string{
			"rename_table public.users from public.accounts !rename-table/warning",
			"rename_column public.users.email from mail !rename-column/warning",
			"alter_column public.users.email {Type:true Null:false Default:false Identity:false Computed:false Collation:false}",
		},
	}}
}

func TestRenameErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to *schema.Database
		want     string
	}{{
		name: "dialects differ",
		from: pg(),
		to:   &schema.Database{Dialect: schema.SQLServer},
		want: "cannot compare",
	}, {
		name: "two tables claim one old name",
		from: pg(table("accounts")),
		to: pg(with(table("users"), func(t *schema.Table) { t.RenamedFrom = "accounts" }),
			with(table("members"), func(t *schema.Table) { t.RenamedFrom = "public.accounts" })),
		want: "ambiguous renamed_from",
	}, {
		name: "two columns claim one old name",
		from: pg(table("users", col("mail", "text"))),
		to: pg(table("users",
			&schema.Column{Name: "email", Type: "text", RenamedFrom: "mail"},
			&schema.Column{Name: "email2", Type: "text", RenamedFrom: "mail"})),
		want: "ambiguous renamed_from",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range []func(a, b *schema.Database, o Options) (*Plan, error){Compare, Down} {
				p, err := f(tc.from, tc.to, Options{})
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("got plan %v, error %v; want error containing %q", p, err, tc.want)
				}
			}
		})
	}
}

// fixtures returns every case of the tests above, and two broad ones.
func fixtures() []diffCase {
	rich := func() *schema.Database {
		return pg(
			&schema.Schema{Name: "app", Comment: "the app"},
			&schema.Enum{Schema: "app", Name: "role", Values: []string{"a", "b"}},
			table("orgs", nullable("name", "text")),
			with(table("app.users", col("role", "app.role"), col("email", "character varying(50)"), nullable("org_id", "integer")), func(t *schema.Table) {
				t.Comment = "people"
				t.Indexes = []*schema.Index{index("users_email_idx", "email")}
				t.Checks = []*schema.Check{{Name: "users_email_check", Expr: "email <> ''"}}
				t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
			}),
		)
	}
	changed := func() *schema.Database {
		return pg(
			&schema.Enum{Schema: "app", Name: "role", Values: []string{"b", "c"}},
			&schema.Enum{Schema: "public", Name: "mood", Values: []string{"ok"}},
			with(table("orgs", col("name", "text"), nullable("mood", "public.mood")), func(t *schema.Table) {
				t.Uniques = []*schema.Unique{{Name: "orgs_name_key", Columns: []string{"name"}}}
			}),
			with(table("app.users", col("role", "app.role"), col("email", "text"), col("org_id", "bigint")), func(t *schema.Table) {
				t.Indexes = []*schema.Index{{Name: "users_email_idx", Unique: true, Parts: []schema.IndexPart{{Column: "email"}}}}
				t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
			}),
			with(table("app.teams", col("org_id", "integer")), func(t *schema.Table) {
				t.ForeignKeys = []*schema.ForeignKey{fk(t, "org_id", "orgs", "id")}
			}),
		)
	}
	return slices.Concat(schemaCases(), enumCases(), tableCases(), columnCases(), keyCases(),
		orderingCases(), renameCases(), []diffCase{
			{name: "rich to changed", from: rich(), to: changed()},
			{name: "empty to rich", from: pg(), to: rich()},
		})
}

func TestCompareSameIsEmpty(t *testing.T) {
	for _, tc := range fixtures() {
		for _, db := range []*schema.Database{tc.from, tc.to} {
			p := mustCompare(t, db, db, Options{})
			if len(p.Changes) != 0 {
				t.Errorf("%s: Compare(x, x) = %q, want no change", tc.name, describePlan(p))
			}
			js, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(js), `"changes":[]`) {
				t.Errorf("%s: empty plan JSON %s lacks an empty changes list", tc.name, js)
			}
		}
	}
}

// hasHints reports whether db holds renamed_from hints.
func hasHints(db *schema.Database) bool {
	for _, t := range db.Tables {
		if t.RenamedFrom != "" || slices.ContainsFunc(t.Columns, func(c *schema.Column) bool { return c.RenamedFrom != "" }) {
			return true
		}
	}
	return false
}

func TestDownIsCompareReversed(t *testing.T) {
	for _, tc := range fixtures() {
		if hasHints(tc.from) || hasHints(tc.to) {
			continue // renames are undone only by Down: see TestDownUndoesRenames
		}
		t.Run(tc.name, func(t *testing.T) {
			down, err := Down(tc.from, tc.to, Options{})
			if err != nil {
				t.Fatal(err)
			}
			reversed := mustCompare(t, tc.to, tc.from, Options{})
			if d := cmp.Diff(describePlan(reversed), describePlan(down)); d != "" {
				t.Errorf("Down differs from Compare(to, from) (-compare +down):\n%s", d)
			}
		})
	}
}

func TestDownUndoesRenames(t *testing.T) {
	from := pg(table("accounts", col("mail", "text")), with(table("posts", col("author_id", "integer")), func(t *schema.Table) {
		t.ForeignKeys = []*schema.ForeignKey{fk(t, "author_id", "accounts", "id")}
	}))
	to := pg(with(table("app.users", col("email", "text")), func(t *schema.Table) {
		t.RenamedFrom = "public.accounts"
		t.Column("email").RenamedFrom = "mail"
		t.PrimaryKey.Name = "accounts_pkey"
	}), with(table("posts", col("author_id", "integer")), func(t *schema.Table) {
		t.ForeignKeys = []*schema.ForeignKey{fk(t, "author_id", "app.users", "id")}
	}))
	up := describePlan(mustCompare(t, from, to, Options{}))
	wantUp := []string{
		"create_schema app",
		"rename_table app.users from public.accounts !rename-table/warning",
		"rename_column app.users.email from mail !rename-column/warning",
	}
	if d := cmp.Diff(wantUp, up); d != "" {
		t.Errorf("up (-want +got):\n%s", d)
	}
	down, err := Down(from, to, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantDown := []string{
		"rename_table public.accounts from app.users !rename-table/warning",
		"rename_column public.accounts.mail from email !rename-column/warning",
		"drop_schema app !drop-schema/info",
	}
	if d := cmp.Diff(wantDown, describePlan(down)); d != "" {
		t.Errorf("down (-want +got):\n%s", d)
	}
}

func TestDeterministic(t *testing.T) {
	for _, tc := range fixtures() {
		t.Run(tc.name, func(t *testing.T) {
			first, err := json.Marshal(mustCompare(t, tc.from, tc.to, tc.opts))
			if err != nil {
				t.Fatal(err)
			}
			again, err := json.Marshal(mustCompare(t, tc.from, tc.to, tc.opts))
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(first) {
				t.Fatalf("same inputs, different plans:\n%s\nvs\n%s", first, again)
			}
			// The order of the inputs' lists does not change the plan either
			// (only the objects it carries, which keep their own order).
			want := describePlan(mustCompare(t, tc.from, tc.to, tc.opts))
			rng := rand.New(rand.NewPCG(1, 2))
			for range 20 {
				got := describePlan(mustCompare(t, shuffled(rng, tc.from), shuffled(rng, tc.to), tc.opts))
				if d := cmp.Diff(want, got); d != "" {
					t.Fatalf("plan changed with input order (-want +got):\n%s", d)
				}
			}
		})
	}
}

// shuffled returns db with its schemas, enums, tables and their named objects in random order.
func shuffled(rng *rand.Rand, db *schema.Database) *schema.Database {
	c := *db
	shuffle := func(n int, swap func(i, j int)) { rng.Shuffle(n, swap) }
	c.Schemas, c.Enums, c.Tables = slices.Clone(db.Schemas), slices.Clone(db.Enums), slices.Clone(db.Tables)
	shuffle(len(c.Schemas), func(i, j int) { c.Schemas[i], c.Schemas[j] = c.Schemas[j], c.Schemas[i] })
	shuffle(len(c.Enums), func(i, j int) { c.Enums[i], c.Enums[j] = c.Enums[j], c.Enums[i] })
	shuffle(len(c.Tables), func(i, j int) { c.Tables[i], c.Tables[j] = c.Tables[j], c.Tables[i] })
	for i, t := range c.Tables {
		tt := *t
		tt.Indexes, tt.ForeignKeys = slices.Clone(t.Indexes), slices.Clone(t.ForeignKeys)
		shuffle(len(tt.Indexes), func(i, j int) { tt.Indexes[i], tt.Indexes[j] = tt.Indexes[j], tt.Indexes[i] })
		shuffle(len(tt.ForeignKeys), func(i, j int) { tt.ForeignKeys[i], tt.ForeignKeys[j] = tt.ForeignKeys[j], tt.ForeignKeys[i] })
		c.Tables[i] = &tt
	}
	return &c
}

// TestInputsUntouched checks that comparing never modifies its inputs (the
// renames are done on a copy).
func TestInputsUntouched(t *testing.T) {
	build := func() (*schema.Database, *schema.Database) {
		from := pg(table("accounts", col("mail", "text")), with(table("posts", col("author_id", "integer")), func(t *schema.Table) {
			t.ForeignKeys = []*schema.ForeignKey{fk(t, "author_id", "accounts", "id")}
			t.Checks = []*schema.Check{{Name: "c", Expr: "author_id > 0"}}
		}))
		to := pg(with(table("users", col("email", "text")), func(t *schema.Table) {
			t.RenamedFrom = "accounts"
			t.Column("email").RenamedFrom = "mail"
		}))
		return from, to
	}
	from, to := build()
	wantFrom, wantTo := build()
	if _, err := Compare(from, to, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Down(from, to, Options{}); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(wantFrom, from); d != "" {
		t.Errorf("from modified:\n%s", d)
	}
	if d := cmp.Diff(wantTo, to); d != "" {
		t.Errorf("to modified:\n%s", d)
	}
}

// TestRenameTableListsSerialColumns checks that a table rename carries the
// serial columns whose sequences the renderer renames along (convergence
// pair 149: a later ALTER SEQUENCE customers_id_seq failed on customer_id_seq).
func TestRenameTableListsSerialColumns(t *testing.T) {
	from := pg(table("customer", col("no", "bigserial"), col("email", "text")))
	to := pg(with(table("customers", col("no", "bigserial"), col("email", "text")), func(t *schema.Table) {
		t.RenamedFrom = "customer"
		t.PrimaryKey.Name = "customer_pkey"
	}))
	for _, tt := range []struct {
		name     string
		plan     func() (*Plan, error)
		wantName string
	}{
		{"up", func() (*Plan, error) { return Compare(from, to, Options{}) }, "customers"},
		{"down", func() (*Plan, error) { return Down(from, to, Options{}) }, "customer"},
	} {
		plan, err := tt.plan()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, c := range plan.Changes {
			if c.Kind == RenameTable && c.Table.Name == tt.wantName {
				got = c.SerialColumns
			}
		}
		if !slices.Equal(got, []string{"no"}) {
			t.Errorf("%s: rename to %s lists serial columns %v, want [no]; plan:\n%s", tt.name, tt.wantName, got, strings.Join(describePlan(plan), "\n"))
		}
	}
}
