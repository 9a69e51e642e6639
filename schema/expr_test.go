package schema

import "testing"

// recordedColumns are the column types of the tables the recorded pairs were
// taken from (a PostgreSQL 15.18 server; see /tmp-free notes in the test).
var recordedColumns = map[string]map[string]string{
	"users": {
		"status": "character varying(20)", "email": "character varying(255)", "name": "text",
		"n1": "integer", "n2": "integer", "n3": "integer", "n5": "numeric(10,2)", "amount": "numeric",
		"qty": "integer", "price": "numeric(10,2)", "t1": "timestamp with time zone",
		"t2": "timestamp with time zone", "t3": "timestamp with time zone", "t4": "timestamp without time zone",
		"is_deleted": "boolean", "b1": "boolean", "b2": "boolean", "j1": "jsonb",
	},
	"orders": {"email": "text", "created_at": "timestamp with time zone"},
	"nm":     {"a": "integer", "b": "text", "c": "character varying(10)", "Upper": "integer", "position": "integer"},
	"shorty": {"x": "integer", "y": "integer"},
	"docs":   {"email": "text", "code": "character varying(10)", "born": "date"},
}

// TestRecordedPairs checks that what a user writes and what PostgreSQL 15
// stores for it (pg_get_expr / pg_get_indexdef, not pretty) normalize to the
// same text. The stored texts were read back from a real server.
func TestRecordedPairs(t *testing.T) {
	tests := []struct {
		table, user, stored, want string
	}{
		// check constraints: pg_get_expr(conbin, conrelid)
		{"users", "status IN ('active', 'invited', 'suspended')", "((status)::text = ANY ((ARRAY['active'::character varying, 'invited'::character varying, 'suspended'::character varying])::text[]))", "status = any (array['active', 'invited', 'suspended'])"},
		{"users", "amount > 0", "(amount > (0)::numeric)", "amount > 0"},
		{"users", "qty >= 0 AND qty < 100", "((qty >= 0) AND (qty < 100))", "qty >= 0 and qty < 100"},
		{"users", "price <> 0", "(price <> (0)::numeric)", "price <> 0"},
		{"users", "email LIKE '%@%'", "((email)::text ~~ '%@%'::text)", "email like '%@%'"},
		{"users", "email NOT LIKE 'x%'", "((email)::text !~~ 'x%'::text)", "email not like 'x%'"},
		{"users", "name IS NOT NULL OR email IS NOT NULL", "((name IS NOT NULL) OR (email IS NOT NULL))", "name is not null or email is not null"},
		{"users", "char_length(name) <= 100", "(char_length(name) <= 100)", "char_length(name) <= 100"},
		{"users", "status != 'banned'", "((status)::text <> 'banned'::text)", "status <> 'banned'"},
		{"users", "n1 BETWEEN 0 AND 10", "((n1 >= 0) AND (n1 <= 10))", "n1 >= 0 and n1 <= 10"},
		{"users", "n2 + n3 * 2 > 0", "((n2 + (n3 * 2)) > 0)", "n2 + n3 * 2 > 0"},
		{"users", "(n2 + n3) * 2 > 0", "(((n2 + n3) * 2) > 0)", "(n2 + n3) * 2 > 0"},
		{"users", "email ~* '^[a-z]'", "((email)::text ~* '^[a-z]'::text)", "email ~* '^[a-z]'"},
		{"users", "status = ANY (ARRAY['a', 'b'])", "((status)::text = ANY (ARRAY['a'::text, 'b'::text]))", "status = any (array['a', 'b'])"},
		{"users", "NOT is_deleted", "(NOT is_deleted)", "not is_deleted"},
		{"users", "t1 < t2 AND (t2 < t3 OR t3 IS NULL)", "((t1 < t2) AND ((t2 < t3) OR (t3 IS NULL)))", "t1 < t2 and (t2 < t3 or t3 is null)"},
		{"users", "coalesce(n1, 0) >= 0", "(COALESCE(n1, 0) >= 0)", "coalesce(n1, 0) >= 0"},
		{"users", "name ILIKE 'a%'", "(name ~~* 'a%'::text)", "name ilike 'a%'"},
		{"users", "n1 IN (1, 2, 3)", "(n1 = ANY (ARRAY[1, 2, 3]))", "n1 = any (array[1, 2, 3])"},
		{"users", "n1 NOT IN (4, 5)", "(n1 <> ALL (ARRAY[4, 5]))", "n1 <> all (array[4, 5])"},
		{"users", "email = lower(email)", "((email)::text = lower((email)::text))", "email = lower(email)"},
		{"users", "CASE WHEN n1 > 0 THEN n2 > 0 ELSE true END", "\nCASE\n    WHEN (n1 > 0) THEN (n2 > 0)\n    ELSE true\nEND", "case when n1 > 0 then n2 > 0 else true end"},
		{"users", "length(email) > 3 and length(email) < 300", "((length((email)::text) > 3) AND (length((email)::text) < 300))", "length(email) > 3 and length(email) < 300"},
		{"users", "n5 >= 0.5", "(n5 >= 0.5)", "n5 >= 0.5"},
		{"users", "n1 > -5", "(n1 > '-5'::integer)", "n1 > -5"},
		{"users", "b1 = TRUE", "(b1 = true)", "b1 = true"},
		{"users", "b2 IS TRUE", "(b2 IS TRUE)", "b2 is true"},
		{"users", `"n1" >= 0`, "(n1 >= 0)", "n1 >= 0"},
		{"nm", `a > 0 and "Upper" > 0`, `((a > 0) AND ("Upper" > 0))`, `a > 0 and "Upper" > 0`},
		{"nm", `"position" > 0`, `("position" > 0)`, `"position" > 0`},
		{"shorty", "x > 0 AND y > 0", "((x > 0) AND (y > 0))", "x > 0 and y > 0"},
		{"users", "b1 = 't'", "(b1 = true)", "b1 = true"},
		{"users", "'no' <> b2", "(false <> b2)", "false <> b2"},
		{"users", "qty = '5'", "(qty = 5)", "qty = 5"},
		// SQL-syntax calls and SIMILAR TO (convergence pair 138)
		{"docs", "EXTRACT(year FROM born) > 1900", "(EXTRACT(year FROM born) > (1900)::numeric)", "extract('year', born) > 1900"},
		{"docs", "position('x' in email) = 0", "(POSITION(('x'::text) IN (email)) = 0)", "position(email, 'x') = 0"},
		{"docs", "substring(code from 1 for 1) <> 'Z'", "(SUBSTRING(code FROM 1 FOR 1) <> 'Z'::text)", "substring(code, 1, 1) <> 'Z'"},
		{"docs", "trim(both ' ' from email) = email", "(TRIM(BOTH ' '::text FROM email) = email)", "btrim(email, ' ') = email"},
		{"docs", "code SIMILAR TO '[A-Z]{3}%'", "((code)::text ~ similar_to_escape('[A-Z]{3}%'::text))", "code ~ similar_to_escape('[A-Z]{3}%')"},
		// partial index predicates: pg_get_expr(indpred, indrelid)
		{"users", "is_deleted = false", "(is_deleted = false)", "is_deleted = false"},
		{"users", "status IN ('active', 'invited')", "((status)::text = ANY ((ARRAY['active'::character varying, 'invited'::character varying])::text[]))", "status = any (array['active', 'invited'])"},
		{"users", "t1 IS NULL", "(t1 IS NULL)", "t1 is null"},
		{"users", "amount > 100 and status <> 'x'", "((amount > (100)::numeric) AND ((status)::text <> 'x'::text))", "amount > 100 and status <> 'x'"},
		{"orders", "email like '%@x.com'", "(email ~~ '%@x.com'::text)", "email like '%@x.com'"},
		// index expression keys: pg_get_indexdef(indexrelid, k, false)
		{"users", "lower(email)", "lower((email)::text)", "lower(email)"},
		{"users", "(n1 + n2)", "((n1 + n2))", "n1 + n2"},
		{"users", "coalesce(name, '')", "COALESCE(name, ''::text)", "coalesce(name, '')"},
		{"users", "(name || email)", "((name || (email)::text))", "name || email"},
		{"users", "date_trunc('day', t4)", "date_trunc('day'::text, t4)", "date_trunc('day', t4)"},
		{"nm", "(case when a > 0 then 1 end)", "(\nCASE\n    WHEN (a > 0) THEN 1\n    ELSE NULL::integer\nEND)", "case when a > 0 then 1 end"},
		{"nm", "lower(c)", "lower((c)::text)", "lower(c)"},
		{"shorty", "(x * 2)", "((x * 2))", "x * 2"},
		// generated columns and defaults: pg_get_expr(adbin, adrelid)
		{"users", "name || ' ' || email", "((name || ' '::text) || (email)::text)", "name || ' ' || email"},
		{"users", "amount * qty", "(amount * (qty)::numeric)", "amount * qty"},
		{"users", "lower(name)", "lower(name)", "lower(name)"},
		{"users", "now()::date", "(now())::date", "now()::date"},
		{"users", "now() + interval '1 day'", "(now() + '1 day'::interval)", "now() + '1 day'"},
		{"users", "CURRENT_DATE - 1", "(CURRENT_DATE - 1)", "current_date - 1"},
		{"users", "'a' || 'b'", "('a'::text || 'b'::text)", "'a' || 'b'"},
		{"users", "NOW()", "now()", "now()"},
		{"users", "CURRENT_TIMESTAMP", "now()", "now()"},
		{"users", "now()", "CURRENT_TIMESTAMP", "now()"},
		{"users", "gen_random_uuid()", "gen_random_uuid()", "gen_random_uuid()"},
		{"users", "ARRAY[]::text[]", "ARRAY[]::text[]", "array[]::text[]"},
		{"users", "nextval('users_id_seq')", "nextval('users_id_seq'::regclass)", "nextval('users_id_seq')"},
		{"users", "'{}'::jsonb", "'{}'::jsonb", "'{}'::jsonb"},
	}
	for _, tt := range tests {
		cols := recordedColumns[tt.table]
		gotUser := normalizeExpr(Postgres, tt.user, cols)
		gotStored := normalizeExpr(Postgres, tt.stored, cols)
		if gotUser != tt.want || gotStored != tt.want {
			t.Errorf("%s: user %q → %q; stored %q → %q; want %q", tt.table, tt.user, gotUser, tt.stored, gotStored, tt.want)
		}
		if again := normalizeExpr(Postgres, tt.want, cols); again != tt.want {
			t.Errorf("not idempotent: %q → %q", tt.want, again)
		}
	}
}

func TestNormalizeExprRules(t *testing.T) {
	tests := []struct {
		name string
		d    Dialect
		in   string
		want string
	}{
		{"keywords and identifiers fold", Postgres, "Status IS NOT NULL AND Lower(Email) <> ''", "status is not null and lower(email) <> ''"},
		{"quoted identifier kept when needed", Postgres, `"Status" = 'a' OR "select" = 'b'`, `"Status" = 'a' or "select" = 'b'`},
		{"quoted identifier unquoted when plain", Postgres, `"status"='a'`, "status = 'a'"},
		{"outer parentheses", Postgres, "((((a > 1))))", "a > 1"},
		{"needed parentheses kept", Postgres, "a - (b - c) > 0", "a - (b - c) > 0"},
		{"redundant left parentheses", Postgres, "(a - b) - c > 0", "a - b - c > 0"},
		{"or inside and", Postgres, "(a OR b) AND c", "(a or b) and c"},
		{"and inside or", Postgres, "a OR (b AND c)", "a or b and c"},
		{"nested and flattened", Postgres, "a AND (b AND c)", "a and b and c"},
		{"not of a comparison", Postgres, "NOT (a = b)", "not a = b"},
		{"not as comparison operand", Postgres, "(NOT a) = b", "(not a) = b"},
		{"unary minus", Postgres, "-(a + b) < 0", "-(a + b) < 0"},
		{"negative literal", Postgres, "a > - 5", "a > -5"},
		{"cast keeps meaning", Postgres, "(now())::date > '2020-01-01'", "now()::date > '2020-01-01'"},
		{"cast on column kept without types", Postgres, "(email)::text = 'x'::text", "email::text = 'x'"},
		{"cast of expression keeps parentheses", Postgres, "(a + b)::text", "(a + b)::text"},
		{"CAST syntax", Postgres, "CAST(a AS varchar(10)) = 'x'", "a::character varying(10) = 'x'"},
		{"not equal spelling", Postgres, "a != b", "a <> b"},
		{"like operator", Postgres, "a ~~ 'x%' AND b !~~* 'y'", "a like 'x%' and b not ilike 'y'"},
		{"single element IN", Postgres, "a IN (1)", "a = 1"},
		{"IN with columns", Postgres, "a IN (b, c)", "a = b or a = c"},
		{"NOT BETWEEN", Postgres, "a NOT BETWEEN 1 AND 5", "a < 1 or a > 5"},
		{"isnull spelling", Postgres, "a ISNULL OR b NOTNULL", "a is null or b is not null"},
		{"is distinct from", Postgres, "a IS DISTINCT FROM b", "a is distinct from b"},
		{"E string", Postgres, `a = E'it\'s'`, "a = 'it''s'"},
		{"dollar quoted string", Postgres, "a = $$x'y$$", "a = 'x''y'"},
		{"tagged dollar quote", Postgres, "a = $t$x$t$", "a = 'x'"},
		{"number spelling", Postgres, "a > 2.5e3 AND b < .5 AND c = 007", "a > 2500 and b < 0.5 and c = 7"},
		{"comments dropped", Postgres, "a > 1 -- note\n /* more */ AND b", "a > 1 and b"},
		{"typed literal", Postgres, "d > DATE '2020-01-01'", "d > '2020-01-01'"},
		{"some is any", Postgres, "a = SOME (b)", "a = any (b)"},
		{"qualified column", Postgres, `users."email" IS NULL`, "users.email is null"},
		{"count star", Postgres, "COUNT(*) > 0", "count(*) > 0"},
		{"subscript", Postgres, "(tags)[1] = 'a'", "tags[1] = 'a'"},
		{"collate", Postgres, `name COLLATE "C" > 'a'`, `name collate "C" > 'a'`},
		{"at time zone", Postgres, "created_at AT TIME ZONE 'UTC' > now()", "created_at at time zone 'UTC' > now()"},
		{"fallback on subquery", Postgres, "EXISTS ( SELECT 1 FROM T WHERE X=1 )", "exists (select 1 from t where x = 1)"},
		{"fallback strips outer parentheses", Postgres, "(a > ALL (SELECT b FROM t))", "a > all (select b from t)"},
		{"extract with string field", Postgres, "EXTRACT('YEAR' FROM d) = extract(year from d)", "extract('year', d) = extract('year', d)"},
		{"substring from only", Postgres, "SUBSTRING(s FROM 2) = substring(s, 2)", "substring(s, 2) = substring(s, 2)"},
		{"substring for only", Postgres, "substring(s for 3) = 'abc'", "substring(s, 1, 3) = 'abc'"},
		{"substring plain call", Postgres, "substring(s, 1, 3) = 'abc'", "substring(s, 1, 3) = 'abc'"},
		{"trim forms", Postgres, "trim(s) = trim(both from s) and trim(leading 'x' from s) = trim(trailing from s)", "btrim(s) = btrim(s) and ltrim(s, 'x') = rtrim(s)"},
		{"trim plain call", Postgres, "trim(s, 'x') = trim('x' from s)", "btrim(s, 'x') = btrim(s, 'x')"},
		{"position of expression", Postgres, "position(lower(a) || 'x' in b) > 0", "position(b, lower(a) || 'x') > 0"},
		{"not similar to with escape", Postgres, "a NOT SIMILAR TO 'x!%' ESCAPE '!'", "a !~ similar_to_escape('x!%', '!')"},
		{"cast to bare type then typmod", Postgres, "(ARRAY[]::character varying[])::character varying(10)[]", "array[]::character varying(10)[]"},
		{"typmod cast of written type", Postgres, "ARRAY[]::varchar(10)[]", "array[]::character varying(10)[]"},
		{"casts to other types kept", Postgres, "(a::text)::integer", "(a::text)::integer"},
		{"sqlserver brackets", SQLServer, "([is_deleted]=(0))", "is_deleted = 0"},
		{"sqlserver function case", SQLServer, "(getdate())", "getdate()"},
		{"sqlserver national string", SQLServer, "([status]=N'active')", "status = 'active'"},
		{"sqlserver IN", SQLServer, "[status] IN ('b', 'a')", "status = 'a' or status = 'b'"},
		{"sqlserver odd name kept in brackets", SQLServer, "[first name] IS NULL", "[first name] is null"},
		{"sqlserver CAST is CONVERT", SQLServer, "CAST([x] AS INT) > 0", "convert(int, x) > 0"},
		{"sqlserver CONVERT as stored", SQLServer, "(CONVERT([decimal](10,2),[x])>(0))", "convert(decimal(10,2), x) > 0"},
		{"sqlserver CONVERT to datetime with style 0", SQLServer, "CONVERT([datetime],[d],(0))", "convert(datetime, d)"},
		{"sqlserver CONVERT with another style kept", SQLServer, "CONVERT([varchar](10),[d],(112))", "convert(varchar(10), d, 112)"},
		{"sqlserver AND and OR operands sorted", SQLServer, "(b = 1 OR a = 2) AND c = 0", "(a = 2 or b = 1) and c = 0"},
		{"sqlserver NOT IN", SQLServer, "[s] NOT IN ('b', 'a')", "s <> 'a' and s <> 'b'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NormalizeExpr(tt.d, tt.in)
			if got != tt.want {
				t.Errorf("NormalizeExpr(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := NormalizeExpr(tt.d, got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestExprColumns(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{"email = lower(email)", []string{"email"}},
		{`a > 0 and "Upper" > 0`, []string{"a", "Upper"}},
		{"length(x::text) > 3", []string{"x"}},
		{"now() > current_date", nil},
		{"exists (select 1 from t where x = 1)", []string{"t", "x"}},
	}
	for _, tt := range tests {
		got := exprColumns(Postgres, tt.expr)
		if len(got) != len(tt.want) {
			t.Errorf("exprColumns(%q) = %q, want %q", tt.expr, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("exprColumns(%q) = %q, want %q", tt.expr, got, tt.want)
			}
		}
	}
}

// FuzzNormalizeExpr checks that NormalizeExpr never panics and is idempotent.
func FuzzNormalizeExpr(f *testing.F) {
	for _, s := range []string{
		"status IN ('a', 'b')", "((a > (0)::numeric))", "CASE WHEN a THEN 1 ELSE NULL::integer END",
		"-(a + b) * -1 > 2.5e3", `"X" || E'\n' || $$y$$`, "a NOT BETWEEN 1 AND 2 OR b ISNULL",
		"not not a", "a::text::varchar(3)", "[a] = N'b'",
		"CASE WHEN A THE. 000", "CONVERT([varchar](10),[d],(0))", "(b = 1 OR a = 2) AND c IN (3, 1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []Dialect{Postgres, SQLServer} {
			once := NormalizeExpr(d, s)
			if twice := NormalizeExpr(d, once); twice != once {
				t.Errorf("%s: %q → %q → %q", d, s, once, twice)
			}
		}
	})
}
