package review

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestGolden renders the review of seed 002 in every format and compares
// with testdata/golden (go test ./review/ -update rewrites them).
func TestGolden(t *testing.T) {
	rep := run(t, Options{Schema: loadSchema(t, usersHCL), Files: []string{seed002}})
	ext := map[Format]string{Text: "txt", JSON: "json", SARIF: "sarif", GitHub: "github", Markdown: "md", GitLab: "gitlab.json"}
	for _, f := range Formats() {
		for _, color := range []bool{false, true} {
			if color && f != Text {
				continue
			}
			name := "seed002." + ext[f]
			if color {
				name = "seed002.color." + ext[f]
			}
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := rep.Write(&buf, f, WriteOptions{Color: color, Version: "test"}); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got := buf.String(); got != string(want) {
					t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, got)
				}
			})
		}
	}
}

func TestFormatsCarryEveryFinding(t *testing.T) {
	rep := run(t, Options{Schema: loadSchema(t, usersHCL), Files: []string{autogen}})
	for _, f := range Formats() {
		var buf bytes.Buffer
		if err := rep.Write(&buf, f, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, fd := range rep.Findings {
			if !strings.Contains(out, fd.Code) {
				t.Errorf("%s output lacks finding %s at %s", f, fd.Code, fd.Pos)
			}
		}
		if f == GitHub && strings.Count(out, "\n") != len(rep.Findings) {
			t.Errorf("github: want one annotation line per finding, got:\n%s", out)
		}
		if f == Markdown && !strings.HasPrefix(out, "## schemadiff review\n\n| Severity |") {
			t.Errorf("markdown must open with the summary table:\n%s", out)
		}
	}
	if err := rep.Write(&bytes.Buffer{}, "xml", WriteOptions{}); err == nil {
		t.Error("an unknown format must be an error")
	}
}

// TestSARIFSchema checks the SARIF output against the OASIS SARIF 2.1.0 schema.
func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}
	for _, file := range []string{seed002, autogen} {
		rep := run(t, Options{Schema: loadSchema(t, usersHCL), Files: []string{file}})
		var buf bytes.Buffer
		if err := rep.Write(&buf, SARIF, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: SARIF output is not valid SARIF 2.1.0: %v", file, err)
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct{ ID string }
					}
				}
				Results []struct {
					RuleID    string
					RuleIndex int
					Locations []struct {
						PhysicalLocation struct {
							Region struct{ StartLine int }
						}
					}
				}
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Results) != len(rep.Findings) {
			t.Errorf("%s: %d results for %d findings", file, len(run.Results), len(rep.Findings))
		}
		for i, r := range run.Results {
			if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
				t.Errorf("result %d: ruleIndex %d does not point at rule %s", i, r.RuleIndex, r.RuleID)
			}
			if got, want := r.Locations[0].PhysicalLocation.Region.StartLine, rep.Findings[i].Pos.Line; got != want {
				t.Errorf("result %d: startLine %d, want %d", i, got, want)
			}
		}
	}
}

// TestSARIFURI: code scanning resolves locations against the repository, so
// an absolute path under the base directory becomes relative; one elsewhere
// is a file:// URI, never a bare absolute path.
func TestSARIFURI(t *testing.T) {
	tests := []struct{ path, base, want string }{
		{"migrations/001 init.sql", "/repo", "migrations/001%20init.sql"},
		{"./migrations/a#1.sql", "/repo", "migrations/a%231.sql"},
		{"/repo/migrations/001.sql", "/repo", "migrations/001.sql"},
		{"/repo/migrations/001.sql", "/repo/", "migrations/001.sql"},
		{"/repository/001.sql", "/repo", "file:///repository/001.sql"},
		{"/other/001.sql", "/repo", "file:///other/001.sql"},
		{`versions\x.py`, "/repo", "versions/x.py"},
	}
	for _, tt := range tests {
		if got := sarifURI(tt.path, tt.base); got != tt.want {
			t.Errorf("sarifURI(%q, %q) = %q, want %q", tt.path, tt.base, got, tt.want)
		}
	}
}
