package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// applySQL reads src and applies it to an empty database, returning the
// database and every finding (reader and conflicts).
func applySQL(d schema.Dialect, src string) (*schema.Database, []Finding) {
	p := readSQL("m.sql", src, 1, d)
	s := newState(d)
	fs := p.findings
	s.report = func(f Finding) { fs = append(fs, f) }
	for _, o := range p.ops {
		s.apply(o)
	}
	clearRenames(s.db) // as after each migration
	return s.db, fs
}

func ptr[T any](v T) *T { return &v }

func TestReadSQL(t *testing.T) {
	tests := []struct {
		name string
		d    schema.Dialect
		src  string
		want *schema.Table // the last table of the result
	}{
		{
			name: "postgres create table and index options",
			d:    schema.Postgres,
			src: `BEGIN;
CREATE TABLE IF NOT EXISTS "public"."users" (
  id bigint GENERATED ALWAYS AS IDENTITY,
  email varchar(255) NOT NULL DEFAULT 'x'::character varying,
  tags text[],
  total numeric(12,2) GENERATED ALWAYS AS (a * b) STORED,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_check CHECK (email <> '')
);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_lower_idx ON ONLY public.users USING gin ((lower(email)), id DESC NULLS LAST) INCLUDE (tags) WHERE email IS NOT NULL;
ALTER TABLE users ALTER COLUMN email TYPE text, ALTER COLUMN tags SET NOT NULL;
COMMENT ON COLUMN public.users.email IS 'login';
COMMIT;`,
			want: &schema.Table{Schema: "public", Name: "users", Columns: []*schema.Column{
				{Name: "id", Type: "bigint", Identity: &schema.Identity{Always: true}},
				{Name: "email", Type: "text", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "'x'::character varying"}, Comment: "login"},
				{Name: "tags", Type: "text[]"},
				{Name: "total", Type: "numeric(12,2)", Null: true, Computed: &schema.Computed{Expr: "a * b", Persisted: true}},
			},
				PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
				Checks:     []*schema.Check{{Name: "users_email_check", Expr: "email <> ''"}},
				Indexes: []*schema.Index{{Name: "users_lower_idx", Unique: true, Using: "gin", Include: []string{"tags"}, Where: "email IS NOT NULL",
					Parts: []schema.IndexPart{{Expr: "lower(email)"}, {Column: "id", Desc: true, Nulls: "last"}}}},
			},
		},
		{
			name: "sql server batches, clustering, filters, renames and descriptions",
			d:    schema.SQLServer,
			src: `CREATE TABLE [dbo].[users] (
  [id] uniqueidentifier NOT NULL CONSTRAINT [df_users_id] DEFAULT (newid()),
  [index_id] bigint IDENTITY(1, 1) NOT NULL,
  [mail] nvarchar(255) NULL,
  CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id])
);
GO
CREATE UNIQUE CLUSTERED INDEX [ix_users_index_id] ON [dbo].[users] ([index_id]);
GO
CREATE NONCLUSTERED INDEX [ix_users_mail] ON [dbo].[users] ([mail] DESC) INCLUDE ([id]) WHERE [mail] IS NOT NULL WITH (ONLINE = ON);
GO
EXEC sp_rename N'dbo.users.mail', N'email', N'COLUMN';
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_email] DEFAULT (N'') FOR [email];
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'People', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users';
GO`,
			want: &schema.Table{Schema: "dbo", Name: "users", Comment: "People", Columns: []*schema.Column{
				{Name: "id", Type: "uniqueidentifier", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "(newid())"}, DefaultName: "df_users_id"},
				{Name: "index_id", Type: "bigint", Identity: &schema.Identity{Seed: 1, Increment: 1}},
				{Name: "email", Type: "nvarchar(255)", Null: true, Default: &schema.Default{Kind: schema.DefaultExpr, Value: "(N'')"}, DefaultName: "df_users_email"},
			},
				PrimaryKey: &schema.PrimaryKey{Name: "pk_users", Columns: []string{"id"}, Clustered: ptr(false)},
				Indexes: []*schema.Index{
					{Name: "ix_users_index_id", Unique: true, Clustered: ptr(true), Parts: []schema.IndexPart{{Column: "index_id"}}},
					{Name: "ix_users_mail", Clustered: ptr(false), Include: []string{"id"}, Where: "email IS NOT NULL", Parts: []schema.IndexPart{{Column: "email", Desc: true}}},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, fs := applySQL(tt.d, tt.src)
			if len(fs) > 0 {
				t.Fatalf("unexpected findings: %+v", fs)
			}
			got := db.Tables[len(db.Tables)-1]
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreTypes(schema.Pos{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("table (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadSQLEnumsAndSchemas(t *testing.T) {
	db, fs := applySQL(schema.Postgres, `CREATE SCHEMA audit;
CREATE TYPE audit.role AS ENUM ('viewer', 'admin');
ALTER TYPE audit.role ADD VALUE 'editor' BEFORE 'admin';
ALTER TYPE audit.role ADD VALUE IF NOT EXISTS 'owner' AFTER 'admin';
ALTER TYPE audit.role RENAME VALUE 'viewer' TO 'reader';
CREATE TABLE audit.grants (r audit.role, rs role[]);
ALTER TYPE audit.role RENAME TO old_role;
ALTER TYPE audit.old_role OWNER TO admin;
DROP SCHEMA IF EXISTS scratch CASCADE;`)
	if len(fs) > 0 {
		t.Fatalf("unexpected findings: %+v", fs)
	}
	want := &schema.Database{Dialect: schema.Postgres, Schemas: []*schema.Schema{{Name: "audit"}},
		Enums: []*schema.Enum{{Schema: "audit", Name: "old_role", Values: []string{"reader", "editor", "admin", "owner"}}},
		Tables: []*schema.Table{{Schema: "audit", Name: "grants", Columns: []*schema.Column{
			{Name: "r", Type: "audit.old_role", Null: true}, {Name: "rs", Type: "audit.old_role[]", Null: true}}}}}
	if d := cmp.Diff(want, db, cmpopts.IgnoreTypes(schema.Pos{})); d != "" {
		t.Errorf("database (-want +got):\n%s", d)
	}
}

// TestConflicts: what the state reports while migrations apply.
func TestConflicts(t *testing.T) {
	tests := []struct {
		name     string
		d        schema.Dialect
		src      string
		code     string
		line     int
		contains string
	}{
		{"two clustered indexes", schema.SQLServer, "CREATE TABLE t (a int NOT NULL, b int NOT NULL)\nGO\nCREATE CLUSTERED INDEX ix_a ON t (a)\nGO\nCREATE CLUSTERED INDEX ix_b ON t (b)\nGO\n",
			CodeClusteredConflict, 5, "Msg 1902"},
		{"implicitly clustered primary key", schema.SQLServer, "CREATE TABLE t (a int NOT NULL PRIMARY KEY, b int NOT NULL);\nCREATE CLUSTERED INDEX ix_b ON t (b);\n",
			CodeClusteredConflict, 2, "primary key"},
		{"index twice", schema.Postgres, "CREATE TABLE t (a int);\nCREATE INDEX ix_a ON t (a);\n\nCREATE INDEX ix_a ON t (a);\n", CodeDuplicate, 4, "ix_a"},
		{"constraint twice", schema.Postgres, "CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 1);\n", CodeDuplicate, 3, "Constraint c"},
		{"drop a table never created", schema.Postgres, "DROP TABLE nope;", CodeDropMissing, 1, "nope"},
		{"drop an index never created", schema.SQLServer, "CREATE TABLE t (a int)\nGO\nDROP INDEX ix_x ON t\n", CodeDropMissing, 3, "ix_x"},
		{"drop a column never created", schema.Postgres, "CREATE TABLE t (a int);\nALTER TABLE t DROP COLUMN b;", CodeDropMissing, 2, "t.b"},
		{"unknown statement", schema.Postgres, "CREATE TABLE t (a int);\n\nDO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;", CodeUnparsed, 3, "cannot read"},
		{"unknown t-sql statement in a batch", schema.SQLServer, "CREATE TABLE t (a int)\nSET NOCOUNT ON\nALTER TABLE t SWITCH TO u\nCREATE INDEX ix_a ON t (a)\nGO\n", CodeUnparsed, 3, "SWITCH"},
		{"guarded drop still drops", schema.SQLServer, "IF OBJECT_ID(N'dbo.t', N'U') IS NOT NULL DROP TABLE dbo.t\nGO\nALTER TABLE dbo.t ADD a int\n", CodeDropMissing, 3, "dbo.t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := applySQL(tt.d, tt.src)
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(fs), fs)
			}
			f := fs[0]
			if f.Code != tt.code || f.Pos.Line != tt.line || !strings.Contains(f.Message, tt.contains) {
				t.Errorf("got %s at line %d: %s; want %s at line %d containing %q", f.Code, f.Pos.Line, f.Message, tt.code, tt.line, tt.contains)
			}
		})
	}
	// IF EXISTS / IF NOT EXISTS make absence and presence fine.
	if _, fs := applySQL(schema.Postgres, "DROP TABLE IF EXISTS nope; CREATE TABLE t (a int); CREATE TABLE IF NOT EXISTS t (a int);"); len(fs) != 0 {
		t.Errorf("IF [NOT] EXISTS must not conflict: %+v", fs)
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestHazards: the hazards of diff, found per migration, at the statement's line.
func TestHazards(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"001_init.up.sql":   "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n",
		"001_init.down.sql": "DROP TABLE users;\n",
		"002_more.up.sql":   "ALTER TABLE users ADD COLUMN age integer NOT NULL;\n\nCREATE INDEX users_email_idx ON users (email);\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\nALTER TABLE users DROP COLUMN name;\n",
		"002_more.down.sql": "ALTER TABLE users ADD COLUMN name text;\nDROP INDEX users_email_idx;\nALTER TABLE users DROP COLUMN age;\n",
	})
	rep := run(t, Options{Dialect: schema.Postgres, Dir: dir})
	up := filepath.Join(dir, "002_more.up.sql")
	want := []struct {
		code string
		line int
	}{{diff.HazardNotNullNoDefault, 1}, {diff.HazardBlockingIndex, 3}, {diff.HazardDropColumn, 5}}
	for _, w := range want {
		fs := find(rep, w.code, "")
		if len(fs) != 1 || fs[0].Pos.File != up || fs[0].Pos.Line != w.line {
			t.Errorf("%s: got %+v, want one at %s:%d", w.code, fs, up, w.line)
		}
	}
	// The CONCURRENTLY index has no blocking hazard; the first migration, on new tables, none at all.
	for _, f := range rep.Findings {
		if strings.Contains(f.Object, "users_name_idx") || strings.HasSuffix(f.Pos.File, "001_init.up.sql") {
			t.Errorf("unexpected finding %+v", f)
		}
	}
	// The down migration of 002 is complete (the name index went with its column).
	if fs := find(rep, CodeDownMismatch, ""); len(fs) != 0 {
		t.Errorf("unexpected down-mismatch: %+v", fs)
	}
	// --since: only findings of changed files remain.
	rep = run(t, Options{Dialect: schema.Postgres, Dir: dir, Since: []string{filepath.Join(dir, "001_init.up.sql")}})
	if len(rep.Findings) != 0 {
		t.Errorf("with --since naming only 001, the findings of 002 must go: %+v", rep.Findings)
	}
}

// TestReadRealWorldSQL: migrations as tools and people write them (pg_dump,
// SSMS "Script As" and change scripts, T-SQL without ';') read to the right
// state with no finding: statements on objects outside the model, owners,
// settings and guards are not "unparsed", and nothing is lost after them.
func TestReadRealWorldSQL(t *testing.T) {
	tests := []struct {
		name string
		d    schema.Dialect
		src  string
		want []*schema.Table
	}{
		{
			name: "pg_dump",
			d:    schema.Postgres,
			src: `SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';
CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.at = now(); RETURN NEW;
END;
$$;
ALTER FUNCTION public.touch() OWNER TO postgres;
CREATE TABLE public.users (
    id integer NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.users OWNER TO postgres;
CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    CACHE 1;
ALTER TABLE public.users_id_seq OWNER TO postgres;
ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;
ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
CREATE TRIGGER t BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE VIEW public.v AS
 SELECT users.id
   FROM public.users;
CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS one WITH NO DATA;
GRANT ALL ON TABLE public.users TO app;
ALTER TABLE public.users ADD CONSTRAINT users_id_check CHECK (id > 0) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_id_check;
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app;
CREATE POLICY p ON public.users USING (true);
DROP VIEW public.v;
`,
			want: []*schema.Table{{Schema: "public", Name: "users", Columns: []*schema.Column{
				{Name: "id", Type: "serial"}, // an integer column whose default is its sequence's nextval() is serial
				{Name: "at", Type: "timestamp with time zone", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "now()"}},
			},
				PrimaryKey:  &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
				Checks:      []*schema.Check{{Name: "users_id_check", Expr: "id > 0"}},
				RowSecurity: true, // ENABLE ROW LEVEL SECURITY is read (issue 12)
			}},
		},
		{
			name: "ssms script as create, with guards, unnamed default and check constraint",
			d:    schema.SQLServer,
			src: `USE [app]
GO
/****** Object:  Table [dbo].[users]    Script Date: 1/2/2024 10:00:00 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
IF NOT EXISTS (SELECT * FROM sys.objects WHERE object_id = OBJECT_ID(N'[dbo].[users]') AND type in (N'U'))
BEGIN
CREATE TABLE [dbo].[users](
	[id] [int] IDENTITY(1,1) NOT NULL,
	[active] [bit] NOT NULL,
 CONSTRAINT [PK_users] PRIMARY KEY CLUSTERED 
(
	[id] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
) ON [PRIMARY]
END
GO
ALTER TABLE [dbo].[users] ADD  DEFAULT ((1)) FOR [active]
GO
IF  EXISTS (SELECT * FROM sys.foreign_keys WHERE name = N'FK_x') ALTER TABLE [dbo].[users] DROP CONSTRAINT [FK_x]
GO
CREATE TABLE [dbo].[orders](
	[id] [int] NOT NULL,
	[user_id] [int] NOT NULL
) ON [PRIMARY]
GO
ALTER TABLE [dbo].[orders]  WITH CHECK ADD  CONSTRAINT [FK_orders_users] FOREIGN KEY([user_id])
REFERENCES [dbo].[users] ([id])
GO
ALTER TABLE [dbo].[orders] CHECK CONSTRAINT [FK_orders_users]
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Orders' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'orders'
GO
CREATE PROCEDURE dbo.p AS
BEGIN
  DROP TABLE dbo.nothing
END
GO
`,
			want: []*schema.Table{
				{Schema: "dbo", Name: "users", Columns: []*schema.Column{
					{Name: "id", Type: "int", Identity: &schema.Identity{Seed: 1, Increment: 1}},
					{Name: "active", Type: "bit", Default: &schema.Default{Kind: schema.DefaultExpr, Value: "((1))"}},
				},
					PrimaryKey: &schema.PrimaryKey{Name: "PK_users", Columns: []string{"id"}, Clustered: ptr(true)}},
				{Schema: "dbo", Name: "orders", Comment: "Orders", Columns: []*schema.Column{{Name: "id", Type: "int"}, {Name: "user_id", Type: "int"}},
					ForeignKeys: []*schema.ForeignKey{{Name: "FK_orders_users", Columns: []string{"user_id"}, RefSchema: "dbo", RefTable: "users", RefColumns: []string{"id"}}}},
			},
		},
		{
			name: "ssms change script: transactions and settings without ';'",
			d:    schema.SQLServer,
			src: `BEGIN TRANSACTION
SET QUOTED_IDENTIFIER ON
SET ARITHABORT ON
COMMIT
BEGIN TRANSACTION
GO
CREATE TABLE dbo.Table_1
	(
	id int NOT NULL
	)  ON [PRIMARY]
GO
ALTER TABLE dbo.Table_1 SET (LOCK_ESCALATION = TABLE)
GO
COMMIT
BEGIN TRANSACTION
ALTER TABLE dbo.Table_1 ADD
	a int NULL,
	b nvarchar(10) NOT NULL CONSTRAINT DF_Table_1_b DEFAULT N''
ALTER TABLE dbo.Table_1 DROP COLUMN a, b
ALTER TABLE dbo.Table_1 ADD c int NULL
COMMIT
`,
			want: []*schema.Table{{Schema: "dbo", Name: "Table_1", Columns: []*schema.Column{{Name: "id", Type: "int"}, {Name: "c", Type: "int", Null: true}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, fs := applySQL(tt.d, tt.src)
			if len(fs) > 0 {
				t.Errorf("unexpected findings: %+v", fs)
			}
			if d := cmp.Diff(tt.want, db.Tables, cmpopts.IgnoreTypes(schema.Pos{}), cmpopts.EquateEmpty()); d != "" {
				t.Errorf("tables (-want +got):\n%s", d)
			}
		})
	}
}

// TestReadRenames checks that the rename statements schemadiff writes for
// indexes and constraints that only change name are applied to the state,
// and that renaming something no migration created is a finding.
func TestReadRenames(t *testing.T) {
	names := func(tb *schema.Table) []string {
		var out []string
		if tb.PrimaryKey != nil {
			out = append(out, "pk "+tb.PrimaryKey.Name)
		}
		for _, u := range tb.Uniques {
			out = append(out, "uq "+u.Name)
		}
		for _, c := range tb.Checks {
			out = append(out, "ck "+c.Name)
		}
		for _, f := range tb.ForeignKeys {
			out = append(out, "fk "+f.Name)
		}
		for _, x := range tb.Indexes {
			out = append(out, "ix "+x.Name)
		}
		for _, c := range tb.Columns {
			if c.DefaultName != "" {
				out = append(out, "df "+c.DefaultName)
			}
		}
		return out
	}
	tests := []struct {
		name     string
		d        schema.Dialect
		src      string
		want     []string // the names of the last table's objects
		table    string   // the last table's name, when it matters
		findings int
	}{{
		name: "postgres: table renamed, its objects follow",
		d:    schema.Postgres,
		src: `CREATE TABLE public.teams (id integer PRIMARY KEY);
CREATE TABLE public.accounts (id integer, team_id integer, email text,
  CONSTRAINT accounts_pkey PRIMARY KEY (id), CONSTRAINT accounts_email_key UNIQUE (email),
  CONSTRAINT accounts_email_check CHECK (length(email) > 3),
  CONSTRAINT accounts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams (id));
CREATE INDEX accounts_email_idx ON public.accounts (email);
ALTER TABLE "public"."accounts" RENAME TO "users";
ALTER TABLE "public"."users" RENAME CONSTRAINT "accounts_pkey" TO "users_pkey";
ALTER TABLE "public"."users" RENAME CONSTRAINT "accounts_email_key" TO "users_email_key";
ALTER TABLE "public"."users" RENAME CONSTRAINT "accounts_email_check" TO "users_email_check";
ALTER TABLE "public"."users" RENAME CONSTRAINT "accounts_team_id_fkey" TO "users_team_id_fkey";
ALTER INDEX "public"."accounts_email_idx" RENAME TO "users_email_idx";`,
		want: []string{"pk users_pkey", "uq users_email_key", "ck users_email_check", "fk users_team_id_fkey", "ix users_email_idx"},
	}, {
		name: "postgres: ALTER INDEX on a primary key's index renames the key",
		d:    schema.Postgres,
		src: `CREATE TABLE public.t (id integer, CONSTRAINT t_pkey PRIMARY KEY (id));
ALTER INDEX public.t_pkey RENAME TO t_id_pkey;`,
		want: []string{"pk t_id_pkey"},
	}, {
		name: "postgres: renaming a missing constraint is a finding",
		d:    schema.Postgres,
		src: `CREATE TABLE public.t (id integer);
ALTER TABLE public.t RENAME CONSTRAINT t_pkey TO t_id_pkey;`,
		findings: 1,
	}, {
		name: "sql server: sp_rename OBJECT of constraints and a default, INDEX of an index",
		d:    schema.SQLServer,
		src: `CREATE TABLE [dbo].[users] ([id] int NOT NULL, [status] nvarchar(20) NOT NULL,
  CONSTRAINT [pk_accounts] PRIMARY KEY ([id]), CONSTRAINT [ck_accounts_status] CHECK ([status] <> ''));
GO
ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_accounts_status] DEFAULT N'active' FOR [status];
GO
CREATE INDEX [ix_accounts_status] ON [dbo].[users] ([status]);
GO
EXEC sp_rename N'[dbo].[pk_accounts]', N'pk_users', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[ck_accounts_status]', N'ck_users_status', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[df_accounts_status]', N'df_users_status', N'OBJECT';
GO
EXEC sp_rename N'[dbo].[users].[ix_accounts_status]', N'ix_users_status', N'INDEX';
GO`,
		want: []string{"pk pk_users", "ck ck_users_status", "ix ix_users_status", "df df_users_status"},
	}, {
		name: "sql server: sp_rename OBJECT of a table still renames the table",
		d:    schema.SQLServer,
		src: `CREATE TABLE [dbo].[accounts] ([id] int NOT NULL);
GO
EXEC sp_rename N'[dbo].[accounts]', N'users';
GO`,
		table: "users",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db, fs := applySQL(tc.d, tc.src)
			if len(fs) != tc.findings {
				t.Fatalf("%d findings, want %d: %v", len(fs), tc.findings, fs)
			}
			if tc.findings > 0 {
				return
			}
			last := db.Tables[len(db.Tables)-1]
			if tc.table != "" && last.Name != tc.table {
				t.Errorf("table %s, want %s", last.QName(), tc.table)
			}
			if d := cmp.Diff(tc.want, names(last), cmpopts.EquateEmpty()); d != "" {
				t.Errorf("objects (-want +got):\n%s", d)
			}
		})
	}
}

func TestEscapeString(t *testing.T) {
	tests := []struct{ src, want string }{
		{`E'Tab\there \\ back'`, "Tab\there \\ back"},
		{`E'it\'s and it''s'`, "it's and it's"},
		{`e'\101\x42\u0043\U00000044\q'`, "ABCDq"},
		{`'no \\ escapes'`, `no \\ escapes`},
	}
	for _, tt := range tests {
		toks := lexSQL(tt.src, 1, false)
		if len(toks) != 1 || toks[0].kind != tkString || toks[0].text != tt.want {
			t.Errorf("%s: got %+v, want one string %q", tt.src, toks, tt.want)
		}
	}
}

// TestDropTableRemovesItsTable drops tables after other statements made the
// state hold them in every order: the drop removes its table only (looked
// for from the end), or, once a rename made two tables share a name, every
// table of that name, as before (state.dups).
func TestDropTableRemovesItsTable(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the tables left, in order
	}{
		{"last created", `CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE c (id int); DROP TABLE c;`, []string{"a", "b"}},
		{"first created", `CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE c (id int); DROP TABLE a;`, []string{"b", "c"}},
		{"in reverse", `CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE c (id int); DROP TABLE c; DROP TABLE b; DROP TABLE a;`, nil},
		{"created again", `CREATE TABLE a (id int); CREATE TABLE b (id int); DROP TABLE a; CREATE TABLE a (x int); DROP TABLE b;`, []string{"a"}},
		{"renamed onto a taken name", `CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE c (id int); ALTER TABLE a RENAME TO b; DROP TABLE b;`, []string{"c"}},
		{"missing", `CREATE TABLE a (id int); DROP TABLE IF EXISTS z;`, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := applySQL(schema.Postgres, tt.src)
			var got []string
			for _, tb := range db.Tables {
				got = append(got, tb.Name)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("tables left (-want +got):\n%s", d)
			}
		})
	}
}
