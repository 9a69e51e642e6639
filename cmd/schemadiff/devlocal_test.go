package main

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/internal/pgserver"
	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// privateTmp points TMPDIR at a fresh folder (that the postgres OS user can
// traverse, as a private server run as root needs) and returns it, so that
// a test sees what a private server leaves behind.
func privateTmp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", dir)
	return dir
}

// leftServers lists the private servers' dirs left in tmp.
func leftServers(t *testing.T, tmp string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(tmp, "schemadiff-pg-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// needBinaries skips t when the PostgreSQL server binaries are not
// installed (fails it with CI=true), as pgtest does.
func needBinaries(t *testing.T) {
	t.Helper()
	if _, err := pgserver.Find(t.Context()); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

// TestDevURLLocal: --dev-url local (and dev_url: local in the configuration)
// starts a private PostgreSQL server for the command, uses it as the scratch
// server, and leaves nothing behind; without server binaries it says how to
// get them and exits 2.
func TestDevURLLocal(t *testing.T) {
	needBinaries(t)
	url := pgtest.NewDB(t)
	// PostgreSQL casts the integer to double precision for interval * float8:
	// only a server normalizes this check to what the database holds.
	pgtest.Exec(t, url, `CREATE TABLE events (at timestamptz NOT NULL, CONSTRAINT events_at_check CHECK (at > now() - '1 day'::interval * 2))`)
	const eventsHCL = `dialect = "postgres"

table "events" {
  column "at" {
    type = "timestamptz"
  }
  check "events_at_check" {
    expr = "at > now() - '1 day'::interval * 2"
  }
}
`
	events := writeSchema(t, "events.hcl", eventsHCL)
	const missing = "--dev-url local needs the PostgreSQL server binaries: apt-get install postgresql"
	tests := []struct {
		name    string
		config  string   // appended to the project's schemadiff.yaml; "" runs outside a project
		schema  string   // replaces the project's schema/schema.hcl
		before  []string // a command run first, which must succeed
		binDir  string   // SCHEMADIFF_PG_BINDIR: "" leaves it unset, "none" points it nowhere
		args    []string
		code    int
		stdout  string // in stdout
		stderr  string // in stderr
		noStdio bool   // stdout and stderr must be empty
	}{
		{name: "diff normalizes on the private server", args: []string{"diff", "--from", url, "--to", events, "--dev-url", "local", "--exit-code"}, code: exitOK, noStdio: true},
		{name: "check replays the migrations on it (dev_url: local)", config: "dev_url: local\n", args: []string{"check"}, code: exitOK, stdout: "OK: the 1 migration in"},
		{name: "check normalizes the schema files on it too", config: "dev_url: local\n", schema: eventsHCL, before: []string{"generate", "-m", "events"}, args: []string{"check"}, code: exitOK, stdout: "OK: the 2 migrations in"},
		{name: "migrate hash replays on it", config: "\n", args: []string{"migrate", "hash", "--dev-url", "local"}, code: exitOK, stdout: "wrote migrations/schemadiff.sum"},
		{name: "no binaries: diff", binDir: "none", args: []string{"diff", "--from", url, "--to", events, "--dev-url", "local"}, code: exitFailure, stderr: missing},
		{name: "no binaries: check with dev_url: local", config: "dev_url: local\n", binDir: "none", args: []string{"check"}, code: exitFailure, stderr: missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.config != "" {
				newProject(t)
				f, err := os.OpenFile("schemadiff.yaml", os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				f.WriteString(tt.config)
				f.Close()
			}
			if tt.schema != "" {
				if err := os.WriteFile(filepath.Join("schema", "schema.hcl"), []byte(tt.schema), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tmp := privateTmp(t)
			if tt.binDir == "none" {
				t.Setenv(pgserver.EnvBinDir, filepath.Join(tmp, "nowhere"))
			}
			if tt.before != nil {
				if r := runCLI(t, tt.before...); r.code != exitOK {
					t.Fatalf("%v: exit %d: %s", tt.before, r.code, r.stderr)
				}
			}
			begin := time.Now()
			r := runCLI(t, tt.args...)
			t.Logf("%s: %v", strings.Join(tt.args, " "), time.Since(begin).Round(time.Millisecond))
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, want %d\nstdout (want %q):\n%s\nstderr (want %q):\n%s", r.code, tt.code, tt.stdout, r.stdout, tt.stderr, r.stderr)
			}
			if tt.noStdio && r.stdout+r.stderr != "" {
				t.Errorf("output: %q %q (progress is for terminals only)", r.stdout, r.stderr)
			}
			if left := leftServers(t, tmp); len(left) > 0 {
				t.Errorf("the private server left %v behind", left)
			}
		})
	}
}

// TestDevURLLocalInterrupted: SIGINT or SIGTERM while the built binary holds
// a private server (check has replayed on it and waits on a database that
// never answers) exits 130, stops the server and removes its files.
func TestDevURLLocalInterrupted(t *testing.T) {
	needBinaries(t)
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := newProject(t)
			tmp := privateTmp(t)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			accepted := make(chan net.Conn, 1)
			go func() {
				if c, err := ln.Accept(); err == nil {
					accepted <- c // hold it open, never answer
				}
			}()
			cmd := exec.Command(bin, "check", "--dev-url", "local", "--url", "postgres://app@"+ln.Addr().String()+"/app?sslmode=disable")
			cmd.Dir = dir
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case c := <-accepted:
				defer c.Close()
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("check never connected; stderr %q", stderr.String())
			}
			left := leftServers(t, tmp)
			if len(left) != 1 {
				cmd.Process.Kill()
				t.Fatalf("want one running private server, have %v", left)
			}
			pid, err := pgserver.PostmasterPID(filepath.Join(left[0], "data"))
			if err != nil {
				t.Fatal(err)
			}
			if code := signalAndWait(t, cmd, sig); code != exitInterrupted {
				t.Errorf("exit %d, want 130; stderr %q", code, stderr.String())
			}
			if left := leftServers(t, tmp); len(left) > 0 {
				t.Errorf("the private server left %v behind", left)
			}
			if pgserver.Alive(pid) {
				t.Errorf("the postmaster (pid %d) still runs", pid)
			}
		})
	}
}

// TestDevURLLocalInterruptedWhileStarting: SIGTERM to the built binary while
// it initdb's its private server exits 130 at once, with one line, and
// leaves neither files nor processes (initdb runs as a child of runuser when
// we are root: the whole process group is killed, not runuser alone).
func TestDevURLLocalInterruptedWhileStarting(t *testing.T) {
	needBinaries(t)
	bin := buildBinary(t)
	tmp := privateTmp(t)
	cmd := exec.Command(bin, "diff", "--from", filepath.Join(examples, "empty.hcl"), "--to", filepath.Join(examples, "users.hcl"), "--dev-url", "local")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(leftServers(t, tmp)) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if len(leftServers(t, tmp)) == 0 {
		cmd.Process.Kill()
		t.Fatalf("no private server was started; stderr %q", stderr.String())
	}
	time.Sleep(100 * time.Millisecond) // initdb is running
	if code := signalAndWait(t, cmd, syscall.SIGTERM); code != exitInterrupted {
		t.Errorf("exit %d, want 130; stderr %q", code, stderr.String())
	}
	if msg := stderr.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "interrupted") {
		t.Errorf("stderr %q, want one line saying the command was interrupted", msg)
	}
	if left, procs := leftServers(t, tmp), processesUnder(t, tmp); len(left)+len(procs) > 0 {
		t.Errorf("left behind: dirs %v, processes %v", left, procs)
	}
}

// buildBinary builds schemadiff into a temp dir and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "schemadiff")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// signalAndWait sends sig to the running cmd and returns its exit code,
// failing t when it has not ended 30 seconds later.
func signalAndWait(t *testing.T, cmd *exec.Cmd, sig syscall.Signal) int {
	t.Helper()
	cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("%s did not stop on %v", strings.Join(cmd.Args, " "), sig)
	}
	return cmd.ProcessState.ExitCode()
}

// processesUnder lists the running processes whose command line names a
// path under dir.
func processesUnder(t *testing.T, dir string) []string {
	t.Helper()
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var out []string
	for _, p := range cmdlines {
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), dir+"/") {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if pgserver.Alive(pid) {
			out = append(out, strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
	return out
}
