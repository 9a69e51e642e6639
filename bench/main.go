// Command bench times whole schemadiff commands on generated schemas of N
// tables against pg_dump --schema-only of the same database, and prints a
// markdown table for docs/performance.md.
//
//	go run ./bench -n 500,2000,5000 -runs 3
//
// For every N it starts (once) a private PostgreSQL server the way the tests
// do (internal/pgtest), creates the N tables of internal/benchschema there,
// writes the schema files (one HCL file, one YAML file, and split folders,
// through schemadiff inspect itself), a copy with 10% of the tables changed,
// and a project with 50 migrations. Each command then runs -runs times,
// paired with pg_dump (A B A B …): the ratio of each pair's wall times is the
// figure that holds on a noisy machine. Wall and CPU (user+system) times are
// medians; peak memory is the largest maximum resident set size seen.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/benchschema"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

func main() {
	sizes := flag.String("n", "500,2000,5000", "comma-separated table counts")
	runs := flag.Int("runs", 3, "paired runs per command")
	only := flag.String("only", "", "comma-separated command names to run (default: all; see -list)")
	list := flag.Bool("list", false, "list the command names and exit")
	out := flag.String("o", "", "also write the markdown table to this file")
	keep := flag.String("keep", "", "write the schema files and projects into this folder and keep them (for profiling)")
	flag.Parse()
	if *list {
		for _, c := range commands {
			fmt.Println(c.name)
		}
		return
	}
	// An interrupt cancels the run, so that the PostgreSQL server and the
	// work folder are removed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, *sizes, *runs, *only, *out, *keep)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// setup is what the commands of one N run against.
type setup struct {
	bin, url, dir string
}

// path returns a path inside the setup's folder.
func (s setup) path(p ...string) string { return filepath.Join(append([]string{s.dir}, p...)...) }

// command is one timed schemadiff command.
type command struct {
	name string
	what string
	args func(s setup) []string
	// dir is the working directory (default: the setup's folder).
	dir func(s setup) string
	// before runs before every timed run, untimed (e.g. undoing generate's
	// new migration).
	before func(s setup) error
	// codes are the exit codes that count as success (default 0).
	codes []int
	// project says the command runs in the project of 50 migrations (only
	// made when a selected command needs it).
	project bool
}

var commands = []command{
	{name: "inspect-json", what: "inspect --format json", args: func(s setup) []string { return []string{"inspect", "--url", s.url, "--format", "json"} }},
	{name: "inspect-hcl", what: "inspect --format hcl", args: func(s setup) []string { return []string{"inspect", "--url", s.url} }},
	{name: "validate-hcl", what: "validate, one HCL file", args: func(s setup) []string { return []string{"validate", s.path("one.hcl")} }},
	{name: "validate-yaml", what: "validate, one YAML file", args: func(s setup) []string { return []string{"validate", s.path("one.yaml")} }},
	{name: "validate-split-hcl", what: "validate, split HCL folder", args: func(s setup) []string { return []string{"validate", s.path("split-hcl")} }},
	{name: "validate-split-yaml", what: "validate, split YAML folder", args: func(s setup) []string { return []string{"validate", s.path("split-yaml")} }},
	{name: "diff-files", what: "diff file↔file (one HCL file each, 10% changed)", args: func(s setup) []string {
		return []string{"diff", "--from", s.path("one.hcl"), "--to", s.path("changed.hcl")}
	}},
	{name: "diff-folders", what: "diff folder↔folder (split HCL, 10% changed)", args: func(s setup) []string {
		return []string{"diff", "--from", s.path("split-hcl"), "--to", s.path("changed")}
	}},
	{name: "diff-db-folder", what: "diff database↔folder (10% changed)", args: func(s setup) []string {
		return []string{"diff", "--from", s.url, "--to", s.path("changed")}
	}},
	{name: "generate", what: "generate (50 migrations, 10% changed)", dir: projectDir, before: resetProject, project: true,
		args: func(s setup) []string { return []string{"generate", "-m", "bench"} }},
	{name: "check", what: "check (50 migrations, 10% changed)", dir: projectDir, codes: []int{0, 1}, project: true,
		args: func(s setup) []string { return []string{"check"} }},
	{name: "review", what: "review --dir (the 50 migrations)", dir: projectDir, codes: []int{0, 1}, project: true,
		args: func(s setup) []string { return []string{"review", "--dialect", "postgres", "--dir", "migrations"} }},
}

func projectDir(s setup) string { return s.path("project") }

// bigMigration is the up file of the project's 50th migration, which
// creates all tables but the first 49.
const bigMigration = "000050_rest.up.sql"

// resetProject removes what a timed generate added to the project.
func resetProject(s setup) error {
	dst := s.path("project", "migrations")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	return exec.Command("cp", "-a", s.path("migrations.orig"), dst).Run()
}

// result is the measurements of one command at one N.
type result struct {
	n                       int
	name, what              string
	wall, cpu, dumpWall     time.Duration // medians
	ratio, ratioLo, ratioHi float64
	maxRSS                  int64 // KiB
}

func run(ctx context.Context, sizes string, runs int, only, out, keep string) error {
	var ns []int
	for _, f := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 50 {
			return fmt.Errorf("-n %q: want table counts of 50 and more", sizes)
		}
		ns = append(ns, n)
	}
	selected := commands
	if only != "" {
		selected = nil
		for _, name := range strings.Split(only, ",") {
			i := slices.IndexFunc(commands, func(c command) bool { return c.name == name })
			if i < 0 {
				return fmt.Errorf("-only: unknown command %q (see -list)", name)
			}
			selected = append(selected, commands[i])
		}
	}
	work, err := os.MkdirTemp("", "schemadiff-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	files := work
	if keep != "" {
		files = keep
	}
	bin := filepath.Join(work, "schemadiff")
	if b, err := exec.Command("go", "build", "-o", bin, "./cmd/schemadiff").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v: %s", err, b)
	}
	// pg_dump locks every table it dumps: 20,000 tables need a lock table
	// larger than the default.
	srv, err := pgtest.StartWith(ctx, "max_locks_per_transaction=1024")
	if err != nil {
		return err
	}
	defer srv.Stop()

	var results []result
	for _, n := range ns {
		s := setup{bin: bin, dir: filepath.Join(files, strconv.Itoa(n))}
		start := time.Now()
		project := slices.ContainsFunc(selected, func(c command) bool { return c.project })
		if s.url, err = prepare(ctx, srv.AdminURL(), s, n, project); err != nil {
			return fmt.Errorf("%d tables: %w", n, err)
		}
		fmt.Fprintf(os.Stderr, "bench: %d tables ready in %v\n", n, time.Since(start).Round(time.Second))
		for _, c := range selected {
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := measure(s, c, n, runs)
			if err != nil {
				return fmt.Errorf("%d tables: %s: %w", n, c.name, err)
			}
			fmt.Fprintf(os.Stderr, "bench: %d tables: %-20s wall %6.2fs cpu %6.2fs peak %4d MiB  pg_dump %6.2fs  ratio %.2f (%.2f–%.2f)\n",
				n, c.name, r.wall.Seconds(), r.cpu.Seconds(), r.maxRSS/1024, r.dumpWall.Seconds(), r.ratio, r.ratioLo, r.ratioHi)
			results = append(results, r)
		}
	}
	table := markdown(results, runs)
	fmt.Print(table)
	if out != "" {
		return os.WriteFile(out, []byte(table), 0o644)
	}
	return nil
}

// prepare creates the database of n tables and the files the commands use
// (and the project of 50 migrations when project is set), and returns the
// database's URL.
func prepare(ctx context.Context, admin string, s setup, n int, project bool) (string, error) {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return "", err
	}
	name := fmt.Sprintf("bench_%d", n)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return "", err
	}
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name)
	if err == nil {
		_, err = conn.Exec(ctx, "CREATE DATABASE "+name)
	}
	conn.Close(ctx)
	if err != nil {
		return "", err
	}
	url := strings.Replace(admin, "/postgres?", "/"+name+"?", 1)
	if url == admin {
		return "", fmt.Errorf("cannot name database %s in the server URL", name)
	}
	base, err := schema.Normalize(benchschema.Database(n, nil))
	if err != nil {
		return "", err
	}
	if err := createTables(ctx, url, base); err != nil {
		return "", err
	}
	if err := settle(ctx, url); err != nil {
		return "", err
	}
	// The schema files, written by schemadiff inspect from the database.
	for _, f := range []struct{ args []string }{
		{[]string{"inspect", "--url", url, "--format", "hcl"}},
		{[]string{"inspect", "--url", url, "--format", "yaml"}},
		{[]string{"inspect", "--url", url, "--format", "hcl", "--split", s.path("split-hcl")}},
		{[]string{"inspect", "--url", url, "--format", "yaml", "--split", s.path("split-yaml")}},
	} {
		var stdout bytes.Buffer
		cmd := exec.Command(s.bin, f.args...)
		cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("schemadiff %s: %w", strings.Join(f.args[:4], " "), err)
		}
		if !slices.Contains(f.args, "--split") {
			if err := os.WriteFile(s.path("one."+f.args[4]), stdout.Bytes(), 0o644); err != nil {
				return "", err
			}
		}
	}
	changed, err := schema.Normalize(benchschema.Database(n, benchschema.EveryTenth))
	if err != nil {
		return "", err
	}
	if err := writeFile(s.path("changed.hcl"), changed); err != nil {
		return "", err
	}
	if err := writeSplit(s.path("changed"), changed); err != nil {
		return "", err
	}
	if project {
		if err := writeProject(s, n, changed); err != nil {
			return "", err
		}
	}
	return url, nil
}

// createTables creates db's tables in the database at url, with the DDL
// schemadiff renders for them.
func createTables(ctx context.Context, url string, db *schema.Database) error {
	plan, err := diff.Compare(&schema.Database{Dialect: db.Dialect}, db, diff.Options{})
	if err != nil {
		return err
	}
	stmts, err := render.SQL(plan)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	const batch = 500
	for i := 0; i < len(stmts); i += batch {
		var sql strings.Builder
		for _, st := range stmts[i:min(i+batch, len(stmts))] {
			sql.WriteString(st.SQL + ";\n")
		}
		if _, err := conn.Exec(ctx, sql.String(), pgx.QueryExecModeSimpleProtocol); err != nil {
			return fmt.Errorf("creating tables: %w", err)
		}
	}
	return nil
}

// settle runs VACUUM ANALYZE on the database at url, as autovacuum does soon
// after tables are created: without it the first commands measured competed
// with autovacuum for the cores, and the catalogs had no statistics, which
// a database in use has.
func settle(ctx context.Context, url string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		return fmt.Errorf("VACUUM ANALYZE: %w", err)
	}
	return nil
}

// writeFile writes db as one HCL file.
func writeFile(path string, db *schema.Database) error {
	var buf bytes.Buffer
	if err := schema.WriteHCL(&buf, db); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeSplit writes db into dir as schema.SplitFiles lays it out.
func writeSplit(dir string, db *schema.Database) error {
	for _, f := range schema.SplitFiles(db, "hcl") {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := writeFile(path, f.DB); err != nil {
			return err
		}
	}
	return nil
}

// writeProject makes a project of the n tables with 50 migrations, with
// schemadiff generate: 49 that each add one table, and a 50th that adds the
// rest. Its desired schema is then the changed one (10% of the tables), so
// that generate has a migration to write and check reports changes.
func writeProject(s setup, n int, changed *schema.Database) error {
	project := s.path("project")
	config := "dialect: postgres\nschema: [schema]\nmigrations:\n  dir: migrations\n  seq: true\n"
	if err := os.MkdirAll(project, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(project, "schemadiff.yaml"), []byte(config), 0o644); err != nil {
		return err
	}
	full := benchschema.Database(n, nil)
	for k := 1; k <= 50; k++ {
		part, msg := *full, "rest"
		if k < 50 {
			part.Tables, msg = full.Tables[:k], fmt.Sprintf("table %d", k)
			// the first tables' foreign keys point to earlier tables only
		}
		db, err := schema.Normalize(&part)
		if err != nil {
			return err
		}
		if err := os.RemoveAll(filepath.Join(project, "schema")); err != nil {
			return err
		}
		if err := writeSplit(filepath.Join(project, "schema"), db); err != nil {
			return err
		}
		cmd := exec.Command(s.bin, "generate", "-m", msg)
		cmd.Dir = project
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("schemadiff generate (migration %d): %v: %s", k, err, b)
		}
	}
	if _, err := os.Stat(filepath.Join(project, "migrations", bigMigration)); err != nil {
		return fmt.Errorf("the project's 50th migration: %w", err)
	}
	if err := os.RemoveAll(filepath.Join(project, "schema")); err != nil {
		return err
	}
	if err := writeSplit(filepath.Join(project, "schema"), changed); err != nil {
		return err
	}
	return exec.Command("cp", "-a", filepath.Join(project, "migrations"), s.path("migrations.orig")).Run()
}

// sample is one timed process.
type sample struct {
	wall, cpu time.Duration
	maxRSS    int64 // KiB
}

// timeProcess runs name with args in dir, output discarded, and measures
// it. CPU time and peak memory come from GNU time (/usr/bin/time), which
// starts the process itself: a process started by this (large) program
// reports this program's resident set as its own peak when it is smaller.
func timeProcess(dir string, codes []int, name string, args ...string) (sample, error) {
	stats, err := os.CreateTemp("", "schemadiff-bench-time-")
	if err != nil {
		return sample{}, err
	}
	stats.Close()
	defer os.Remove(stats.Name())
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M %U %S", "-o", stats.Name(), name}, args...)...)
	cmd.Dir = dir
	cmd.Stdout = io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return sample{}, err
	}
	if code := cmd.ProcessState.ExitCode(); !slices.Contains(codes, code) {
		return sample{}, fmt.Errorf("%s exited %d: %s", filepath.Base(name), code, stderr.String())
	}
	text, err := os.ReadFile(stats.Name())
	if err != nil {
		return sample{}, err
	}
	// The last line holds the figures (GNU time writes "Command exited with
	// non-zero status" before them).
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	var rss int64
	var user, sys float64
	if _, err := fmt.Sscanf(lines[len(lines)-1], "%d %f %f", &rss, &user, &sys); err != nil {
		return sample{}, fmt.Errorf("reading /usr/bin/time's output %q: %w", text, err)
	}
	return sample{wall: wall, cpu: time.Duration((user + sys) * float64(time.Second)), maxRSS: rss}, nil
}

// measure runs c runs times, each paired with pg_dump --schema-only.
func measure(s setup, c command, n, runs int) (result, error) {
	dir := s.dir
	if c.dir != nil {
		dir = c.dir(s)
	}
	codes := c.codes
	if codes == nil {
		codes = []int{0}
	}
	var walls, cpus, dumps []time.Duration
	var ratios []float64
	var rss int64
	for range runs {
		dump, err := timeProcess(s.dir, []int{0}, "pg_dump", "--schema-only", "-f", os.DevNull, s.url)
		if err != nil {
			return result{}, err
		}
		if c.before != nil {
			if err := c.before(s); err != nil {
				return result{}, err
			}
		}
		got, err := timeProcess(dir, codes, s.bin, c.args(s)...)
		if err != nil {
			return result{}, err
		}
		walls, cpus, dumps = append(walls, got.wall), append(cpus, got.cpu), append(dumps, dump.wall)
		ratios = append(ratios, got.wall.Seconds()/dump.wall.Seconds())
		rss = max(rss, got.maxRSS)
	}
	slices.Sort(ratios)
	return result{
		n: n, name: c.name, what: c.what,
		wall: median(walls), cpu: median(cpus), dumpWall: median(dumps),
		ratio: medianF(ratios), ratioLo: ratios[0], ratioHi: ratios[len(ratios)-1],
		maxRSS: rss,
	}, nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianF(f []float64) float64 { return f[len(f)/2] }

// markdown renders results as the table of docs/performance.md.
func markdown(results []result, runs int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| tables | command | wall (median) | CPU user+sys | peak RSS | pg_dump wall | ratio to pg_dump (median, min–max of %d) |\n", runs)
	b.WriteString("|---:|---|---:|---:|---:|---:|---|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %d | %s | %.2f s | %.2f s | %d MiB | %.2f s | %.2f (%.2f–%.2f) |\n",
			r.n, r.what, r.wall.Seconds(), r.cpu.Seconds(), r.maxRSS/1024, r.dumpWall.Seconds(), r.ratio, r.ratioLo, r.ratioHi)
	}
	return b.String()
}
