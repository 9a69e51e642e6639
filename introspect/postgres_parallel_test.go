package introspect

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestInspectPostgresParallelSameAsSerial reads the rich schema (with an
// exclusion constraint, whose index joins its constraint once both are read
// in parallel) on one transaction and on transactions sharing its exported
// snapshot: the models must be equal. A table created after the snapshot,
// by another session, must not be seen by either.
func TestInspectPostgresParallelSameAsSerial(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, richSchema+`
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE app.bookings (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));`)
	ctx := context.Background()
	read := func(parallel bool) *schema.Database {
		p, err := openPostgres(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		tx, snapshot, err := p.begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx) //nolint:errcheck // read-only
		if _, err := tx.Exec(ctx, `SELECT set_config('search_path', 'public', true)`); err != nil {
			t.Fatal(err)
		}
		var open func(context.Context) (pgx.Tx, func(), error)
		if parallel {
			if open = p.snapshotOpener(snapshot); open == nil {
				t.Fatal("no snapshot exported")
			}
			// After the export: the other transactions must not see it.
			pgtest.Exec(t, url, `CREATE TABLE app.late (id int PRIMARY KEY)`)
			defer pgtest.Exec(t, url, `DROP TABLE app.late`)
		}
		db, err := readCatalog(ctx, tx, Options{}, open)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	serial, parallel := read(false), read(true)
	if len(serial.Tables) < 5 || serial.Table(schema.QName{Schema: "app", Name: "bookings"}) == nil ||
		len(serial.Table(schema.QName{Schema: "app", Name: "bookings"}).Excludes) != 1 {
		t.Fatalf("the serial read misses tables or the exclusion constraint: %d tables", len(serial.Tables))
	}
	if d := cmp.Diff(serial, parallel); d != "" {
		t.Errorf("parallel read differs from the serial one (-serial +parallel):\n%s", d)
	}
}
