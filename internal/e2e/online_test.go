package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// TestConvergenceOnline runs the convergence pairs (TestConvergence) with
// plans made with --online (diff.Options.Online), on the real server: up,
// re-inspected, down, re-inspected. A pair whose online plans (up and down)
// render the same SQL as the plain ones is skipped, saying so: TestConvergence
// runs exactly that plan. How many pairs ran is logged, and at least one must.
func TestConvergenceOnline(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "convergence", "*"))
	if err != nil {
		t.Fatal(err)
	}
	online := diff.Options{Online: true}
	var ran atomic.Int64
	t.Cleanup(func() {
		t.Logf("%d of %d convergence pairs have an online plan of their own and ran with it", ran.Load(), len(dirs))
		if ran.Load() == 0 && !t.Failed() && !t.Skipped() {
			t.Error("no convergence pair has an online plan that differs from the plain one")
		}
	})
	for _, dir := range dirs {
		if strings.HasSuffix(dir, "_noop") {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			url, from := buildFrom(t, dir)
			if !onlineDiffers(t, from, loadFile(t, filepath.Join(dir, "to.hcl")), online) {
				t.Skip("the online plans equal the plain ones: TestConvergence runs them")
			}
			ran.Add(1)
			convergePair(t, dir, url, from, online)
		})
	}
}

// onlineDiffers reports whether the up or down plan between from and to
// made with opts renders other SQL than the plain one.
func onlineDiffers(t *testing.T, from, to *schema.Database, opts diff.Options) bool {
	t.Helper()
	for _, plan := range []func(from, to *schema.Database, o diff.Options) (*diff.Plan, error){diff.Compare, diff.Down} {
		plain, err := plan(from, to, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		on, err := plan(from, to, opts)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := planSQL(t, plain)
		b, _ := planSQL(t, on)
		if a != b {
			return true
		}
	}
	return false
}

// TestOnlineMigrationsApply: an --online migration (pair 173: every online
// step) generated in every format runs with the format's tool (or its
// semantics) on the real server, where each statement that must run outside
// a transaction does, and every file or section that can opens with the
// timeouts; the database then equals the desired schema, and the down
// migrations take it back to empty.
func TestOnlineMigrationsApply(t *testing.T) {
	pair := filepath.Join(repoRoot, "testdata", "convergence", "173_online_steps_over_rows")
	_, from := buildFrom(t, pair)
	want := []*schema.Database{from, loadFile(t, filepath.Join(pair, "to.hcl"))}
	timeouts := &render.Timeouts{Lock: 5 * time.Second}
	for _, f := range []migrate.Format{migrate.SQL, migrate.GolangMigrate, migrate.Goose, migrate.Dbmate, migrate.Flyway, migrate.Alembic} {
		t.Run(string(f), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "migrations")
			now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
			var written []string
			for i, db := range want {
				d, err := migrate.Open(dir, f)
				if err != nil {
					t.Fatal(err)
				}
				current, err := d.State(schema.Postgres)
				if err != nil {
					t.Fatal(err)
				}
				opts := diff.Options{Online: i == 1}
				up, err := diff.Compare(current, db, opts)
				if err != nil {
					t.Fatal(err)
				}
				down, err := diff.Down(current, db, opts)
				if err != nil {
					t.Fatal(err)
				}
				req := migrate.Request{Message: fmt.Sprintf("step %d", i+1), Command: "test", Up: up, Down: down, State: db, Now: now}
				if opts.Online {
					req.Timeouts = timeouts
				}
				paths, err := d.Write(req)
				if err != nil {
					t.Fatalf("step %d: %v", i+1, err)
				}
				if i == 1 {
					written = paths
				}
			}
			var set int
			for _, p := range written {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				set += strings.Count(string(data), "SET lock_timeout = 5000")
			}
			if set == 0 {
				t.Errorf("no file of the online migration sets lock_timeout: %v", written)
			}
			url := pgtest.NewDB(t)
			toolOf(f).up(t, dir, url)
			if plan := compareWith(t, liveState(t, url), want[1], diff.Options{}); len(plan.Changes) > 0 {
				t.Errorf("after the up migrations: %d changes, first %s", len(plan.Changes), render.Describe(plan.Dialect, plan.Changes[0]))
			}
			toolOf(f).down(t, dir, url)
			if left := liveState(t, url); len(left.Tables) > 0 {
				t.Errorf("after the down migrations %d tables are left", len(left.Tables))
			}
		})
	}
}
