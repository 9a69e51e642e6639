package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/diff"
	sdapply "github.com/schemadiff/schemadiff/internal/apply"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// loadRowsEnv names the environment variable that sets the rows of the load
// test's table (default loadRows).
const loadRowsEnv = "SCHEMADIFF_LOAD_ROWS"

// loadRows is the default size of the load test's table: large enough that
// the index builds and validation scans take a measurable time on a busy
// 2-core machine, small enough for CI's budget. SCHEMADIFF_LOAD_ROWS=1000000
// runs the 1 million rows.
const loadRows = 300_000

// loadLockTimeout is the lock_timeout the online migration runs with.
const loadLockTimeout = 5 * time.Second

// loadOutcome is what one run of the load test measured.
type loadOutcome struct {
	writes, failed int           // writes done (from just before the migration to its end), and writes that failed
	longest        time.Duration // the longest a write took
	blocked        int           // samples that saw the writer wait for a lock the migration held
	blockedFor     time.Duration // from the first to the last of those samples
	migration      time.Duration // how long the migration ran
	firstErr       error         // the first failed write
}

// TestOnlineMigrationUnderLoad is issue 14 item 2: on the real server, a
// writer inserts and updates rows of a table of loadRows rows (1 million with
// SCHEMADIFF_LOAD_ROWS=1000000) while a migration adds an index, a foreign
// key, a check, SET NOT NULL and a unique constraint. With --online (the
// plan diff.Options.Online makes, run as schemadiff apply runs it, with its
// lock_timeout), no write fails and the longest write takes less than the
// lock_timeout. With the plain plan, the writer is seen (pg_stat_activity,
// pg_blocking_pids) waiting for a lock the migration's session holds: a fact
// read from the server, not a timing; and its longest write lasts at least
// the time it was seen blocked. The times are logged for the record.
func TestOnlineMigrationUnderLoad(t *testing.T) {
	rows := loadRows
	if v := os.Getenv(loadRowsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1000 {
			t.Fatalf("%s=%q: give a number of rows, at least 1000", loadRowsEnv, v)
		}
		rows = n
	}
	to := loadSchema(t)
	for _, tc := range []struct {
		name   string
		online bool
	}{{"plain", false}, {"online", true}} {
		t.Run(tc.name, func(t *testing.T) {
			url := pgtest.NewDB(t)
			pgtest.Exec(t, url, fmt.Sprintf(`
CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL);
CREATE TABLE events (id integer NOT NULL, account_id integer NOT NULL, kind text, amount integer NOT NULL);
INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g;
INSERT INTO events SELECT g, 1 + g %% 1000, 'click', g %% 7 FROM generate_series(1, %d) g;
ANALYZE accounts;
ANALYZE events;`, rows))
			plan, err := diff.Compare(inspect(t, url), to, diff.Options{Online: tc.online})
			if err != nil {
				t.Fatal(err)
			}
			script, stmts := planSQL(t, plan)
			opts := sdapply.Options{}
			if tc.online {
				opts.LockTimeout = loadLockTimeout
			}
			out := runUnderLoad(t, url, rows, stmts, opts)
			t.Logf("%d rows, %s plan: migration %s; writer: %d writes during it, %d failed, longest %s; "+
				"writer seen blocked by the migration in %d samples over %s",
				rows, tc.name, out.migration.Round(time.Millisecond), out.writes, out.failed, out.longest.Round(time.Millisecond),
				out.blocked, out.blockedFor.Round(time.Millisecond))
			assertNoChanges(t, "after the "+tc.name+" migration", inspect(t, url), to)
			if out.writes == 0 {
				t.Fatalf("the writer did no write while the migration ran: the test measured nothing\n%s", script)
			}
			if tc.online {
				if out.failed > 0 {
					t.Errorf("%d writes failed under the online migration, first: %v", out.failed, out.firstErr)
				}
				if out.longest >= loadLockTimeout {
					t.Errorf("a write waited %s under the online migration, not less than its lock_timeout %s\n%s", out.longest, loadLockTimeout, script)
				}
				return
			}
			if out.blocked == 0 {
				t.Errorf("the writer was never seen waiting for the plain migration's locks\n%s", script)
			}
			// The plain plan is one transaction: the writer waits once, for
			// as long as the migration holds the lock, which the samples saw.
			if out.longest < out.blockedFor {
				t.Errorf("the longest write (%s) is shorter than the time the writer was seen blocked (%s)", out.longest, out.blockedFor)
			}
		})
	}
}

// loadSchema is the desired state of the load test: the tables of its
// from.sql with an index, a foreign key, a check, NOT NULL and a unique
// constraint added.
func loadSchema(t *testing.T) *schema.Database {
	t.Helper()
	return loadFile(t, filepath.Join(repoRoot, "testdata", "convergence", "173_online_steps_over_rows", "to.hcl"))
}

// runUnderLoad runs stmts on the database at url (as schemadiff apply does)
// while a writer inserts rows into events (ids after rows) and updates
// existing ones, and a monitor samples whether the writer waits for a lock
// the migration's session holds. It returns what they measured.
func runUnderLoad(t *testing.T, url string, rows int, stmts []render.Statement, opts sdapply.Options) loadOutcome {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	writer, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close(context.Background())
	monitor, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer monitor.Close(context.Background())
	var writerPID, monitorPID int
	if err := writer.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&writerPID); err != nil {
		t.Fatal(err)
	}
	if err := monitor.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&monitorPID); err != nil {
		t.Fatal(err)
	}

	var out loadOutcome
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // the writer: bounded by the migration, 200 000 writes and ctx
		defer wg.Done()
		for i := 0; i < 200_000; i++ {
			select {
			case <-done:
				return
			default:
			}
			id := rows + 1 + i
			start := time.Now()
			_, err := writer.Exec(ctx, "INSERT INTO events (id, account_id, kind, amount) VALUES ($1, $2, 'write', 1)", id, 1+i%1000)
			if err == nil {
				_, err = writer.Exec(ctx, "UPDATE events SET amount = amount + 1 WHERE id = $1", 1+(i*7919)%rows)
			}
			took := time.Since(start)
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return
			}
			out.writes++
			out.longest = max(out.longest, took)
			if err != nil {
				out.failed++
				if out.firstErr == nil {
					out.firstErr = err
				}
			}
		}
	}()
	go func() { // the monitor: is the writer waiting for a lock another session of the database holds?
		defer wg.Done()
		var first, last time.Time
		for {
			select {
			case <-done:
				if out.blocked > 0 {
					out.blockedFor = last.Sub(first)
				}
				return
			case <-time.After(5 * time.Millisecond):
			}
			var waiting bool
			err := monitor.QueryRow(ctx, `SELECT EXISTS (
  SELECT FROM pg_stat_activity a, unnest(pg_blocking_pids($1)) AS b(pid)
  WHERE a.pid = $1 AND a.wait_event_type = 'Lock' AND b.pid <> $2)`, writerPID, monitorPID).Scan(&waiting)
			if err != nil {
				return
			}
			if waiting {
				now := time.Now()
				if out.blocked == 0 {
					first = now
				}
				last = now
				out.blocked++
			}
		}
	}()
	time.Sleep(100 * time.Millisecond) // the writer runs before the migration starts
	start := time.Now()
	err = sdapply.Execute(ctx, url, stmts, opts)
	out.migration = time.Since(start)
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatalf("migration: %v", err)
	}
	return out
}
