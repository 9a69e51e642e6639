package review

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// TestReadFunctions: PostgreSQL statements on functions, procedures and
// triggers as pg_dump and people write them read to the state they build
// (normalized, as review compares it), and conflicts are named at their line.
func TestReadFunctions(t *testing.T) {
	src := `CREATE TABLE public.users (id integer NOT NULL, email text);
CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$BEGIN RETURN NEW; END$$;
ALTER FUNCTION public.touch() OWNER TO postgres;
CREATE OR REPLACE FUNCTION add(a int4, b integer = 1) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5
    SET search_path TO 'public', 'pg_temp'
    AS 'SELECT a + b';
CREATE FUNCTION pairs() RETURNS TABLE(k text, v numeric) LANGUAGE sql SECURITY DEFINER AS $f$SELECT 'a', 1.5$f$;
CREATE FUNCTION n() RETURNS integer LANGUAGE sql RETURN 1;
CREATE PROCEDURE p(INOUT total integer) LANGUAGE plpgsql AS $$BEGIN total := 1; END$$;
COMMENT ON FUNCTION add(integer, integer) IS 'adds';
CREATE TRIGGER t BEFORE INSERT OR UPDATE OF email ON public.users FOR EACH ROW WHEN (NEW.email <> '') EXECUTE FUNCTION public.touch('x', 2);
CREATE TRIGGER gone AFTER DELETE ON users EXECUTE PROCEDURE touch();
DROP TRIGGER gone ON users;
ALTER TABLE public.users DISABLE TRIGGER t;
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
COMMENT ON TRIGGER t ON public.users IS 'touches';
DROP PROCEDURE p(integer);
`
	db, fs := applySQL(schema.Postgres, src)
	if len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	got, err := schema.Normalize(db)
	if err != nil {
		t.Fatal(err)
	}
	fn := func(s string) []*schema.FunctionArg {
		a, _ := schema.ParseFunctionArgs(s)
		return a
	}
	wantFns := []*schema.Function{
		{Schema: "public", Name: "add", Args: fn("a integer, b integer DEFAULT 1"), Returns: "integer", Language: "sql",
			Body: "SELECT a + b", Volatility: "immutable", Strict: true, Parallel: "safe", Cost: 5,
			Set: []string{"search_path=public, pg_temp"}, Comment: "adds"},
		{Schema: "public", Name: "pairs", Returns: "TABLE(k text, v numeric)", Language: "sql", Body: "SELECT 'a', 1.5",
			Volatility: "volatile", Parallel: "unsafe", SecurityDefiner: true},
		{Schema: "public", Name: "touch", Returns: "trigger", Language: "plpgsql", Body: "BEGIN RETURN NEW; END",
			Volatility: "volatile", Parallel: "unsafe"},
	}
	wantTrs := []*schema.Trigger{{Schema: "public", Table: "users", Name: "t", Timing: "before", Events: []string{"insert", "update"},
		UpdateOf: []string{"email"}, ForEachRow: true, When: "new.email <> ''", Function: "public.touch", Args: []string{"x", "2"},
		Enabled: "disabled", Comment: "touches"}}
	ignore := cmp.FilterPath(func(p cmp.Path) bool {
		f := p.Last().String()
		return f == ".Pos" || f == ".WhenSource"
	}, cmp.Ignore())
	if d := cmp.Diff(wantFns, got.Functions, ignore); d != "" {
		t.Errorf("functions (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantTrs, got.Triggers, ignore); d != "" {
		t.Errorf("triggers (-want +got):\n%s", d)
	}

	conflicts := []struct {
		name, src, code string
		line            int
	}{
		{"function twice", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';", CodeDuplicate, 2},
		{"drop a function never created", "DROP FUNCTION f(integer);", CodeDropMissing, 1},
		{"drop another overload", "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION f(text);", CodeDropMissing, 2},
		{"trigger twice", "CREATE TABLE t (a int);\nCREATE TRIGGER x AFTER INSERT ON t EXECUTE FUNCTION f();\nCREATE TRIGGER x AFTER INSERT ON t EXECUTE FUNCTION f();", CodeDuplicate, 3},
		{"disable a trigger never created", "CREATE TABLE t (a int);\nALTER TABLE t DISABLE TRIGGER x;", CodeDropMissing, 2},
	}
	for _, c := range conflicts {
		t.Run(c.name, func(t *testing.T) {
			_, fs := applySQL(schema.Postgres, c.src)
			if len(fs) != 1 || fs[0].Code != c.code || fs[0].Pos.Line != c.line {
				t.Errorf("findings %v, want one %s at line %d", fs, c.code, c.line)
			}
		})
	}
}
