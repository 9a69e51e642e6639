package e2e

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestPostgresCastable: issue 9 item 7. For every pair of built-in types
// (canonical spellings, some with typmods, some arrays), diff's cast table
// says what the real server says: whether CAST(NULL::a AS b) parses (no
// cast is an error at parse time, whatever the values).
func TestPostgresCastable(t *testing.T) {
	url := pgtest.NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	types := []string{
		"smallint", "integer", "bigint", "numeric", "numeric(10,2)", "real", "double precision", "money",
		"text", "character varying", "character varying(20)", "character(1)", "name", `"char"`, "boolean",
		"date", "time without time zone", "time(3) with time zone", "timestamp without time zone",
		"timestamp(3) with time zone", "interval", "interval year to month", "uuid", "json", "jsonb", "bytea",
		"inet", "cidr", "macaddr", "macaddr8", "bit(8)", "bit varying(8)", "xml", "oid", "regclass", "regconfig",
		"tsvector", "tsquery", "point", "line", "lseg", "box", "path", "polygon", "circle", "pg_lsn",
		"int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
		"integer[]", "bigint[]", "text[]", "timestamp without time zone[]", "jsonb[]", "uuid[]",
	}
	for _, from := range types {
		for _, to := range types {
			_, err := conn.Exec(ctx, "SELECT CAST(NULL::"+from+" AS "+to+")")
			want := err == nil
			got, known := diff.PostgresCastable(from, to)
			if !known || got != want {
				t.Errorf("PostgresCastable(%q, %q) = %v (known %v); the server says %v (%v)", from, to, got, known, want, err)
			}
		}
	}
	for _, pair := range [][2]string{{"public.mood", "text"}, {"integer", "public.mood"}, {"citext", "text"}} {
		if _, known := diff.PostgresCastable(pair[0], pair[1]); known {
			t.Errorf("PostgresCastable(%q, %q) claims to know a user or extension type", pair[0], pair[1])
		}
	}
}
