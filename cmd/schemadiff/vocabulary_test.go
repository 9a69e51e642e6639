package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/kong"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// cliFlag is one flag of one command in kong's model.
type cliFlag struct {
	command string
	flag    *kong.Flag
}

// allFlags walks kong's model of the command line and returns every flag of
// every command, by flag name.
func allFlags(t *testing.T) map[string][]cliFlag {
	t.Helper()
	var c cli
	parser, err := kong.New(&c, kong.Name("schemadiff"), kong.Vars{"version": "test"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]cliFlag{}
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		for _, f := range n.Flags {
			out[f.Name] = append(out[f.Name], cliFlag{command: n.FullPath(), flag: f})
		}
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	walk(parser.Model.Node)
	return out
}

// meaning is what a flag's help says it is: the text before its first
// colon, or the whole help.
func meaning(help string) string {
	m, _, _ := strings.Cut(help, ":")
	return m
}

// TestOneVocabulary: no flag name means two things. Flags of one name have
// the same Go type and the same help, or helps that open with the same
// meaning ("Desired state: …"); hidden flags are deprecated spellings that
// name their replacement (or the --now test clock); docs/cli.md lists every
// flag.
func TestOneVocabulary(t *testing.T) {
	docs, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	deprecated := regexp.MustCompile(`^Deprecated: use --([a-z-]+)\.$`)
	flags := allFlags(t)
	names := make([]string, 0, len(flags))
	for n := range flags {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		var visible []cliFlag
		for _, f := range flags[name] {
			if !f.flag.Hidden {
				visible = append(visible, f)
				continue
			}
			m := deprecated.FindStringSubmatch(f.flag.OrigHelp)
			if m == nil && name != "now" {
				t.Errorf("%s --%s is hidden but not a deprecated spelling (help %q)", f.command, name, f.flag.OrigHelp)
			}
			if m != nil && !hasFlag(flags[m[1]], f.command) {
				t.Errorf("%s --%s: its replacement --%s is not a flag of %s", f.command, name, m[1], f.command)
			}
		}
		if len(visible) > 0 && name != "help" && !strings.Contains(string(docs), "`--"+name) {
			t.Errorf("docs/cli.md does not describe --%s", name)
		}
		for _, f := range visible[min(1, len(visible)):] {
			a, b := visible[0], f
			if ta, tb := a.flag.Target.Type(), b.flag.Target.Type(); ta != tb {
				t.Errorf("--%s is %s in %q but %s in %q", name, ta, a.command, tb, b.command)
			}
			if a.flag.OrigHelp != b.flag.OrigHelp && meaning(a.flag.OrigHelp) != meaning(b.flag.OrigHelp) {
				t.Errorf("--%s means two things:\n  %s: %s\n  %s: %s", name, a.command, a.flag.OrigHelp, b.command, b.flag.OrigHelp)
			}
		}
	}
	// The words the issue pinned down.
	for name, want := range map[string]string{
		"schema": "Database schema (namespace)", "to": "Desired state", "format": "Output format",
		"dir-format": "Migration directory format",
	} {
		for _, f := range flags[name] {
			if !f.flag.Hidden && meaning(f.flag.OrigHelp) != want {
				t.Errorf("%s --%s: %q, want it to mean %q", f.command, name, f.flag.OrigHelp, want)
			}
		}
	}
}

// hasFlag reports whether one of fs belongs to command.
func hasFlag(fs []cliFlag, command string) bool {
	for _, f := range fs {
		if f.command == command {
			return true
		}
	}
	return false
}

// newProject starts a project in a fresh working directory: init, and one
// generated migration. It returns the directory.
func newProject(t *testing.T, initArgs ...string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if r := runCLI(t, append([]string{"init"}, initArgs...)...); r.code != 0 {
		t.Fatalf("init: exit %d: %s", r.code, r.stderr)
	}
	if r := runCLI(t, "generate", "-m", "create users", "--now", "2024-05-01T12:00:00Z"); r.code != 0 {
		t.Fatalf("generate: exit %d: %s", r.code, r.stderr)
	}
	return dir
}

// TestDeprecatedSpellings: the old spellings still work, each with one
// warning line that names the new one; old and new together are an error.
func TestDeprecatedSpellings(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		want     string // on stderr
		warnings int
	}{
		{"generate --schema PATH", []string{"generate", "-m", "x", "--schema", "schema/"}, 0,
			"warning: --schema schema/ is deprecated for schema files: use --to schema/", 1},
		{"check --schema FILE", []string{"check", "--schema", "schema/schema.hcl"}, 0,
			"warning: --schema schema/schema.hcl is deprecated for schema files: use --to schema/schema.hcl", 1},
		{"check --schema FOLDER without a slash", []string{"check", "--schema", "schema"}, 0,
			"warning: --schema schema is deprecated for schema files: use --to schema", 1},
		{"check --schema NAME is a namespace, used only with --url", []string{"check", "--schema", "public"}, 2, "--schema public names a database schema to read from a live database, and none is read here", 0},
		{"review --schema PATH", []string{"review", "--schema", "schema/"}, 0, "warning: --schema schema/ is deprecated", 1},
		{"review --schema NAME", []string{"review", "--schema", "public"}, 2, "review reads no database", 0},
		{"generate --format", []string{"generate", "-m", "x", "--format", "sql"}, 0,
			"warning: --format sql is deprecated for the migration format: use --dir-format sql", 1},
		{"migrate hash --format", []string{"migrate", "hash", "--format", "sql"}, 0, "warning: --format sql is deprecated", 1},
		{"--format and --dir-format", []string{"generate", "-m", "x", "--format", "sql", "--dir-format", "sql"}, 2, "give the migration format once", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newProject(t)
			r := runCLI(t, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "warning:") != tt.warnings {
				t.Errorf("exit %d, stderr %q; want exit %d, %d warnings, %q", r.code, r.stderr, tt.code, tt.warnings, tt.want)
			}
		})
	}
	t.Run("init --format", func(t *testing.T) {
		t.Chdir(t.TempDir())
		r := runCLI(t, "init", "--format", "goose")
		cfg, _ := os.ReadFile("schemadiff.yaml")
		if r.code != 0 || !strings.Contains(r.stderr, "use --dir-format goose") || !strings.Contains(string(cfg), "dir_format: goose") {
			t.Errorf("exit %d, stderr %q, config:\n%s", r.code, r.stderr, cfg)
		}
	})
	t.Run("old configuration keys", func(t *testing.T) {
		newProject(t)
		edit(t, "schemadiff.yaml", "to: [schema]", "schema: [schema]")
		edit(t, "schemadiff.yaml", "dir_format: sql", "format: sql")
		r := runCLI(t, "check")
		for _, w := range []string{"warning: schemadiff.yaml:", "schema is deprecated: rename it to to", "migrations.format is deprecated: rename it to migrations.dir_format"} {
			if r.code != 0 || !strings.Contains(r.stderr, w) {
				t.Errorf("exit %d, stderr %q; want 0 and %q", r.code, r.stderr, w)
			}
		}
	})
}

// TestSchemaIsADatabaseSchema: `generate --url … --schema public` (which
// once failed with "public: no such schema file or folder") reads only the
// public schema of the database, so the tables of another schema are no
// change.
func TestSchemaIsADatabaseSchema(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE SCHEMA audit; CREATE TABLE audit.log (id bigint PRIMARY KEY);
		CREATE TABLE public.users (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, email text NOT NULL,
		  created_at timestamptz NOT NULL DEFAULT now())`)
	t.Chdir(t.TempDir())
	runCLI(t, "init")
	for _, tt := range []struct {
		args []string
		drop bool
	}{
		{[]string{"--schema", "public"}, false},
		{nil, true},
	} {
		os.RemoveAll("migrations")
		r := runCLI(t, append([]string{"generate", "-m", "index", "--url", url, "--now", "2024-05-01T12:00:00Z"}, tt.args...)...)
		data, err := os.ReadFile("migrations/20240501120000_index.up.sql")
		if r.code != 0 || err != nil {
			t.Fatalf("generate %v: exit %d: %s %v", tt.args, r.code, r.stderr, err)
		}
		if drops := strings.Contains(string(data), `DROP TABLE "audit"."log"`); drops != tt.drop || !strings.Contains(string(data), "CREATE UNIQUE INDEX") {
			t.Errorf("generate %v: drops audit.log %v, want %v:\n%s", tt.args, drops, tt.drop, data)
		}
	}
}

// TestMigrateHashFlags: migrate hash takes only the flags it uses, and
// outside a project says so at once.
func TestMigrateHashFlags(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://app@127.0.0.1:1/app") // init's env local; migrate hash ignores its url
	tests := []struct {
		name    string
		project bool
		args    []string
		want    string
	}{
		{"--url is not a flag of migrate hash", true, []string{"--url", "postgres://app:Secret1!@127.0.0.1:1/x"}, "unknown flag --url"},
		{"--to is not a flag of migrate hash", true, []string{"--to", "schema"}, "unknown flag --to"},
		{"--exclude needs a scratch server", true, []string{"--exclude", "audit.*"}, "give --url or --dev-url"},
		{"--env needs a dev_url", true, []string{"--env", "local"}, "it has none"},
		{"outside a project", false, nil, "migrations: no such migration directory (no configuration file found from here up to the repository root"},
		{"an empty directory", false, []string{"--dir", "."}, ". holds no sql migrations: nothing to hash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.project {
				newProject(t)
			} else {
				t.Chdir(t.TempDir())
				os.Mkdir(".git", 0o755)
			}
			r := runCLI(t, append([]string{"migrate", "hash"}, tt.args...)...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "anyway") || strings.Contains(r.stderr, "Secret1!") {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

// TestUnusedFlagsAreErrors: --schema and --exclude where no database is
// read would be ignored; they are errors instead.
func TestUnusedFlagsAreErrors(t *testing.T) {
	users := filepath.Join(examples, "users.hcl")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"diff of two files with --schema", []string{"diff", "--from", users, "--to", users, "--schema", "public"}, "--schema public names a database schema"},
		{"diff of two files with --exclude", []string{"diff", "--from", users, "--to", users, "--exclude", "audit.*"}, "--exclude audit.* leaves tables out"},
		{"generate without --url with --schema", []string{"generate", "-m", "x", "--schema", "public"}, "give --url (or --env)"},
		{"check without a database with --exclude", []string{"check", "--exclude", "x"}, "give --url or --dev-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newProject(t)
			before := tree(t)
			r := runCLI(t, tt.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) || tree(t) != before {
				t.Errorf("exit %d, stderr %q; want 2 and %q, nothing written", r.code, r.stderr, tt.want)
			}
		})
	}
}
