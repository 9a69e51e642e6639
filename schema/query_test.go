package schema

import (
	"slices"
	"testing"
)

// TestNormalizeQuery: a query as a schema file writes it and as PostgreSQL
// 15's pg_get_viewdef prints it after CREATE VIEW (the texts on the right
// were read from the real server; internal/e2e TestViewQueriesNormalize
// checks more against the server itself) normalize to one text.
func TestNormalizeQuery(t *testing.T) {
	cols := map[string]string{"status": "character varying(20)", "id": "integer", "name": "character varying(100)"}
	tests := []struct {
		name, written, stored string
	}{
		{"qualifiers of one table, keyword case, semicolon",
			"SELECT id, name, email\nFROM users\nWHERE active;",
			" SELECT users.id,\n    users.name,\n    users.email\n   FROM users\n  WHERE users.active;"},
		{"join: parentheses, OUTER, AS, casts of a varchar column",
			"SELECT u.id, u.name, count(o.id) AS order_count, sum(o.total) AS total FROM users u LEFT OUTER JOIN orders AS o ON o.user_id = u.id AND o.status <> 'cancelled' GROUP BY u.id, u.name",
			" SELECT u.id,\n    u.name,\n    count(o.id) AS order_count,\n    sum(o.total) AS total\n   FROM (users u\n     LEFT JOIN orders o ON (((o.user_id = u.id) AND ((o.status)::text <> 'cancelled'::text))))\n  GROUP BY u.id, u.name"},
		{"implied aliases, public qualifier",
			"select status, count(*), sum(total) as revenue from public.orders group by status",
			" SELECT orders.status,\n    count(*) AS count,\n    sum(orders.total) AS revenue\n   FROM orders\n  GROUP BY orders.status"},
		{"the numeric cast PostgreSQL adds to a literal (pg_get_viewdef of testdata/examples/postgres/shop.hcl's view)",
			"SELECT c.id, coalesce(sum(o.total), 0) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
			"SELECT c.id,\n    COALESCE(sum(o.total), (0)::numeric) AS spent\n   FROM (customers c\n     LEFT JOIN orders o ON ((o.customer_id = c.id)))\n  GROUP BY c.id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := NormalizeQuery(tt.written, cols), NormalizeQuery(tt.stored, cols)
			if a != b {
				t.Errorf("written and stored forms differ:\n written: %s\n  stored: %s", a, b)
			}
			if again := NormalizeQuery(a, cols); again != a {
				t.Errorf("not idempotent:\n %s\n %s", a, again)
			}
		})
	}
	// different queries stay different
	for _, pair := range [][2]string{
		{"SELECT id FROM users WHERE active", "SELECT id FROM users WHERE NOT active"},
		{"SELECT id, name FROM users", "SELECT name, id FROM users"},
		{"SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id", "SELECT u.id FROM users u LEFT JOIN orders o ON o.user_id = u.id"},
		{"SELECT id AS a FROM users", "SELECT id AS b FROM users"},
	} {
		if NormalizeQuery(pair[0], nil) == NormalizeQuery(pair[1], nil) {
			t.Errorf("%q and %q normalize to one text", pair[0], pair[1])
		}
	}
}

// TestQueryRefs: the relations of FROM and JOIN (subqueries too) and the
// functions called, not the columns nor the aliases.
func TestQueryRefs(t *testing.T) {
	tests := []struct {
		query     string
		relations []QName
		functions []QName
	}{
		{"SELECT id FROM users", []QName{{"public", "users"}}, nil},
		{"SELECT u.id, o.total FROM users u JOIN app.orders o ON o.user_id = u.id, tags",
			[]QName{{"public", "users"}, {"app", "orders"}, {"public", "tags"}}, nil},
		{"SELECT lower(name), app.slug(name) FROM (SELECT name FROM people) p WHERE EXISTS (SELECT 1 FROM bans b WHERE b.name = p.name)",
			[]QName{{"public", "people"}, {"public", "bans"}}, []QName{{"public", "lower"}, {"app", "slug"}}},
		{"SELECT x::integer, count(*) FROM t GROUP BY x", []QName{{"public", "t"}}, []QName{{"public", "count"}}},
		{"SELECT a IS DISTINCT FROM b FROM t", []QName{{"public", "t"}}, nil},
	}
	for _, tt := range tests {
		rels, funcs := QueryRefs(tt.query, "public")
		if !slices.Equal(rels, tt.relations) || !slices.Equal(funcs, tt.functions) {
			t.Errorf("QueryRefs(%q) = %v, %v; want %v, %v", tt.query, rels, funcs, tt.relations, tt.functions)
		}
	}
}

// FuzzNormalizeQuery: NormalizeQuery, QueryRefs and QueryOutputs never
// panic, whatever the text. (Idempotence is checked on real queries in
// TestNormalizeQuery: on arbitrary token soup the token-by-token fallback
// may read its own output differently.)
func FuzzNormalizeQuery(f *testing.F) {
	for _, s := range []string{
		"SELECT id, name FROM users WHERE active;",
		"SELECT u.id, count(o.id) AS n FROM (users u LEFT JOIN orders o ON ((o.user_id = u.id))) GROUP BY u.id ORDER BY n DESC NULLS LAST",
		"SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b",
		"SELECT * FROM (SELECT 1 AS x) s UNION ALL SELECT 2",
		"SELECT row_number() OVER (ORDER BY id) rn FROM t",
		"SELECT 'x'::text, CAST(1 AS bigint), a IS DISTINCT FROM b FROM t",
		"WITH c AS (SELECT 1) SELECT * FROM c",
		"SELECT (", "SELECT a FROM", ") FROM (", "select from where",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		NormalizeQuery(NormalizeQuery(q, nil), nil)
		QueryRefs(q, "public")
		QueryOutputs(q, nil)
	})
}
