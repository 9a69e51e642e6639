package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test ./render/ -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from the rendering (-want +got); run go test ./render/ -update if the change is intended:\n%s", path, diff)
	}
}

// readable renders a plan as its golden file: the plan view as SQL comments,
// then the script.
func readable(t *testing.T, plan *diff.Plan) string {
	t.Helper()
	var view bytes.Buffer
	if err := WritePlan(&view, plan, false); err != nil {
		t.Fatal(err)
	}
	stmts, err := SQL(plan)
	if err != nil {
		t.Fatalf("SQL: %v", err)
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(view.String(), "\n"), "\n") {
		b.WriteString("-- " + line + "\n")
	}
	b.WriteString("\n" + Script(stmts))
	return b.String()
}

func TestGoldenSQL(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			got := readable(t, tc.plan)
			if again := readable(t, tc.plan); again != got {
				t.Fatalf("rendering is not deterministic")
			}
			golden(t, tc.name+".sql", got)
		})
	}
}

// TestEveryKindRendered makes sure the golden cases exercise every Kind.
func TestEveryKindRendered(t *testing.T) {
	kinds := []diff.Kind{
		diff.CreateSchema, diff.DropSchema, diff.CommentSchema, diff.CreateEnum, diff.DropEnum, diff.AddEnumValue,
		diff.RecreateEnum, diff.CreateTable, diff.DropTable, diff.RenameTable, diff.CommentTable, diff.AddColumn,
		diff.DropColumn, diff.RenameColumn, diff.AlterColumn, diff.CommentColumn, diff.AddPrimaryKey,
		diff.DropPrimaryKey, diff.AddUnique, diff.DropUnique, diff.AddCheck, diff.DropCheck, diff.AddForeignKey,
		diff.DropForeignKey, diff.CreateIndex, diff.DropIndex, diff.RenameIndex, diff.RenameConstraint,
		diff.CreateFunction, diff.DropFunction, diff.ReplaceFunction, diff.CommentFunction, diff.CreateTrigger,
		diff.DropTrigger, diff.ReplaceTrigger, diff.CommentTrigger,
	}
	seen := map[diff.Kind]int{}
	for _, tc := range goldenCases() {
		stmts, err := SQL(tc.plan)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, s := range stmts {
			seen[s.Change.Kind]++
		}
	}
	for _, k := range kinds {
		if seen[k] == 0 {
			t.Errorf("no golden case renders a statement for %s", k)
		}
	}
}

func TestQuoting(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"plain identifier", pgIdent("users"), `"users"`},
		{"identifier with quote", pgIdent(`a"b`), `"a""b"`},
		{"injection in identifier", pgIdent(hostile), `"Robert'); DROP TABLE students;--"`},
		{"qualified", pgQName("public", `we"ird`), `"public"."we""ird"`},
		{"literal", pgLiteral("it's"), `'it''s'`},
		{"literal with backslash", pgLiteral(`a\'b`), `E'a\\''b'`},
		{"comment removed", pgComment(""), "NULL"},
		{"user type", mustType(t, "public.user_role"), `"public"."user_role"`},
		{"user array type", mustType(t, `my schema.Role[]`), `"my schema"."Role"[]`},
		{"built-in type", mustType(t, "timestamp(3) with time zone"), "timestamp(3) with time zone"},
		{"built-in array", mustType(t, "character varying(50)[]"), "character varying(50)[]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %s, want %s", tc.got, tc.want)
			}
		})
	}
}

func mustType(t *testing.T, typ string) string {
	t.Helper()
	s, err := pgType(typ)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"0", true}, {"-1.5", true}, {"+3", true}, {".5", true}, {"5.", true}, {"1e10", true}, {"2.5E-3", true},
		{"", false}, {"-", false}, {".", false}, {"1e", false}, {"0x10", false}, {"NaN", false}, {"1; DROP", false}, {"1 ", false},
	}
	for _, tc := range tests {
		if got := isNumber(tc.in); got != tc.want {
			t.Errorf("isNumber(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestSQLErrors checks that what cannot be rendered safely is refused.
func TestSQLErrors(t *testing.T) {
	col := func(c *schema.Column) *diff.Plan {
		return pg(&diff.Change{Kind: diff.AddColumn, Table: users, Column: c})
	}
	tests := []struct {
		name string
		plan *diff.Plan
		want string
	}{
		{"unknown dialect", &diff.Plan{Dialect: "oracle"}, `unknown dialect "oracle"`},
		{"type with semicolon", col(&schema.Column{Name: "a", Type: "int; DROP TABLE x"}), "invalid type"},
		{"type with quote", col(&schema.Column{Name: "a", Type: `text"`}), "invalid type"},
		{"type with comment", col(&schema.Column{Name: "a", Type: "int --"}), "invalid type"},
		{"empty type", col(&schema.Column{Name: "a"}), "empty type"},
		{"bad number", col(&schema.Column{Name: "a", Type: "integer", Default: num("1); DROP TABLE x")}), "invalid numeric default"},
		{"bad bool", col(&schema.Column{Name: "a", Type: "boolean", Default: boolean("yes")}), "invalid boolean default"},
		{"bad default kind", col(&schema.Column{Name: "a", Type: "integer", Default: &schema.Default{Kind: "magic"}}), "unknown default kind"},
		{"bad fk action", pg(&diff.Change{Kind: diff.AddForeignKey, Table: users, ForeignKey: &schema.ForeignKey{
			Name: "f", Columns: []string{"a"}, RefSchema: "public", RefTable: "t", RefColumns: []string{"id"}, OnDelete: "CASCADE; DROP TABLE x"}}),
			"unknown referential action"},
		{"bad nulls order", pg(&diff.Change{Kind: diff.CreateIndex, Table: users, Index: &schema.Index{
			Name: "i", Parts: []schema.IndexPart{{Column: "a", Nulls: "middle"}}}}), "unknown nulls order"},
		{"drop unnamed constraint", pg(&diff.Change{Kind: diff.DropCheck, Table: users, Check: &schema.Check{Expr: "a > 0"}}), "no constraint name"},
		{"missing object", pg(&diff.Change{Kind: diff.CreateTable}), "no table definition"},
		{"unknown kind", pg(&diff.Change{Kind: "teleport_table", Table: users}), `unknown change kind "teleport_table"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := SQL(tc.plan)
			if err == nil {
				t.Fatalf("no error; rendered %q", Script(stmts))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestOpAndDescribe(t *testing.T) {
	tests := []struct {
		change   *diff.Change
		op, want string
	}{
		{&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{Schema: "public", Name: "users"}}, "+", "create table public.users"},
		{&diff.Change{Kind: diff.AddColumn, Table: users, Column: &schema.Column{Name: "email"}}, "+", "add column email to public.users"},
		{alter(users, &schema.Column{Name: "email", Type: "character varying(50)", Null: true}, &schema.Column{Name: "email", Type: "text"},
			diff.ColumnAlter{Type: true, Null: true}), "~", "alter column public.users.email: type character varying(50) → text, set not null"},
		{alter(users, &schema.Column{Name: "n", Type: "integer", Default: num("0")}, &schema.Column{Name: "n", Type: "integer", Default: num("1")},
			diff.ColumnAlter{Default: true}), "~", "alter column public.users.n: default 0 → 1"},
		{&diff.Change{Kind: diff.DropIndex, Table: users, Index: &schema.Index{Name: "users_email_idx"}}, "-", "drop index public.users_email_idx"},
		{&diff.Change{Kind: diff.AddEnumValue, Enum: &schema.Enum{Schema: "public", Name: "user_role"}, Value: "admin"}, "+", "add value 'admin' to enum public.user_role"},
		{&diff.Change{Kind: diff.RenameTable, OldName: legacy, Table: qn("audit", "legacy")}, "~", "rename table public.legacy to audit.legacy"},
		{&diff.Change{Kind: diff.CommentColumn, Table: users, Column: &schema.Column{Name: "a"}, Comment: "two\nlines"}, "~", `comment on column public.users.a: 'two\nlines'`},
		{&diff.Change{Kind: diff.DropSchema, Schema: &schema.Schema{Name: "audit"}}, "-", "drop schema audit"},
		{&diff.Change{Kind: diff.AlterColumn, Table: users}, "~", "alter column public.users.?"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := Op(tc.change); got != tc.op {
				t.Errorf("Op = %q, want %q", got, tc.op)
			}
			if got := Describe(schema.Postgres, tc.change); got != tc.want {
				t.Errorf("Describe = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestScript(t *testing.T) {
	a := &diff.Change{Kind: diff.AddColumn, Table: users}
	b := &diff.Change{Kind: diff.AddColumn, Table: users}
	c := &diff.Change{Kind: diff.CreateEnum}
	d := &diff.Change{Kind: diff.CreateEnum}
	tests := []struct {
		name  string
		stmts []Statement
		want  string
	}{
		{"none", nil, ""},
		{"same table together", []Statement{{SQL: "A", Change: a}, {SQL: "B", Change: b}}, "A;\nB;\n"},
		{"one change together", []Statement{{SQL: "C1", Change: c}, {SQL: "C2", Change: c}}, "C1;\nC2;\n"},
		{"apart otherwise", []Statement{{SQL: "A", Change: a}, {SQL: "C", Change: c}, {SQL: "D", Change: d}}, "A;\n\nC;\n\nD;\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Script(tc.stmts); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// viewPlan is a small plan with every op and severity, for the plan views.
func viewPlan() *diff.Plan {
	return pg(
		&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{Schema: "public", Name: "teams",
			Columns: []*schema.Column{{Name: "id", Type: "bigint", Identity: &schema.Identity{}}}}},
		&diff.Change{Kind: diff.CreateIndex, Table: users, Index: &schema.Index{Name: "users_email_idx", Parts: []schema.IndexPart{{Column: "email"}}},
			Hazards: hz(diff.HazardBlockingIndex, diff.Warning, "CREATE INDEX without CONCURRENTLY blocks writes to public.users")},
		alter(users, &schema.Column{Name: "email", Type: "character varying(50)"}, &schema.Column{Name: "email", Type: "text"}, diff.ColumnAlter{Type: true}),
		&diff.Change{Kind: diff.DropColumn, Table: users, Column: &schema.Column{Name: "nick", Type: "text"}, Hazards: []diff.Hazard{
			{Code: diff.HazardDropColumn, Severity: diff.Error, Message: "dropping public.users.nick loses its values"},
			{Code: "note", Severity: diff.Info, Message: "nick was unused"},
		}},
	)
}

func TestWritePlan(t *testing.T) {
	tests := []struct {
		name   string
		plan   *diff.Plan
		color  bool
		golden string
		want   string
	}{
		{name: "empty", plan: pg(), want: "No changes.\n"},
		{name: "nil", plan: nil, want: "No changes.\n"},
		{name: "one", plan: pg(&diff.Change{Kind: diff.DropSchema, Schema: &schema.Schema{Name: "s"}}),
			want: "- drop schema s\n1 change: 0 to add, 0 to change, 1 to drop\n"},
		{name: "plain", plan: viewPlan(), golden: "plan.txt"},
		{name: "color", plan: viewPlan(), color: true, golden: "plan_color.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WritePlan(&b, tc.plan, tc.color); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if hasANSI := strings.Contains(got, "\x1b["); hasANSI != tc.color {
				t.Errorf("ANSI escapes present = %v, want %v", hasANSI, tc.color)
			}
			if tc.golden != "" {
				golden(t, tc.golden, got)
			} else if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, viewPlan()); err != nil {
		t.Fatal(err)
	}
	golden(t, "plan.json", b.String())

	// The JSON must carry what a CI job needs, decoded independently of the renderer's types.
	var got struct {
		Dialect string `json:"dialect"`
		Changes []struct {
			Kind        string        `json:"kind"`
			Op          string        `json:"op"`
			Description string        `json:"description"`
			Table       string        `json:"table"`
			Hazards     []diff.Hazard `json:"hazards"`
			Statements  []struct{ SQL string }
			Change      diff.Change `json:"change"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	stmts, err := SQL(viewPlan())
	if err != nil {
		t.Fatal(err)
	}
	if got.Dialect != "postgres" || len(got.Changes) != 4 {
		t.Fatalf("dialect %q with %d changes, want postgres with 4", got.Dialect, len(got.Changes))
	}
	var sqls []string
	for i, c := range got.Changes {
		want := viewPlan().Changes[i]
		if c.Description != Describe(schema.Postgres, want) || c.Op != Op(want) || c.Kind != string(want.Kind) {
			t.Errorf("change %d: %+v does not match %s", i, c, Describe(schema.Postgres, want))
		}
		if d := cmp.Diff(want.Hazards, c.Hazards, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("change %d hazards (-want +got):\n%s", i, d)
		}
		if d := cmp.Diff(want, &c.Change, cmpopts.IgnoreTypes(schema.Pos{})); d != "" {
			t.Errorf("change %d does not round-trip (-want +got):\n%s", i, d)
		}
		for _, s := range c.Statements {
			sqls = append(sqls, s.SQL)
		}
	}
	var wantSQL []string
	for _, s := range stmts {
		wantSQL = append(wantSQL, s.SQL)
	}
	if d := cmp.Diff(wantSQL, sqls); d != "" {
		t.Errorf("statements in JSON differ from SQL() (-want +got):\n%s", d)
	}
}
