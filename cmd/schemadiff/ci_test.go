package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
	"github.com/goccy/go-yaml"
)

// ciCommandLines returns every schemadiff command line of the CI files:
// action.yml's run scripts, .pre-commit-hooks.yaml's entries with their
// args, and the lines of docs/ci.md that run schemadiff. Shell words from
// the first $, > or | on are left out.
func ciCommandLines(t *testing.T) map[string][]string {
	t.Helper()
	root := repoRoot(t)
	out := map[string][]string{}
	add := func(where, line string) {
		var args []string
		for _, w := range strings.Fields(line) {
			if strings.HasPrefix(w, "$") || strings.HasPrefix(w, ">") || w == "|" {
				break
			}
			args = append(args, strings.Trim(w, `"`))
		}
		out[where+": "+line] = args[1:]
	}
	schemadiffLine := regexp.MustCompile(`(?m)^\s*(?:- )?(?:run: )?(schemadiff [^\n]*)$`)
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	var action struct {
		Runs struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(read("action.yml"), &action); err != nil {
		t.Fatal(err)
	}
	for _, s := range action.Runs.Steps {
		for _, m := range schemadiffLine.FindAllStringSubmatch(s.Run, -1) {
			add("action.yml", m[1])
		}
	}
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Args          []string `yaml:"args"`
		PassFilenames *bool    `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(read(".pre-commit-hooks.yaml"), &hooks); err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		line := append([]string{h.Entry}, h.Args...)
		if h.PassFilenames == nil || *h.PassFilenames {
			line = append(line, "schema/users.hcl") // pre-commit appends the changed files
		}
		add(".pre-commit-hooks.yaml "+h.ID, strings.Join(line, " "))
	}
	// The code blocks of docs/ci.md.
	for i, block := range strings.Split(string(read("docs/ci.md")), "```") {
		if i%2 == 1 {
			for _, m := range schemadiffLine.FindAllStringSubmatch(block, -1) {
				add("docs/ci.md", m[1])
			}
		}
	}
	return out
}

// TestCIFilesUseRealFlags parses every schemadiff command line of the CI
// integrations with the real command line: none may use a flag or value
// that does not exist. The action runs review and check, and the hooks
// validate, fmt --check and check.
func TestCIFilesUseRealFlags(t *testing.T) {
	lines := ciCommandLines(t)
	var all []string
	for where, args := range lines {
		all = append(all, strings.Join(args, " "))
		var c cli
		parser, err := kong.New(&c, kong.Name("schemadiff"), kong.Writers(io.Discard, io.Discard),
			kong.Exit(func(int) {}), kong.Vars{"version": "test"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parser.Parse(args); err != nil {
			t.Errorf("%s: %v", where, err)
		}
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"review --format sarif", "check --format github", "review --format gitlab", "validate schema", "fmt --check", "version"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the CI files never run schemadiff %s:\n%s", want, joined)
		}
	}
}
