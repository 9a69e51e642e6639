package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestConfigFoundFromSubfolder: check and generate run from a subfolder of
// the project find schemadiff.yaml above, with its paths relative to it.
func TestConfigFoundFromSubfolder(t *testing.T) {
	dir := newProject(t)
	os.Mkdir(".git", 0o755)
	sub := filepath.Join(dir, "src", "app")
	os.MkdirAll(sub, 0o755)
	t.Chdir(sub)
	if r := runCLI(t, "check"); r.code != 0 || !strings.Contains(r.stdout, "OK: the 1 migration in ../../migrations holds the schema") {
		t.Errorf("check from a subfolder: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	edit(t, filepath.Join(dir, "schema", "schema.hcl"), `  column "email" {`, "  column \"nick\" {\n    type = \"text\"\n    null = true\n  }\n  column \"email\" {")
	r := runCLI(t, "generate", "-m", "nick", "--now", "2024-05-02T12:00:00Z")
	if _, err := os.Stat(filepath.Join(dir, "migrations", "20240502120000_nick.up.sql")); r.code != 0 || err != nil {
		t.Errorf("generate from a subfolder: exit %d %s: %v", r.code, r.stderr, err)
	}
}

// TestCheckJSON: check --format json is one JSON document with the changes
// no migration holds.
func TestCheckJSON(t *testing.T) {
	newProject(t)
	for _, tt := range []struct {
		edit bool
		code int
	}{{false, 0}, {true, 1}} {
		if tt.edit {
			edit(t, "schema/schema.hcl", `  column "email" {`, "  column \"nick\" {\n    type = \"text\"\n    null = true\n  }\n  column \"email\" {")
		}
		r := runCLI(t, "check", "--format", "json")
		var doc struct {
			OK         bool   `json:"ok"`
			Dir        string `json:"dir"`
			Migrations int    `json:"migrations"`
			Missing    struct {
				Changes []struct {
					Kind string `json:"kind"`
				} `json:"changes"`
			} `json:"missing"`
			Drift any `json:"drift"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != tt.code {
			t.Fatalf("exit %d, %v:\n%s%s", r.code, err, r.stdout, r.stderr)
		}
		if doc.OK == tt.edit || doc.Dir != "migrations" || doc.Migrations != 1 || len(doc.Missing.Changes) != map[bool]int{false: 0, true: 1}[tt.edit] || doc.Drift != nil {
			t.Errorf("check --format json after edit=%v: %+v", tt.edit, doc)
		}
	}
}

// TestVersion: --version and the version command print one line from the
// build information; "(devel)" and a vcs commit are described.
func TestVersion(t *testing.T) {
	flag, cmd := runCLI(t, "--version"), runCLI(t, "version")
	if flag.code != 0 || cmd.code != 0 || flag.stdout != cmd.stdout || !strings.HasPrefix(flag.stdout, "schemadiff ") {
		t.Errorf("--version %q (exit %d), version %q (exit %d)", flag.stdout, flag.code, cmd.stdout, cmd.code)
	}
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-29T12:00:00Z"}}
	tests := []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "schemadiff v1.2.3"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "schemadiff (devel)"},
		{debug.BuildInfo{}, "schemadiff (devel)"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: rev}, "schemadiff (devel) (commit 0123456789ab, 2026-11-29T12:00:00Z)"},
		{debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"})},
			"schemadiff v1.2.3 (commit 0123456789ab, modified, 2026-11-29T12:00:00Z)"},
	}
	for _, tt := range tests {
		if got := describeBuild(&tt.info); got != tt.want {
			t.Errorf("describeBuild(%+v) = %q, want %q", tt.info, got, tt.want)
		}
	}
}

// TestCompletion: completion prints the init code of each shell, and a
// shell asking (COMP_LINE) gets the commands and flags.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "complete -o default -o bashdefault -C ",
		"zsh":  "bashcompinit",
		"fish": "complete -f -c schemadiff",
	} {
		if r := runCLI(t, "completion", shell); r.code != 0 || !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "Execute") {
			t.Errorf("completion %s: exit %d, %q; want the code alone, with %q", shell, r.code, r.stdout, want)
		}
	}
	for line, want := range map[string][]string{
		"schemadiff gen":             {"generate"},
		"schemadiff generate --dir-": {"--dir-format"},
		"schemadiff check --for":     {"--format"},
	} {
		t.Setenv("COMP_LINE", line)
		t.Setenv("COMP_POINT", fmt.Sprint(len(line)))
		r := runCLI(t)
		for _, w := range want {
			if r.code != 0 || !strings.Contains(r.stdout, w) {
				t.Errorf("completing %q: exit %d, %q; want %q", line, r.code, r.stdout, w)
			}
		}
	}
}

// TestEditorSchemaLines: what init and inspect --format yaml write starts
// with the yaml-language-server line naming the JSON Schema in docs/ that
// the file is valid under.
func TestEditorSchemaLines(t *testing.T) {
	url := seed000DB(t)
	inspected := runCLI(t, "inspect", "--url", url, "--format", "yaml")
	t.Chdir(t.TempDir())
	if r := runCLI(t, "init"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	config, _ := os.ReadFile("schemadiff.yaml")
	for _, tt := range []struct {
		name, text, url, file string
	}{
		{"inspect --format yaml", inspected.stdout, schemaJSONSchemaURL, "schemadiff.schema.json"},
		{"init", string(config), configJSONSchemaURL, "schemadiff-config.schema.json"},
	} {
		first, _, _ := strings.Cut(tt.text, "\n")
		if first != "# yaml-language-server: $schema="+tt.url || !strings.HasSuffix(tt.url, "/main/docs/"+tt.file) {
			t.Errorf("%s: first line %q", tt.name, first)
		}
		sch, err := jsonschema.NewCompiler().Compile(filepath.Join(repoRoot(t), "docs", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		js, err := yaml.YAMLToJSON([]byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: not valid under docs/%s: %v", tt.name, tt.file, err)
		}
	}
}

// repoRoot returns the repository's root folder (the tests run in cmd/schemadiff).
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
