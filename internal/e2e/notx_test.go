package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/schema"
)

// TestNoTransactionMigrationIsAtomic: issue 9 item 3. A goose migration
// marked NO TRANSACTION (for an ALTER TYPE … ADD VALUE) runs only that
// statement outside a transaction: when a later statement fails (a check the
// rows violate), the other statements of the migration are rolled back too,
// and the database is not left half-migrated (the new default not set).
func TestNoTransactionMigrationIsAtomic(t *testing.T) {
	state := func(values, def, check string) *schema.Database {
		p := filepath.Join(t.TempDir(), "schema.hcl")
		src := `dialect = "postgres"
enum "mood" {
  values = [` + values + `]
}
table "people" {
  column "id" {
    type = "integer"
  }
  column "mood" {
    type    = "mood"
    default = "` + def + `"
  }
  primary_key {
    columns = ["id"]
  }
` + check + `}
`
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return loadFile(t, p)
	}
	const check = "  check \"people_id_small\" {\n    expr = \"id < 100\"\n  }\n"
	steps := []*schema.Database{state(`"happy", "sad"`, "happy", ""), state(`"happy", "sad", "meh"`, "meh", check)}
	dir := generateAll(t, migrate.Goose, steps)
	url := pgtest.NewDB(t)
	ctx := context.Background()
	p := gooseProvider(t, dir, url)
	if _, err := p.UpByOne(ctx); err != nil {
		t.Fatalf("goose up (first migration): %v", err)
	}
	pgtest.Exec(t, url, "INSERT INTO people (id) VALUES (500)")
	if _, err := p.Up(ctx); err == nil {
		t.Fatal("goose up succeeded although a row violates the new check")
	}
	// The value was added (it cannot be rolled back with the rest); the new
	// default and the check, which ran in one transaction, were not.
	want := state(`"happy", "sad", "meh"`, "happy", "")
	if plan, err := diff.Compare(liveState(t, url), want, diff.Options{}); err != nil {
		t.Fatal(err)
	} else if len(plan.Changes) > 0 {
		t.Errorf("the failed migration left the database half-migrated: %d changes from the expected state, first %s %s",
			len(plan.Changes), plan.Changes[0].Kind, plan.Changes[0].Table)
	}
}
