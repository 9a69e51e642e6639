package render

import (
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// TestRLSAndPartitionSQL checks the statements of row-level security,
// policies and partitioning, their plan lines, identifiers quoted (a role
// or policy name that would inject SQL), and the refusal on SQL Server.
func TestRLSAndPartitionSQL(t *testing.T) {
	docs := qn("app", "docs")
	full := &schema.Policy{Schema: "app", Table: "docs", Name: "p", Command: "update", Restrictive: true,
		Roles: []string{"reader", hostile}, Using: "id > 0", UsingSource: "id>0", WithCheck: "owner = current_user"}
	public := &schema.Policy{Schema: "app", Table: "docs", Name: "q", Command: "all", Using: "true"}
	parent := &schema.Table{Schema: "app", Name: "events", Columns: []*schema.Column{{Name: "at", Type: "date"}, {Name: "name", Type: "text"}},
		PartitionBy: &schema.Partitioning{Strategy: "range", Keys: []schema.IndexPart{{Column: "at"}, {Expr: "lower(name)", Opclass: "text_pattern_ops"}}}}
	part := &schema.Table{Schema: "app", Name: "events_1", PartitionOf: &schema.PartitionOf{Parent: "app.events", Bound: "FOR VALUES FROM ('2024-01-01', 'a') TO ('2025-01-01', 'z')"},
		Checks: []*schema.Check{{Name: "c", Expr: "true"}}}
	def := &schema.Table{Schema: "app", Name: "events_d", PartitionOf: &schema.PartitionOf{Parent: "app.events", Bound: "DEFAULT"}}
	for _, tc := range []struct {
		name     string
		plan     *diff.Plan
		want     string // the script, or the error
		describe string
	}{
		{"create policy", pg(&diff.Change{Kind: diff.CreatePolicy, Table: docs, Policy: full}),
			`CREATE POLICY "p" ON "app"."docs" AS RESTRICTIVE FOR UPDATE TO "reader", "Robert'); DROP TABLE students;--" USING (id>0) WITH CHECK (owner = current_user)`,
			"create policy p on app.docs"},
		{"create policy for PUBLIC", pg(&diff.Change{Kind: diff.CreatePolicy, Table: docs, Policy: public}),
			`CREATE POLICY "q" ON "app"."docs" USING (true)`, "create policy q on app.docs"},
		{"alter policy: roles to PUBLIC and WITH CHECK", pg(&diff.Change{Kind: diff.AlterPolicy, Table: docs, Policy: &schema.Policy{Schema: "app", Table: "docs", Name: "p",
			Command: "update", Using: "id > 0", WithCheck: "false"}, OldPolicy: full}),
			`ALTER POLICY "p" ON "app"."docs" TO PUBLIC WITH CHECK (false)`, "alter policy p on app.docs: roles, with check"},
		{"drop policy", pg(&diff.Change{Kind: diff.DropPolicy, Table: docs, Policy: full}), `DROP POLICY "p" ON "app"."docs"`, "drop policy p on app.docs"},
		{"comment policy", pg(&diff.Change{Kind: diff.CommentPolicy, Table: docs, Policy: full, Comment: "it's"}),
			`COMMENT ON POLICY "p" ON "app"."docs" IS 'it''s'`, "comment on policy p on app.docs: 'it''s'"},
		{"row security on", pg(&diff.Change{Kind: diff.AlterRowSecurity, Table: docs, TableDef: &schema.Table{RowSecurity: true, ForceRowSecurity: true}}),
			`ALTER TABLE "app"."docs" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`, "enable row level security (forced) on app.docs"},
		{"row security off", pg(&diff.Change{Kind: diff.AlterRowSecurity, Table: docs, TableDef: &schema.Table{}}),
			`ALTER TABLE "app"."docs" DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`, "disable row level security on app.docs"},
		{"partitioned table", pg(&diff.Change{Kind: diff.CreateTable, Table: parent.QName(), TableDef: parent}),
			"CREATE TABLE \"app\".\"events\" (\n  \"at\" date NOT NULL,\n  \"name\" text NOT NULL\n) PARTITION BY RANGE (\"at\", (lower(name)) text_pattern_ops)", "create table app.events"},
		{"partition with a check", pg(&diff.Change{Kind: diff.CreateTable, Table: part.QName(), TableDef: part}),
			"CREATE TABLE \"app\".\"events_1\" PARTITION OF \"app\".\"events\" (\n  CONSTRAINT \"c\" CHECK (true)\n) FOR VALUES FROM ('2024-01-01', 'a') TO ('2025-01-01', 'z')", "create table app.events_1"},
		{"default partition", pg(&diff.Change{Kind: diff.CreateTable, Table: def.QName(), TableDef: def}),
			`CREATE TABLE "app"."events_d" PARTITION OF "app"."events" DEFAULT`, "create table app.events_d"},
		{"attach", pg(&diff.Change{Kind: diff.AttachPartition, Table: part.QName(), TableDef: part}),
			`ALTER TABLE "app"."events" ATTACH PARTITION "app"."events_1" FOR VALUES FROM ('2024-01-01', 'a') TO ('2025-01-01', 'z')`,
			"attach partition app.events_1 to app.events FOR VALUES FROM ('2024-01-01', 'a') TO ('2025-01-01', 'z')"},
		{"detach", pg(&diff.Change{Kind: diff.DetachPartition, Table: def.QName(), TableDef: def}),
			`ALTER TABLE "app"."events" DETACH PARTITION "app"."events_d"`, "detach partition app.events_d from app.events"},
		{"no policy", pg(&diff.Change{Kind: diff.CreatePolicy, Table: docs}), "the change has no policy", ""},
		{"sql server", ms(&diff.Change{Kind: diff.CreatePolicy, Table: msUsers, Policy: full}), "create_policy is PostgreSQL only", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scriptOrError(tc.plan); !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant (in it)\n%s", got, tc.want)
			}
			if tc.describe != "" {
				if d := Describe(tc.plan.Dialect, tc.plan.Changes[0]); d != tc.describe {
					t.Errorf("plan line %q, want %q", d, tc.describe)
				}
			}
		})
	}
}

// TestAlembicRLS checks that the policies and partitions, which Alembic has
// no op for, are written as op.execute of the SQL, and that a partitioned
// table is not an op.create_table (which cannot say PARTITION BY).
func TestAlembicRLS(t *testing.T) {
	parent := &schema.Table{Schema: "public", Name: "m", Columns: []*schema.Column{{Name: "at", Type: "integer"}},
		PartitionBy: &schema.Partitioning{Strategy: "list", Keys: []schema.IndexPart{{Column: "at"}}}}
	for _, tc := range []struct {
		name string
		c    *diff.Change
		want string
	}{
		{"policy", &diff.Change{Kind: diff.CreatePolicy, Table: users, Policy: &schema.Policy{Schema: "public", Table: "users", Name: "p", Command: "all", Using: "true"}},
			`op.execute(sa.text('CREATE POLICY "p" ON "public"."users" USING (true)'))`},
		{"partitioned table", &diff.Change{Kind: diff.CreateTable, Table: parent.QName(), TableDef: parent},
			`op.execute(sa.text('CREATE TABLE "public"."m" (\n  "at" integer NOT NULL\n) PARTITION BY LIST ("at")'))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Alembic(pg(tc.c), nil, testRev("abc", "def"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), tc.want) {
				t.Errorf("the revision lacks\n%s\n%s", tc.want, src)
			}
		})
	}
}

// scriptOrError returns the statements render.SQL writes for plan, joined
// by ";\n", or its error.
func scriptOrError(plan *diff.Plan) string {
	stmts, err := SQL(plan)
	if err != nil {
		return err.Error()
	}
	var sqls []string
	for _, s := range stmts {
		sqls = append(sqls, s.SQL)
	}
	return strings.Join(sqls, ";\n")
}
