package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestEmptyDesiredSchema (issue 9 item 1): a path with no schema files is an
// error, never an empty schema; a schema that declares no tables against a
// state with tables needs --allow-drop-all (or allow_drop_all in the
// configuration) before diff prints, generate writes or check reports the
// plan that drops everything.
func TestEmptyDesiredSchema(t *testing.T) {
	url := seed000DB(t)
	users := filepath.Join(examples, "users.hcl")
	noTables, _ := filepath.Abs(filepath.Join(examples, "empty.hcl"))
	emptyDir := t.TempDir()
	os.WriteFile(filepath.Join(emptyDir, "README.md"), []byte("the schema moved away"), 0o644)
	const consent = "give --allow-drop-all"
	tests := []struct {
		name string
		args []string
		code int
		want string // on stderr, or on stdout when code is 0
	}{
		{"diff --to a folder without schema files", []string{"diff", "--from", url, "--to", emptyDir}, 2, "no schema files in " + emptyDir},
		{"diff --from a folder without schema files", []string{"diff", "--from", emptyDir, "--to", users}, 2, "no schema files in " + emptyDir},
		{"validate a folder without schema files", []string{"validate", emptyDir}, 2, "no schema files in " + emptyDir},
		{"diff to no tables", []string{"diff", "--from", url, "--to", noTables}, 2, consent},
		{"diff --down to no tables", []string{"diff", "--from", noTables, "--to", url, "--down"}, 2, consent},
		{"diff to no tables, allowed", []string{"diff", "--from", url, "--to", noTables, "--allow-drop-all"}, 0, `DROP TABLE "public"."users"`},
		{"diff from no tables", []string{"diff", "--from", noTables, "--to", url}, 0, `CREATE TABLE "public"."users"`},
		{"generate to no tables", []string{"generate", "-m", "drop", "--to", noTables}, 2, consent},
		{"check to no tables", []string{"check", "--to", noTables}, 2, consent},
		{"generate --to a folder without schema files", []string{"generate", "-m", "drop", "--to", emptyDir}, 2, "no schema files in"},
		{"generate to no tables, allowed", []string{"generate", "-m", "drop", "--to", noTables, "--allow-drop-all"}, 0, "wrote migrations/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newProject(t)
			before := tree(t)
			r := runCLI(t, tt.args...)
			out := r.stderr
			if tt.code == 0 {
				out = r.stdout
			}
			if r.code != tt.code || !strings.Contains(out, tt.want) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d with %q", r.code, r.stdout, r.stderr, tt.code, tt.want)
			}
			if tt.code != 0 && (r.stdout != "" || tree(t) != before) {
				t.Errorf("refused, yet printed %q or wrote files", r.stdout)
			}
		})
	}
	t.Run("allow_drop_all in the configuration", func(t *testing.T) {
		newProject(t)
		edit(t, "schemadiff.yaml", "to: [schema]", "to: [schema]\nallow_drop_all: true")
		if r := runCLI(t, "check", "--to", noTables); r.code != 1 || !strings.Contains(r.stdout, "drop table public.users") {
			t.Errorf("exit %d: %s%s", r.code, r.stdout, r.stderr)
		}
	})
}

// passwordMarker is the password the redaction tests give; it must never be printed.
const passwordMarker = "Mk7pZqSecret"

// leakArgs are command lines of every command, "U" standing for a URL-like
// input with passwordMarker in it, in every flag and argument that takes
// user text.
func leakArgs(schemaFile, dir string) [][]string {
	return [][]string{
		{"diff", "--from", "U", "--to", schemaFile},
		{"diff", "--from", schemaFile, "--to", "U"},
		{"diff", "--from", schemaFile, "--to", schemaFile, "--dev-url", "U"},
		{"diff", "--from", "U", "--to", "U", "--format", "U"},
		{"diff", "--from=U", "--to", schemaFile, "--schema", "U", "--exclude", "U"},
		{"inspect", "--url", "U"},
		{"inspect", "--url", "U", "--schema", "U", "--format", "yaml"},
		{"validate", "U"},
		{"validate", "--dialect", "U", schemaFile},
		{"fmt", "U"},
		{"review", "--to", "U", "U"},
		{"review", "--dir", "U", "--to", schemaFile},
		{"init", "--dialect", "U"},
		{"init", "--dir-format", "U"},
		{"generate", "-m", "U", "--url", "U", "--to", schemaFile, "--dir", dir},
		{"generate", "-m", "x", "--to", "U", "--dir", dir},
		{"generate", "-m", "x", "--to", schemaFile, "--dir", dir, "--dev-url", "U"},
		{"generate", "-m", "x", "--to", schemaFile, "--dir", "U", "--dir-format", "U"},
		{"check", "--url", "U", "--to", schemaFile, "--dir", dir},
		{"check", "--config", "U"},
		{"check", "--env", "U", "--to", schemaFile, "--dir", dir},
		{"migrate", "hash", "--dev-url", "U", "--dir", dir},
		{"migrate", "hash", "--dir", "U"},
		{"completion", "U"},
		{"U"},
	}
}

// assertNoPassword runs every command of leakArgs with input and fails when
// passwordMarker shows in stdout or stderr.
func assertNoPassword(t *testing.T, input string) {
	t.Helper()
	schemaFile, _ := filepath.Abs(filepath.Join(examples, "users.hcl"))
	dir := t.TempDir()
	t.Chdir(t.TempDir()) // init and generate write nowhere that matters
	for _, args := range leakArgs(schemaFile, dir) {
		line := make([]string, len(args))
		for i, a := range args {
			line[i] = strings.ReplaceAll(a, "U", input)
		}
		// A bound, so that an input that makes a driver wait cannot stall
		// the fuzzer; an interrupted run is checked like any other.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		var stdout, stderr bytes.Buffer
		start := time.Now()
		run(ctx, line, &stdout, &stderr)
		cancel()
		if out := stdout.String() + stderr.String(); strings.Contains(out, passwordMarker) {
			t.Errorf("schemadiff %q printed the password:\n%s", line, out)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Logf("schemadiff %q took %v", line, d)
		}
	}
}

// passwordSeeds are URL-like inputs holding passwordMarker: with and without
// a scheme, in any case, with the characters that cut URLs short.
func passwordSeeds() []string {
	host := "@127.0.0.1:1/app?connect_timeout=2"
	return []string{
		"postgres://app:" + passwordMarker + host,
		"Postgres://app:" + passwordMarker + host,
		"POSTGRESQL://app:" + passwordMarker + host,
		"sqlserver://sa:" + passwordMarker + "@127.0.0.1:1?database=x&dial+timeout=2",
		"mysql://root:" + passwordMarker + host,
		"app:" + passwordMarker + "@localhost/app",
		"app:" + passwordMarker + "@127.0.0.1:1",
		"postgres://app:a#" + passwordMarker + host,
		"postgres://app:a?" + passwordMarker + host,
		"postgres://app:a/" + passwordMarker + host,
		"postgres://app:" + passwordMarker + "@",
		"host=127.0.0.1 port=1 user=app password=" + passwordMarker,
		"Server=127.0.0.1,1;User Id=sa;Password=" + passwordMarker + ";",
		"postgres://127.0.0.1:1/app?password=" + passwordMarker,
	}
}

// TestPasswordNeverPrinted (issue 9 item 11) runs the seed corpus of
// FuzzPasswordNeverPrinted.
func TestPasswordNeverPrinted(t *testing.T) {
	for _, s := range passwordSeeds() {
		t.Run(s, func(t *testing.T) { assertNoPassword(t, s) })
	}
}

// FuzzPasswordNeverPrinted feeds URL-like inputs whose password holds
// passwordMarker to every command: go test -fuzz FuzzPasswordNeverPrinted
// ./cmd/schemadiff. An input is user + ":" + marker + rest + "@" + host:
// the fuzzer varies the scheme and user, and the rest of the password; the
// host stays 127.0.0.1:1, where nothing listens, so every attempt fails fast.
func FuzzPasswordNeverPrinted(f *testing.F) {
	const host = "@127.0.0.1:1/app?connect_timeout=2"
	for _, user := range []string{"postgres://app", "Postgres://app", "sqlserver://sa", "mysql://root", "app", "-app", "postgres://"} {
		for _, rest := range []string{"", "#x", "?x", "/x", "@x", " x", "%40x", ":x"} {
			f.Add(user, rest)
		}
	}
	f.Fuzz(func(t *testing.T, user, rest string) {
		_, afterScheme, _ := strings.Cut(user, "://")
		if strings.Contains(user+rest, "U") || strings.Contains(afterScheme, "/") || !strings.Contains(user, "://") && strings.Contains(user, "/") {
			t.Skip("U stands for the input in leakArgs; a / in the user ends the userinfo, so the marker is no password")
		}
		assertNoPassword(t, user+":"+passwordMarker+rest+host)
	})
}

// TestInterruptWritesNothing (issue 9 item 12): SIGINT or SIGTERM while
// generate waits on a database that never answers exits 130 and writes
// nothing. It runs the real binary.
func TestInterruptWritesNothing(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "schemadiff")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := newProject(t)
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
			edit(t, "schema/schema.hcl", `  column "email" {`, "  column \"nick\" {\n    type = \"text\"\n    null = true\n  }\n  column \"email\" {")
			before := tree(t)
			cmd := exec.Command(bin, "generate", "-m", "late", "--url", "postgres://app:"+passwordMarker+"@"+ln.Addr().String()+"/app?sslmode=disable")
			cmd.Dir = dir
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case c := <-accepted:
				defer c.Close()
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("generate never connected")
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("generate did not stop on %v", sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
				t.Errorf("exit %d, want 130; stderr %q", code, stderr.String())
			}
			if after := tree(t); after != before {
				t.Errorf("generate wrote files after %v", sig)
			}
			if strings.Contains(stdout.String()+stderr.String(), passwordMarker) {
				t.Errorf("the password was printed: %s%s", stdout.String(), stderr.String())
			}
		})
	}
}

// TestSmallOnes (issue 9 item 14): one row per small fault.
func TestSmallOnes(t *testing.T) {
	nullEnum := writeSchema(t, "enum.yaml", "dialect: postgres\nenums:\n  - name: mood\n    values: [happy, null]\n")
	number := writeSchema(t, "num.yaml", "dialect: postgres\ntables:\n  - name: t\n    columns:\n      - {name: v, type: text, default: 1.10}\n      - {name: n, type: numeric, default: 2.50}\n")
	yamlFile := writeSchema(t, "users.yaml", "dialect: postgres\n")
	tests := []struct {
		name    string
		args    []string
		code    int
		want    []string // in stdout+stderr
		notWant []string
	}{
		{"null among enum values", []string{"validate", nullEnum}, 2, []string{"enum.yaml:4:21", "values item must be a string, not null"}, []string{"not a string"}},
		{"fmt on a YAML file", []string{"fmt", yamlFile}, 2, []string{"users.yaml: fmt formats HCL schema files only"}, []string{"Argument or block definition required"}},
		{"a number default for text is kept as written", []string{"diff", "--from", filepath.Join(examples, "empty.hcl"), "--to", number}, 0, []string{`"v" text DEFAULT '1.10'`}, []string{"'1.1'"}},
		{"plurals", []string{"validate", filepath.Join(examples, "users.hcl")}, 0, []string{"1 table, 0 enums, 1 schema"}, []string{"1 tables"}},
		{"capital scheme", []string{"inspect", "--url", "Postgres://app:Secret1!@127.0.0.1:1/db?connect_timeout=2"}, 2, []string{"cannot reach PostgreSQL at 127.0.0.1:1", "app:xxxxx@"}, []string{"unsupported", "Secret1!"}},
		{"validate prints paths as given", []string{"validate", "../../testdata/examples/postgres/users.hcl"}, 0, []string{"../../testdata/examples/postgres/users.hcl: valid"}, []string{"/work"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			out := r.stdout + r.stderr
			if r.code != tt.code {
				t.Errorf("exit %d, want %d: %s", r.code, tt.code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
	t.Run("authentication error is one clean line", func(t *testing.T) {
		admin := pgtest.AdminURL(t)
		wrong := strings.Replace(admin, "postgres@", "nobody:Secret1!@", 1)
		r := runCLI(t, "inspect", "--url", wrong)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || strings.Contains(r.stderr, "tls error") || !strings.Contains(r.stderr, "authentication failed") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})
}
