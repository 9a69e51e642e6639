package introspect

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestNullsNotDistinctBeforePG15 runs the constraint and index queries with
// the SQL they use on PostgreSQL 15 and later (the indnullsnotdistinct
// column) and with the one for older servers (through to_jsonb) on the same
// tables: every row must be the same, NULLS NOT DISTINCT included. Only
// PostgreSQL 15 runs here; the older SQL must still read the same.
func TestNullsNotDistinctBeforePG15(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `
CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text,
  CONSTRAINT t_a_key UNIQUE NULLS NOT DISTINCT (a),
  CONSTRAINT t_b_key UNIQUE (b));
CREATE UNIQUE INDEX t_c_nnd ON t (c) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX t_c_lower ON t (lower(c));
CREATE INDEX t_ab ON t (a, b) INCLUDE (c) WHERE a > 0;`)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var tables []uint32
	if err := conn.QueryRow(ctx, `SELECT array_agg(oid) FROM pg_class WHERE relname = 't' AND relkind = 'r'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	read := func(query string) [][]any {
		rows, err := conn.Query(ctx, query, tables)
		if err != nil {
			t.Fatal(err)
		}
		var all [][]any
		for rows.Next() {
			v, err := rows.Values()
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, v)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return all
	}
	if major := pgMajor(conn); major < 15 {
		t.Fatalf("the test server is PostgreSQL %d: it needs 15 or later", major)
	}
	pg15, pg14 := &pgCatalog{major: 15}, &pgCatalog{major: 14}
	for _, q := range []struct {
		name, query string
		named, nnd  int             // the columns of the name and of indnullsnotdistinct
		want        map[string]bool // its value, by name
	}{
		{"constraints", pgConstraintsQuery, 1, 17, map[string]bool{"t_pkey": false, "t_a_key": true, "t_b_key": false}},
		{"indexes", pgIndexesQuery, 2, 13, map[string]bool{"t_c_nnd": true, "t_c_lower": false, "t_ab": false}},
	} {
		new, old := read(pg15.nullsNotDistinct(q.query)), read(pg14.nullsNotDistinct(q.query))
		got := map[string]bool{}
		for _, row := range new {
			got[row[q.named].(string)] = row[q.nnd].(bool)
		}
		if d := cmp.Diff(q.want, got); d != "" {
			t.Errorf("%s: NULLS NOT DISTINCT by name (-want +got):\n%s", q.name, d)
		}
		if d := cmp.Diff(new, old); d != "" {
			t.Errorf("%s: the SQL for servers before 15 reads differently (-15 +older):\n%s", q.name, d)
		}
	}
}
