package main

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
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
