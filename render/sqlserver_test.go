package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// msGoLine matches a GO batch separator line, as sqlcmd reads it.
var msGoLine = regexp.MustCompile(`(?m)^GO\n`)

func TestSQLServerGolden(t *testing.T) {
	for _, tc := range msGoldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			got := readable(t, tc.plan)
			if again := readable(t, tc.plan); again != got {
				t.Fatalf("rendering is not deterministic")
			}
			golden(t, filepath.Join("sqlserver", tc.name+".sql"), got)
		})
	}
}

// TestSQLServerEveryKind makes sure the golden cases render every Kind that
// exists on SQL Server, and that every statement is a batch of its own.
func TestSQLServerEveryKind(t *testing.T) {
	seen := map[diff.Kind]int{}
	for _, tc := range msGoldenCases() {
		stmts, err := SQL(tc.plan)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, s := range stmts {
			seen[s.Change.Kind]++
			if s.Dialect != schema.SQLServer || s.NoTransaction {
				t.Errorf("%s: statement %q has dialect %q, no-transaction %v", tc.name, s.SQL, s.Dialect, s.NoTransaction)
			}
		}
		script := Script(stmts)
		if n := len(msGoLine.FindAllString(script, -1)); n != len(stmts)+1 {
			t.Errorf("%s: %d GO lines for %d statements and the session settings", tc.name, n, len(stmts))
		}
		if !strings.HasPrefix(script, msSettings) {
			t.Errorf("%s: the script does not start with the session settings:\n%s", tc.name, script)
		}
	}
	for _, k := range []diff.Kind{
		diff.CreateSchema, diff.DropSchema, diff.CommentSchema, diff.CreateTable, diff.DropTable, diff.RenameTable,
		diff.CommentTable, diff.AddColumn, diff.DropColumn, diff.RenameColumn, diff.AlterColumn, diff.CommentColumn,
		diff.AddPrimaryKey, diff.DropPrimaryKey, diff.AddUnique, diff.DropUnique, diff.AddCheck, diff.DropCheck,
		diff.AddForeignKey, diff.DropForeignKey, diff.CreateIndex, diff.DropIndex, diff.RenameIndex, diff.RenameConstraint,
		diff.RenameDefault, diff.CreateView, diff.DropView, diff.ReplaceView, diff.CreateFunction, diff.DropFunction,
		diff.ReplaceFunction, diff.CreateTrigger, diff.DropTrigger, diff.ReplaceTrigger, diff.CreateSequence,
		diff.DropSequence, diff.AlterSequence,
	} {
		if seen[k] == 0 {
			t.Errorf("no SQL Server golden case renders a statement for %s", k)
		}
	}
}

// TestSQLServerStatements pins the statements that matter most to SQL Server
// users, one change at a time.
func TestSQLServerStatements(t *testing.T) {
	users := msUsersTable()
	tests := []struct {
		name   string
		change *diff.Change
		want   []string
	}{
		{"nonclustered primary key said explicitly",
			&diff.Change{Kind: diff.AddPrimaryKey, Table: msUsers, PrimaryKey: users.PrimaryKey},
			[]string{"ALTER TABLE [dbo].[users] ADD CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id])"}},
		{"unsaid primary key is clustered and named by convention",
			&diff.Change{Kind: diff.AddPrimaryKey, Table: msUsers, PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}},
			[]string{"ALTER TABLE [dbo].[users] ADD CONSTRAINT [pk_users] PRIMARY KEY CLUSTERED ([id])"}},
		{"unsaid index is nonclustered",
			&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{Name: "ix", Parts: msKeys("a")}},
			[]string{"CREATE NONCLUSTERED INDEX [ix] ON [dbo].[users] ([a])"}},
		{"filtered unique index with include and desc",
			&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{Name: "ix", Unique: true, Clustered: msBoolPtr(false),
				Parts: []schema.IndexPart{{Column: "a"}, {Column: "b", Desc: true}}, Include: []string{"c"}, Where: "is_deleted = 0"}},
			[]string{"CREATE UNIQUE NONCLUSTERED INDEX [ix] ON [dbo].[users] ([a], [b] DESC) INCLUDE ([c]) WHERE is_deleted = 0"}},
		{"column added with its named default",
			&diff.Change{Kind: diff.AddColumn, Table: msUsers, Column: users.Column("is_verified")},
			[]string{"ALTER TABLE [dbo].[users] ADD [is_verified] bit NOT NULL CONSTRAINT [df_users_is_verified] DEFAULT (1)"}},
		{"unnamed default named by convention",
			&diff.Change{Kind: diff.AddColumn, Table: msUsers, Column: users.Column("created_at")},
			[]string{"ALTER TABLE [dbo].[users] ADD [created_at] datetime2 NOT NULL CONSTRAINT [df_users_created_at] DEFAULT (GETDATE())"}},
		{"column dropped after its default",
			&diff.Change{Kind: diff.DropColumn, Table: msUsers, Column: users.Column("status")},
			[]string{"ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_status]", "ALTER TABLE [dbo].[users] DROP COLUMN [status]"}},
		{"column without default dropped alone",
			&diff.Change{Kind: diff.DropColumn, Table: msUsers, Column: users.Column("bio")},
			[]string{"ALTER TABLE [dbo].[users] DROP COLUMN [bio]"}},
		{"type change keeps nullability and restores the default",
			alter(msUsers, users.Column("status"), &schema.Column{Name: "status", Type: "nvarchar(max)", Default: str("active")}, diff.ColumnAlter{Type: true}),
			[]string{
				"ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_status]",
				"ALTER TABLE [dbo].[users] ALTER COLUMN [status] nvarchar(max) NOT NULL",
				"ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_status] DEFAULT (N'active') FOR [status]",
			}},
		{"nullability change leaves the default alone",
			alter(msUsers, users.Column("status"), &schema.Column{Name: "status", Type: "nvarchar(20)", Null: true, Default: str("active"),
				DefaultName: "df_users_status"}, diff.ColumnAlter{Null: true}),
			[]string{"ALTER TABLE [dbo].[users] ALTER COLUMN [status] nvarchar(20) NULL"}},
		{"default added",
			alter(msUsers, users.Column("bio"), &schema.Column{Name: "bio", Type: "nvarchar(max)", Null: true, Default: str("")}, diff.ColumnAlter{Default: true}),
			[]string{"ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_bio] DEFAULT (N'') FOR [bio]"}},
		{"default dropped",
			alter(msUsers, users.Column("login_count"), &schema.Column{Name: "login_count", Type: "int"}, diff.ColumnAlter{Default: true}),
			[]string{"ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_login_count]"}},
		{"table moved and renamed",
			&diff.Change{Kind: diff.RenameTable, OldName: qn("dbo", "old"), Table: qn("sales", "new")},
			[]string{"ALTER SCHEMA [sales] TRANSFER [dbo].[old]", "EXEC sp_rename N'[sales].[old]', N'new'"}},
		{"table moved only",
			&diff.Change{Kind: diff.RenameTable, OldName: qn("dbo", "t"), Table: qn("sales", "t")},
			[]string{"ALTER SCHEMA [sales] TRANSFER [dbo].[t]"}},
		{"column renamed",
			&diff.Change{Kind: diff.RenameColumn, Table: msUsers, OldColumn: &schema.Column{Name: "a]b"}, Column: &schema.Column{Name: "it's"}},
			[]string{"EXEC sp_rename N'[dbo].[users].[a]]b]', N'it''s', N'COLUMN'"}},
		{"empty schema is dbo",
			&diff.Change{Kind: diff.DropIndex, Table: qn("", "t"), Index: &schema.Index{Name: "ix"}},
			[]string{"DROP INDEX [ix] ON [dbo].[t]"}},
		{"comment added to a column",
			&diff.Change{Kind: diff.CommentColumn, Table: msUsers, Column: &schema.Column{Name: "email"}, Comment: "it's"},
			[]string{"EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'it''s', @level0type = N'SCHEMA', @level0name = N'dbo', " +
				"@level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email'"}},
		{"comment updated on a table",
			&diff.Change{Kind: diff.CommentTable, Table: msUsers, Comment: "new", OldComment: "old"},
			[]string{"EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'new', @level0type = N'SCHEMA', @level0name = N'dbo', " +
				"@level1type = N'TABLE', @level1name = N'users'"}},
		{"comment dropped from a schema",
			&diff.Change{Kind: diff.CommentSchema, Schema: &schema.Schema{Name: "sales"}, OldComment: "old"},
			[]string{"EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'sales'"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := SQL(ms(tc.change))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stmts {
				got = append(got, s.SQL)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestSQLServerErrors checks that what SQL Server cannot do, or what cannot
// be rendered safely, is refused with an error that says why.
func TestSQLServerErrors(t *testing.T) {
	col := func(c *schema.Column) *diff.Plan {
		return ms(&diff.Change{Kind: diff.AddColumn, Table: msUsers, Column: c})
	}
	fk := func(f schema.ForeignKey) *diff.Plan {
		f.Name, f.Columns, f.RefSchema, f.RefTable, f.RefColumns = "fk_users_tenant", []string{"tenant_id"}, "dbo", "tenants", []string{"id"}
		return ms(&diff.Change{Kind: diff.AddForeignKey, Table: msUsers, ForeignKey: &f})
	}
	index := func(ix schema.Index) *diff.Plan {
		ix.Name = "ix"
		return ms(&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &ix})
	}
	identity := &schema.Identity{Seed: 1, Increment: 1}
	tests := []struct {
		name string
		plan *diff.Plan
		want string
	}{
		{"enum", ms(&diff.Change{Kind: diff.CreateEnum, Enum: &schema.Enum{Schema: "dbo", Name: "role", Values: []string{"a"}}}),
			"SQL Server has no enum types"},
		{"enum value", ms(&diff.Change{Kind: diff.AddEnumValue, Enum: &schema.Enum{Schema: "dbo", Name: "role"}, Value: "b"}),
			"SQL Server has no enum types"},
		{"identity added", ms(alter(msUsers, &schema.Column{Name: "n", Type: "int"}, &schema.Column{Name: "n", Type: "int", Identity: identity},
			diff.ColumnAlter{Identity: true})), "cannot add, remove or change IDENTITY on existing column dbo.users.n"},
		{"identity removed", ms(alter(msUsers, &schema.Column{Name: "n", Type: "int", Identity: identity}, &schema.Column{Name: "n", Type: "int"},
			diff.ColumnAlter{Identity: true})), "must be dropped and added again"},
		{"restrict", fk(schema.ForeignKey{OnDelete: "RESTRICT"}), "foreign key fk_users_tenant: ON DELETE RESTRICT does not exist on SQL Server"},
		{"restrict on update", fk(schema.ForeignKey{OnUpdate: "restrict"}), "ON UPDATE RESTRICT does not exist"},
		{"deferrable", fk(schema.ForeignKey{Deferrable: true}), "SQL Server has no deferrable constraints"},
		{"bad fk action", fk(schema.ForeignKey{OnDelete: "CASCADE; DROP TABLE y"}), "unknown referential action"},
		{"type with quote", col(&schema.Column{Name: "a", Type: "nvarchar(10)'"}), "invalid type"},
		{"type with bracket", col(&schema.Column{Name: "a", Type: "[int]"}), "invalid type"},
		{"type with semicolon", col(&schema.Column{Name: "a", Type: "int; DROP TABLE y"}), "invalid type"},
		{"type with words", col(&schema.Column{Name: "a", Type: "int NULL DROP TABLE y"}), "invalid type"},
		{"type closing early", col(&schema.Column{Name: "a", Type: "decimal(18) x"}), "invalid type"},
		{"type with bad argument", col(&schema.Column{Name: "a", Type: "nvarchar(1 OR 1)"}), "invalid type"},
		{"empty type", col(&schema.Column{Name: "a"}), "empty type"},
		{"bad collation", col(&schema.Column{Name: "a", Type: "nvarchar(10)", Collation: "Latin1; DROP TABLE y"}), "invalid collation"},
		{"bad number", col(&schema.Column{Name: "a", Type: "int", Default: num("1); DROP TABLE y")}), "invalid numeric default"},
		{"bad bool", col(&schema.Column{Name: "a", Type: "bit", Default: boolean("yes")}), "invalid boolean default"},
		{"computed with default", col(&schema.Column{Name: "a", Computed: &schema.Computed{Expr: "1"}, Default: num("1")}),
			"a computed column cannot have a default"},
		{"clustered index with include", index(schema.Index{Clustered: msBoolPtr(true), Parts: msKeys("a"), Include: []string{"b"}}),
			"a clustered index can have neither INCLUDE columns nor a filter"},
		{"clustered filtered index", index(schema.Index{Clustered: msBoolPtr(true), Parts: msKeys("a"), Where: "a = 0"}),
			"a clustered index can have neither"},
		{"filter with OR of two columns", index(schema.Index{Parts: msKeys("a"), Where: "a = 0 OR b = 0"}), "OR is not allowed"},
		{"filter with OR of a comparison", index(schema.Index{Parts: msKeys("a"), Where: "([a]=(1) OR [a]>(2))"}), "OR is not allowed"},
		{"filter with a function", index(schema.Index{Parts: msKeys("a"), Where: "deleted_at < GETDATE()"}), "function call GETDATE(…) is not allowed"},
		{"filter with a quoted function", index(schema.Index{Parts: msKeys("a"), Where: "[dbo].[f](a) = 1"}), "function call f(…)"},
		{"filter with NOT IN", index(schema.Index{Parts: msKeys("a"), Where: "a NOT IN (1, 2)"}), "NOT is allowed only in IS NOT NULL"},
		{"filter with LIKE", index(schema.Index{Parts: msKeys("a"), Where: "name LIKE N'a%'"}), "LIKE is not allowed"},
		{"filter with BETWEEN", index(schema.Index{Parts: msKeys("a"), Where: "a BETWEEN 1 AND 2"}), "BETWEEN is not allowed"},
		{"filter with arithmetic", index(schema.Index{Parts: msKeys("a"), Where: "a * 2 > 1"}), `'*' is not allowed`},
		{"filter with a statement", index(schema.Index{Parts: msKeys("a"), Where: "a = 1; DROP TABLE y"}), `';' is not allowed`},
		{"filter with an open quote", index(schema.Index{Parts: msKeys("a"), Where: "a = 'x"}), "unterminated quote"},
		{"expression key", index(schema.Index{Parts: []schema.IndexPart{{Expr: "lower(a)"}}}), "SQL Server index keys are columns"},
		{"nulls order", index(schema.Index{Parts: []schema.IndexPart{{Column: "a", Nulls: "first"}}}), "no expression or nulls order"},
		{"index method", index(schema.Index{Parts: msKeys("a"), Using: "gin"}), `SQL Server has no index method "gin"`},
		{"drop unnamed constraint", ms(&diff.Change{Kind: diff.DropCheck, Table: msUsers, Check: &schema.Check{Expr: "a > 0"}}), "no constraint name"},
		{"table without columns", ms(&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{Schema: "dbo", Name: "t"}}), "has no columns"},
		{"nil change", ms(nil), "change 1 is nil"},
		{"unknown kind", ms(&diff.Change{Kind: "teleport_table", Table: msUsers}), `unknown change kind "teleport_table"`},
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

// TestSQLServerFilters checks that the filters SQL Server takes, as written
// and as sys.indexes.filter_definition stores them, are rendered as they are.
func TestSQLServerFilters(t *testing.T) {
	for _, where := range []string{
		"is_deleted = 0",
		"([is_deleted]=(0))",
		"is_deleted = 0 AND status <> 'invited'",
		"([is_deleted]=(0) AND [status]<>N'invited')",
		"account_id IS NOT NULL",
		"([account_id] IS NOT NULL)",
		"deleted_at IS NULL AND tenant_id >= -1",
		"status IN ('active', 'invited')",
		"([status]='active' OR [status]='invited')",
		"([status]=N'a' OR [Status]=N'b' OR [status]=N'c') AND [x]!<(1.5)",
		"[a]]b] = N'it''s (not) OR LIKE'",
		"created_at > '2024-01-01'",
	} {
		t.Run(where, func(t *testing.T) {
			ix := &schema.Index{Name: "ix", Parts: msKeys("a"), Where: where}
			stmts, err := SQL(ms(&diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: ix}))
			if err != nil {
				t.Fatal(err)
			}
			if want := "CREATE NONCLUSTERED INDEX [ix] ON [dbo].[users] ([a]) WHERE " + where; stmts[0].SQL != want {
				t.Errorf("got %s, want %s", stmts[0].SQL, want)
			}
		})
	}
}

func TestSQLServerQuoting(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"plain identifier", msIdent("users"), "[users]"},
		{"identifier with bracket", msIdent("a]b"), "[a]]b]"},
		{"injection in identifier", msIdent(msHostile), "[x'; DROP TABLE y;--]"},
		{"qualified", msQName(qn("dbo", "[t]")), "[dbo].[[t]]]"},
		{"literal", msLiteral("it's"), "N'it''s'"},
		{"literal of an injection", msLiteral(msHostile), "N'x''; DROP TABLE y;--'"},
		{"unicode literal", msLiteral("Zürich ✓"), "N'Zürich ✓'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %s, want %s", tc.got, tc.want)
			}
		})
	}
}

func TestSQLServerTypes(t *testing.T) {
	for _, typ := range []string{"int", "nvarchar(255)", "nvarchar(max)", "NVARCHAR(MAX)", "decimal(18,4)", "decimal(18, 4)",
		"datetime2", "datetime2(3)", "bit", "uniqueidentifier", "varbinary(max)", "dbo.phone_number"} {
		if got, err := msType(typ); err != nil || got != typ {
			t.Errorf("msType(%q) = %q, %v; want it unchanged", typ, got, err)
		}
	}
}

// msSettings opens every T-SQL script with batch separators.
const msSettings = "SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nGO\n\n"

func TestScriptWith(t *testing.T) {
	schemaChange := &diff.Change{Kind: diff.CreateSchema, Schema: &schema.Schema{Name: "it's"}}
	table := &diff.Change{Kind: diff.AddColumn, Table: msUsers}
	other := &diff.Change{Kind: diff.AddColumn, Table: qn("dbo", "other")}
	msStmts := []Statement{
		{SQL: "CREATE SCHEMA [it's]", Change: schemaChange, Dialect: schema.SQLServer},
		{SQL: "A", Change: table, Dialect: schema.SQLServer},
		{SQL: "B", Change: table, Dialect: schema.SQLServer},
		{SQL: "C", Change: other, Dialect: schema.SQLServer},
	}
	filtered := &diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{Name: "ix", Where: "b = 'x'"}}
	plain := &diff.Change{Kind: diff.CreateIndex, Table: msUsers, Index: &schema.Index{Name: "ix2"}}
	indexStmts := []Statement{
		{SQL: "ALTER TABLE [dbo].[users] ADD [b] nvarchar(1) NULL", Change: table, Dialect: schema.SQLServer},
		{SQL: "CREATE NONCLUSTERED INDEX [ix] ON [dbo].[users] ([a]) WHERE b = 'x'", Change: filtered, Dialect: schema.SQLServer},
		{SQL: "CREATE NONCLUSTERED INDEX [ix2] ON [dbo].[users] ([b])", Change: plain, Dialect: schema.SQLServer},
	}
	pgStmts := []Statement{{SQL: "CREATE SCHEMA x", Change: schemaChange}, {SQL: "A", Change: table}}
	const oneBatch = "SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\n\n"
	tests := []struct {
		name  string
		stmts []Statement
		opts  ScriptOptions
		want  string
	}{
		{"sql server batches", msStmts, ScriptOptions{}, msSettings + "CREATE SCHEMA [it's];\nGO\n\nA;\nGO\nB;\nGO\n\nC;\nGO\n"},
		{"sql server in one batch", msStmts, ScriptOptions{NoBatchSeparator: true},
			oneBatch + "EXEC(N'CREATE SCHEMA [it''s]');\n\nA;\nB;\n\nC;\n"},
		{"filtered index in one batch runs in a batch of its own", indexStmts, ScriptOptions{NoBatchSeparator: true},
			oneBatch + "ALTER TABLE [dbo].[users] ADD [b] nvarchar(1) NULL;\n" +
				"EXEC(N'CREATE NONCLUSTERED INDEX [ix] ON [dbo].[users] ([a]) WHERE b = ''x''');\n" +
				"CREATE NONCLUSTERED INDEX [ix2] ON [dbo].[users] ([b]);\n"},
		{"filtered index with batch separators", indexStmts[1:2], ScriptOptions{},
			msSettings + "CREATE NONCLUSTERED INDEX [ix] ON [dbo].[users] ([a]) WHERE b = 'x';\nGO\n"},
		{"postgres has no batches", pgStmts, ScriptOptions{}, "CREATE SCHEMA x;\n\nA;\n"},
		{"postgres unchanged by the option", pgStmts, ScriptOptions{NoBatchSeparator: true}, "CREATE SCHEMA x;\n\nA;\n"},
		{"none", nil, ScriptOptions{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ScriptWith(tc.stmts, tc.opts); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.opts == (ScriptOptions{}) {
				if got := Script(tc.stmts); got != tc.want {
					t.Errorf("Script differs from ScriptWith with no options: %q", got)
				}
			}
		})
	}
}

// loadSQLServer loads and normalizes a schema file of testdata/examples/sqlserver.
func loadSQLServer(t *testing.T, name string) *schema.Database {
	t.Helper()
	db, err := schema.Load(schema.LoadOptions{}, filepath.Join("..", "testdata", "examples", "sqlserver", name))
	if err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	n, err := schema.Normalize(db)
	if err != nil {
		t.Fatalf("normalizing %s: %v", name, err)
	}
	return n
}

// TestSQLServerSeedUsers renders the migration that creates seed 002's
// tables in an empty database, from the HCL and from the YAML file: both give
// one script, which holds every index, constraint and default of the schema once.
func TestSQLServerSeedUsers(t *testing.T) {
	empty := loadSQLServer(t, "empty.hcl")
	var scripts []string
	for _, file := range []string{"users.hcl", "users.yaml"} {
		desired := loadSQLServer(t, file)
		plan, err := diff.Compare(empty, desired, diff.Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		stmts, err := SQL(plan)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		script := Script(stmts)
		scripts = append(scripts, script)
		for _, tbl := range desired.Tables {
			names := []string{tbl.PrimaryKey.Name}
			for _, ix := range tbl.Indexes {
				names = append(names, ix.Name)
			}
			for _, fk := range tbl.ForeignKeys {
				names = append(names, fk.Name)
			}
			for _, ck := range tbl.Checks {
				names = append(names, ck.Name)
			}
			for _, c := range tbl.Columns {
				if c.Default != nil {
					names = append(names, c.DefaultName)
				}
			}
			for _, n := range names {
				if got := strings.Count(script, msIdent(n)+" "); got != 1 {
					t.Errorf("%s: %s appears %d times in the script, want once", file, msIdent(n), got)
				}
			}
		}
	}
	if scripts[0] != scripts[1] {
		t.Errorf("users.hcl and users.yaml give different scripts:\n%s\n---\n%s", scripts[0], scripts[1])
	}
	// The script itself is a golden file of the SQL Server change pairs:
	// testdata/sqlserver/changes/001_seed_users/up.sql.
}

// TestSQLServerJSON checks that the JSON view of a SQL Server plan carries
// each change's T-SQL statements.
func TestSQLServerJSON(t *testing.T) {
	plan := msGoldenCases()[1].plan
	var b bytes.Buffer
	if err := WriteJSON(&b, plan); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Dialect string `json:"dialect"`
		Changes []struct {
			Statements []struct{ SQL string } `json:"statements"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	stmts, err := SQL(plan)
	if err != nil {
		t.Fatal(err)
	}
	var want, sqls []string
	for _, s := range stmts {
		want = append(want, s.SQL)
	}
	for _, c := range got.Changes {
		for _, s := range c.Statements {
			sqls = append(sqls, s.SQL)
		}
	}
	if got.Dialect != "sqlserver" || len(got.Changes) != len(plan.Changes) {
		t.Fatalf("dialect %q with %d changes, want sqlserver with %d", got.Dialect, len(got.Changes), len(plan.Changes))
	}
	if d := cmp.Diff(want, sqls); d != "" {
		t.Errorf("statements in JSON differ from SQL() (-want +got):\n%s", d)
	}
}
