package render

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// connect opens a connection to url for the length of the test.
func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}

// apply runs stmts the way a migration runner would: consecutive statements
// that may run in a transaction share one, the others run on their own.
func apply(ctx context.Context, conn *pgx.Conn, stmts []Statement) error {
	for i := 0; i < len(stmts); {
		if stmts[i].NoTransaction {
			if _, err := conn.Exec(ctx, stmts[i].SQL); err != nil {
				return &stmtError{stmts[i].SQL, err}
			}
			i++
			continue
		}
		tx, err := conn.Begin(ctx)
		if err != nil {
			return err
		}
		for ; i < len(stmts) && !stmts[i].NoTransaction; i++ {
			if _, err := tx.Exec(ctx, stmts[i].SQL); err != nil {
				_ = tx.Rollback(ctx)
				return &stmtError{stmts[i].SQL, err}
			}
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// stmtError names the statement PostgreSQL refused.
type stmtError struct {
	sql string
	err error
}

func (e *stmtError) Error() string { return e.err.Error() + "\nin statement:\n" + e.sql }

// queryString runs a one-value query.
func queryString(ctx context.Context, t *testing.T, conn *pgx.Conn, sql string, args ...any) string {
	t.Helper()
	var s *string
	if err := conn.QueryRow(ctx, sql, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	if s == nil {
		return "<null>"
	}
	return *s
}

// TestPostgresRunsGoldenPlans applies the golden plans, in order, to a real
// PostgreSQL and checks what they did, including that hostile names and
// strings did not inject anything.
func TestPostgresRunsGoldenPlans(t *testing.T) {
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := conn.Exec(ctx, "CREATE TABLE students (id integer)"); err != nil {
		t.Fatal(err)
	}
	checks := map[string][]struct{ query, want string }{
		"01_create_everything": {
			{`SELECT count(*)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname = 'Robert''); DROP TABLE students;--' AND c.relname = 'a"b'`, "1"},
			{`INSERT INTO "Robert'); DROP TABLE students;--"."a""b" DEFAULT VALUES
			  RETURNING "Robert'); DROP TABLE students;--"`, hostileDefault},
			{`SELECT obj_description('audit'::regnamespace, 'pg_namespace')`, "Audit trail; it's kept 90 days"},
			{`SELECT col_description('public.users'::regclass, 4)`, "Login; unique per tenant, 'case sensitive'"},
			{`SELECT pg_get_serial_sequence('public.legacy', 'code')`, "public.legacy_code_seq"},
			{`SELECT pg_get_indexdef('public.users_tenant_created_idx'::regclass)`,
				"CREATE INDEX users_tenant_created_idx ON public.users USING btree (tenant_id, created_at DESC NULLS LAST)"},
		},
		"02_alter_columns": {
			{`SELECT pg_get_serial_sequence('public.users', 'legacy_ref')`, "public.users_legacy_ref_seq"},
			{`SELECT count(*)::text FROM pg_class WHERE relname = 'legacy_id_seq'`, "0"},
			{`SELECT format_type(atttypid, atttypmod) || ' ' || attidentity::text FROM pg_attribute
			  WHERE attrelid = 'public.users'::regclass AND attname = 'counter'`, "integer a"},
			{`SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON attrelid = adrelid AND attnum = adnum
			  WHERE adrelid = 'public.users'::regclass AND attname = 'role'`, "'viewer'::text"},
			{`SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON attrelid = adrelid AND attnum = adnum
			  WHERE adrelid = 'public.legacy'::regclass AND attname = 'big'`, "(code * 2)"},
		},
		"03_constraints_indexes_enums": {
			{`SELECT array_to_string(enum_range(NULL::public.user_role), ',')`, "viewer,editor,owner,admin,it's"},
			{`SELECT array_to_string(enum_range(NULL::audit.level), ',')`, "high,low"},
			{`SELECT string_agg(typname, ',') FROM pg_type WHERE typname LIKE 'level%'`, "level"}, // the old type is gone
			{`SELECT to_regclass('audit.legacy_things')::text`, "audit.legacy_things"},
			{`SELECT string_agg(format_type(atttypid, atttypmod) || ' ' || coalesce(collname::text, '-'), ', ' ORDER BY attname)
			  FROM pg_attribute LEFT JOIN pg_collation c ON c.oid = attcollation AND attcollation <> 100
			  WHERE attrelid = 'public.users'::regclass AND attname IN ('role', 'status')`, "user_role -, character varying(20) C"},
			{`SELECT coalesce(obj_description('public.users'::regclass, 'pg_class'), '<none>')`, "<none>"},
		},
		"04_drops": {
			{`SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'`, "public"},
			{`SELECT to_regclass('public.students')::text`, "students"},
		},
	}
	for _, tc := range goldenCases() {
		stmts, err := SQL(tc.plan)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := apply(ctx, conn, stmts); err != nil {
			t.Fatalf("%s: PostgreSQL refused the plan: %v", tc.name, err)
		}
		for _, c := range checks[tc.name] {
			if got := queryString(ctx, t, conn, c.query); got != c.want {
				t.Errorf("after %s: %s\n= %q, want %q", tc.name, strings.Join(strings.Fields(c.query), " "), got, c.want)
			}
		}
	}
}

// TestPostgresSerialSequenceName checks that the sequence name the renderer
// assumes for a serial column is the one PostgreSQL gives it, long names included.
func TestPostgresSerialSequenceName(t *testing.T) {
	tests := []struct{ table, column string }{
		{"orders", "id"},
		{strings.Repeat("t", 62), "id"},
		{strings.Repeat("t", 40), strings.Repeat("c", 40)},
		{strings.Repeat("é", 31), "code"},
	}
	conn := connect(t, pgtest.NewDB(t))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, tc := range tests {
		t.Run(tc.table[:6]+"_"+tc.column, func(t *testing.T) {
			table := schema.QName{Schema: "public", Name: tc.table}
			stmts, err := SQL(pg(&diff.Change{Kind: diff.CreateTable, TableDef: &schema.Table{
				Schema: table.Schema, Name: table.Name, Columns: []*schema.Column{{Name: tc.column, Type: "serial"}}}}))
			if err != nil {
				t.Fatal(err)
			}
			if err := apply(ctx, conn, stmts); err != nil {
				t.Fatal(err)
			}
			got := queryString(ctx, t, conn, `SELECT s.relname::text FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
				WHERE d.refobjid = $1::regclass AND s.relkind = 'S'`, pgQName(table.Schema, table.Name))
			if want := schema.PostgresObjectName(tc.table, tc.column, "seq"); got != want {
				t.Errorf("PostgreSQL named the sequence %q, the renderer assumes %q", got, want)
			}
		})
	}
}
