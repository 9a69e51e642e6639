package e2e

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestIntervalLiteralsAsStored: issue 9 item 5. PostgreSQL stores an
// interval literal in its output form ('90 min' as '01:30:00'::interval);
// for each written form the real server's text (::interval::text) and the
// written one normalize alike, in an expression and as a default.
func TestIntervalLiteralsAsStored(t *testing.T) {
	url := pgtest.NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, in := range []string{
		"1 day", "30 days", "90 min", "30 minutes", "2 hours", "1 hour 30 minutes", "1 week", "2 weeks 3 days",
		"1 year", "2 years 3 months", "1 mon", "14 months", "1.5 days", "1.5 months", "1.5 years", "0.5 hours",
		"10 seconds", "1.25 seconds", "500 ms", "3 us", "@ 3 hours ago", "1 day ago", "-1 day", "-1 day 2 hours",
		"1 day -2 hours", "1 day 01:30:00", "-01:30:00", "0 seconds", "1 decade", "1 century", "25 hours",
		"1 year -1 mons", "-1 year 2 days",
	} {
		var stored string
		if err := conn.QueryRow(ctx, "SELECT $1::interval::text", in).Scan(&stored); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		expr := func(lit string) string { return "now() + '" + lit + "'" }
		if got, want := schema.NormalizeExpr(schema.Postgres, expr(in)), schema.NormalizeExpr(schema.Postgres, expr(stored)); got != want {
			t.Errorf("%q, stored as %q: normalizes to %q, the stored form to %q", in, stored, got, want)
		}
	}
}
