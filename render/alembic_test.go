package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/alembic"
	"github.com/schemadiff/schemadiff/internal/alembic/alembictest"
	"github.com/schemadiff/schemadiff/schema"
)

// testRev is the revision the golden files are rendered with.
func testRev(id, down string) AlembicRevision {
	return AlembicRevision{ID: id, DownRevision: down, Message: "test " + id,
		Created: time.Date(2025, 1, 20, 10, 0, 0, 0, time.UTC)}
}

// seed002Plans loads seed 002's SQL Server schema and returns the plans that
// create it from nothing and drop it again.
func seed002Plans(t *testing.T) (up, down *diff.Plan) {
	t.Helper()
	db, err := schema.Load(schema.LoadOptions{}, "../testdata/examples/sqlserver/users.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if db, err = schema.Normalize(db); err != nil {
		t.Fatal(err)
	}
	empty := &schema.Database{Dialect: schema.SQLServer}
	if up, err = diff.Compare(empty, db, diff.Options{}); err != nil {
		t.Fatal(err)
	}
	if down, err = diff.Down(empty, db, diff.Options{}); err != nil {
		t.Fatal(err)
	}
	return up, down
}

// alembicCase is one revision file kept in testdata/alembic/<name>.py.
type alembicCase struct {
	name     string
	up, down *diff.Plan
}

// alembicCases are the PostgreSQL golden plans (which use every Kind and
// option), the SQL Server ones, and seed 002 from nothing, up and down.
func alembicCases(t *testing.T) []alembicCase {
	var cases []alembicCase
	for _, tc := range goldenCases() {
		cases = append(cases, alembicCase{"postgres_" + tc.name, tc.plan, nil})
	}
	for _, tc := range msGoldenCases() {
		cases = append(cases, alembicCase{"sqlserver_" + tc.name, tc.plan, nil})
	}
	up, down := seed002Plans(t)
	return append(cases, alembicCase{"sqlserver_seed002_users", up, down})
}

func TestAlembicGolden(t *testing.T) {
	var files []string
	for i, tc := range alembicCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Alembic(tc.up, tc.down, testRev(tc.name, map[bool]string{true: "", false: "parent"}[i == 0]))
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Alembic(tc.up, tc.down, testRev(tc.name, map[bool]string{true: "", false: "parent"}[i == 0]))
			if string(again) != string(got) {
				t.Error("two renderings of one plan differ")
			}
			golden(t, filepath.Join("alembic", tc.name+".py"), string(got))
			files = append(files, filepath.Join("testdata", "alembic", tc.name+".py"))
		})
	}
	t.Run("valid Python", func(t *testing.T) {
		python := alembictest.Python(t)
		script := "import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f, encoding='utf-8').read(), f)\n"
		if out, err := exec.Command(python, append([]string{"-c", script}, files...)...).CombinedOutput(); err != nil {
			t.Fatalf("the revision files do not parse: %v\n%s", err, out)
		}
	})
}

// TestAlembicSeed002Options checks that seed 002's revision carries every
// option Alembic's autogenerate misses there.
func TestAlembicSeed002Options(t *testing.T) {
	up, down := seed002Plans(t)
	got, err := Alembic(up, down, testRev("abc", "def"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(got)
	for _, want := range []string{
		"from sqlalchemy.dialects import mssql\n",
		"sa.PrimaryKeyConstraint('id', name='pk_users', mssql_clustered=False)",
		"op.create_index('ix_users_index_id', 'users', ['index_id'], unique=True, schema='dbo', mssql_clustered=True)",
		"op.create_index('ix_users_tenant_email', 'users', ['tenant_id', 'email'], unique=True, schema='dbo', mssql_clustered=False, mssql_where=sa.text('is_deleted = 0'))",
		"mssql_include=['email'], mssql_where=sa.text('is_deleted = 0')",
		"sa.Column('index_id', sa.BigInteger(), sa.Identity(start=1, increment=1), nullable=False)",
		"sa.Column('id', mssql.UNIQUEIDENTIFIER(), nullable=False, server_default=sa.text('NEWID()'))",
		"sa.Column('status', mssql.NVARCHAR(20), nullable=False, server_default=sa.text(\"N'active'\"))",
		"sa.CheckConstraint(\"status IN ('active', 'invited', 'suspended', 'pending_verification')\", name='ck_users_status')",
		"op.create_foreign_key('fk_users_tenant', 'users', 'tenants', ['tenant_id'], ['id'], source_schema='dbo', referent_schema='dbo')",
		"op.drop_table('users', schema='dbo')",
		"revision = 'abc'\ndown_revision = 'def'\n",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("the revision lacks %s", want)
		}
	}
	if strings.Contains(src, "autoincrement=True") || strings.Contains(src, "postgresql") {
		t.Error("the revision uses autoincrement=True or PostgreSQL options")
	}
}

// TestAlembicHeader reads rendered files back with internal/alembic.
func TestAlembicHeader(t *testing.T) {
	plan := pg(&diff.Change{Kind: diff.CreateSchema, Schema: &schema.Schema{Name: "audit"}})
	tests := []struct {
		name string
		rev  AlembicRevision
		want alembic.Revision
	}{
		{"first", AlembicRevision{ID: "1a2b3c4d5e6f", Message: "create users"}, alembic.Revision{ID: "1a2b3c4d5e6f"}},
		{"next", AlembicRevision{ID: "bbb", DownRevision: "1a2b3c4d5e6f", Message: "add\nemail"}, alembic.Revision{ID: "bbb", DownRevisions: []string{"1a2b3c4d5e6f"}}},
		{"hostile message", AlembicRevision{ID: "ccc", DownRevision: "bbb", Message: `end """ here \ revision = 'x' ''' "`},
			alembic.Revision{ID: "ccc", DownRevisions: []string{"bbb"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Alembic(plan, plan, tt.rev)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "rev.py")
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			revs, err := alembic.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path = path
			if d := cmp.Diff([]alembic.Revision{tt.want}, revs); d != "" {
				t.Errorf("read back (-want +got):\n%s", d)
			}
			if !strings.HasPrefix(string(got), `"""`+strings.Join(strings.Fields(strings.ReplaceAll(tt.rev.Message, `"`, `\"`)), " ")) &&
				!strings.Contains(tt.rev.Message, `\`) {
				t.Errorf("the docstring does not start with the message:\n%s", got)
			}
		})
	}
}

func TestAlembicErrors(t *testing.T) {
	ok := pg()
	tests := []struct {
		name     string
		up, down *diff.Plan
		rev      AlembicRevision
		want     string
	}{
		{"no plan", nil, nil, AlembicRevision{ID: "a"}, "no upgrade plan"},
		{"no id", ok, nil, AlembicRevision{}, "no id"},
		{"dialects differ", ok, &diff.Plan{Dialect: schema.SQLServer}, AlembicRevision{ID: "a"}, "downgrade plan is sqlserver"},
		{"unknown dialect", &diff.Plan{Dialect: "oracle"}, nil, AlembicRevision{ID: "a"}, "unknown dialect"},
		{"text() would change the SQL", pg(&diff.Change{Kind: diff.AddCheck, Table: users, Check: &schema.Check{Name: "c", Expr: `x <> E'\:y'`}}),
			nil, AlembicRevision{ID: "a"}, "SQLAlchemy's text() would change"},
		{"hostile type", pg(&diff.Change{Kind: diff.AddColumn, Table: users, Column: &schema.Column{Name: "c", Type: "text); DROP TABLE x; --"}}),
			nil, AlembicRevision{ID: "a"}, "invalid type"},
		{"SQL Server deferrable", ms(&diff.Change{Kind: diff.AddForeignKey, Table: msUsers, ForeignKey: &schema.ForeignKey{
			Name: "fk", Columns: []string{"a"}, RefSchema: "dbo", RefTable: "t", RefColumns: []string{"id"}, Deferrable: true}}),
			nil, AlembicRevision{ID: "a"}, "no deferrable"},
		{"error in the downgrade", ok, pg(&diff.Change{Kind: diff.DropIndex, Table: users, Index: &schema.Index{}}),
			AlembicRevision{ID: "a"}, "render alembic downgrade"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Alembic(tt.up, tt.down, tt.rev)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// pythonEval evaluates each expression with sqlalchemy (sa), its dialects
// and the revision file's SQLType in scope, and returns str() of each.
func pythonEval(t *testing.T, exprs []string) []string {
	t.Helper()
	python := alembictest.Python(t)
	script := "import json, sys\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import mssql, postgresql\n" +
		sqlTypeClass + "\nprint(json.dumps([str(eval(e)) for e in json.load(sys.stdin)]))\n"
	in, _ := json.Marshal(exprs)
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("python output %q: %v", out, err)
	}
	return got
}

// TestAlembicTypes compiles each type's SQLAlchemy spelling with the real
// SQLAlchemy: it must be the same canonical type.
func TestAlembicTypes(t *testing.T) {
	types := map[schema.Dialect][]string{
		schema.Postgres: {"integer", "bigint", "smallint", "text", "boolean", "real", "double precision", "date",
			"uuid", "jsonb", "json", "bytea", "interval", "inet", "cidr", "macaddr", "money", "tsvector",
			"character varying(50)", "character varying", "character(1)", "numeric(10,2)", "numeric(12)", "numeric",
			"timestamp without time zone", "timestamp with time zone", "timestamp(3) without time zone",
			"timestamp(6) with time zone", "time without time zone", "time with time zone", "time(2) without time zone",
			"integer[]", "text[][]", "public.user_role", "audit.level[]", "serial", "bigserial", "xml", "point"},
		schema.SQLServer: {"int", "bigint", "smallint", "tinyint", "bit", "uniqueidentifier", "nvarchar(255)",
			"nvarchar(max)", "varchar(50)", "varchar(max)", "nchar(10)", "char(2)", "varbinary(max)", "binary(16)",
			"decimal(18,2)", "numeric(10,4)", "datetime2", "datetime2(3)", "datetime", "smalldatetime",
			"datetimeoffset", "datetimeoffset(2)", "time", "date", "money", "real", "float", "xml", "ntext", "image"},
	}
	for _, d := range []schema.Dialect{schema.Postgres, schema.SQLServer} {
		module := map[schema.Dialect]string{schema.Postgres: "postgresql", schema.SQLServer: "mssql"}[d]
		w := &pyWriter{dialect: d, imports: map[string]bool{}}
		var exprs []string
		for _, typ := range types[d] {
			e, err := w.colType(typ, "")
			if err != nil {
				t.Fatalf("%s %s: %v", d, typ, err)
			}
			exprs = append(exprs, e+".compile(dialect="+module+".dialect())")
		}
		for i, got := range pythonEval(t, exprs) {
			if strings.Contains(types[d][i], ".") { // enum types: the name as it is
				if got != types[d][i] {
					t.Errorf("%s: %s compiles to %q", types[d][i], exprs[i], got)
				}
				continue
			}
			want, err := schema.CanonicalType(d, types[d][i])
			if err != nil {
				t.Fatal(err)
			}
			if d == schema.SQLServer && got == "INTEGER" { // SQL Server's synonym of int
				got = "int"
			}
			canon, err := schema.CanonicalType(d, strings.ToLower(got))
			if err != nil || canon != want {
				t.Errorf("%s %s: %s compiles to %q (canonical %q, %v)", d, types[d][i], strings.TrimSuffix(exprs[i], ".compile(dialect="+module+".dialect())"), got, canon, err)
			}
		}
	}
}

// TestAlembicLiterals checks Python string literals and sa.text() escaping
// with the real Python and SQLAlchemy: each must give back the exact text.
func TestAlembicLiterals(t *testing.T) {
	texts := []string{
		"plain", "it's", `"double"`, `back\slash`, "new\nline\ttab\r", "é ünïcödé 名前 😀", "\x01\x7f\u2028",
		`'; DROP TABLE x; --`, "x::text", "a = :b", "(:b)", "'a:b'", "time '10:30'", "x = ANY(:list::int[])", ":x", "a:",
	}
	w := &pyWriter{dialect: schema.Postgres, imports: map[string]bool{}}
	var exprs []string
	for _, s := range texts {
		exprs = append(exprs, pyStr(s))
	}
	for _, s := range texts {
		lit, err := w.textString(s)
		if err != nil {
			t.Fatal(err)
		}
		exprs = append(exprs, "sa.text("+lit+").compile()")
	}
	got := pythonEval(t, exprs)
	for i, s := range texts {
		if got[i] != s {
			t.Errorf("pyStr(%q) = %s evaluates to %q", s, exprs[i], got[i])
		}
		if got[len(texts)+i] != s {
			t.Errorf("textString(%q) = %s compiles to %q", s, exprs[len(texts)+i], got[len(texts)+i])
		}
	}
}

// TestAlembicRenamesSerialSequences checks that op.rename_table and a column
// rename carry the sequence rename render.SQL does: PostgreSQL keeps the
// sequence name of a serial column, which schemadiff would otherwise see as
// a difference after the migration.
func TestAlembicRenamesSerialSequences(t *testing.T) {
	tests := []struct {
		name   string
		change *diff.Change
		want   string
	}{
		{"table renamed", &diff.Change{Kind: diff.RenameTable, OldName: qn("public", "customer"), Table: qn("public", "customers"), SerialColumns: []string{"id"}},
			`op.execute(sa.text('ALTER SEQUENCE "public"."customer_id_seq" RENAME TO "customers_id_seq"'))`},
		{"serial column renamed", &diff.Change{Kind: diff.RenameColumn, Table: users, OldColumn: &schema.Column{Name: "no", Type: "serial"},
			Column: &schema.Column{Name: "number", Type: "serial"}},
			`op.execute(sa.text('ALTER SEQUENCE "public"."users_no_seq" RENAME TO "users_number_seq"'))`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Alembic(pg(tc.change), nil, testRev(tc.name, ""))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tc.want) {
				t.Errorf("no %s in:\n%s", tc.want, got)
			}
		})
	}
}
