package review

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
)

// Format names an output of Write.
type Format string

// The output formats.
const (
	Text     Format = "text"     // grouped by file, optionally colored
	JSON     Format = "json"     // the Report as JSON
	SARIF    Format = "sarif"    // SARIF 2.1.0 for code scanning
	GitHub   Format = "github"   // GitHub Actions workflow annotations
	Markdown Format = "markdown" // a pull-request comment
	GitLab   Format = "gitlab"   // a GitLab Code Quality report (gitlab.go)
)

// Formats lists every format Write takes.
func Formats() []Format { return []Format{Text, JSON, SARIF, GitHub, Markdown, GitLab} }

// WriteOptions tune Write.
type WriteOptions struct {
	// Color adds ANSI colors to the text format.
	Color bool
	// Version is the tool version SARIF records (default: the build's,
	// from its module version and VCS revision).
	Version string
	// BaseDir is the directory SARIF and GitLab locations are relative to,
	// the root of the repository code scanning resolves them against
	// (default: the working directory).
	BaseDir string
}

// Write renders the report in format f.
func (r *Report) Write(w io.Writer, f Format, opts WriteOptions) error {
	var err error
	switch f {
	case Text, "":
		err = r.writeText(w, opts.Color)
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	case SARIF:
		err = r.writeSARIF(w, opts.Version, opts.BaseDir)
	case GitHub:
		err = r.writeGitHub(w)
	case Markdown:
		err = r.writeMarkdown(w)
	case GitLab:
		err = r.writeGitLab(w, opts.BaseDir)
	default:
		return fmt.Errorf("review: unknown format %q (want text, json, sarif, github, markdown or gitlab)", f)
	}
	if err != nil {
		return fmt.Errorf("review: write %s: %w", f, err)
	}
	return nil
}

// summary is "2 errors, 1 warning, 0 infos".
func (r *Report) summary() string {
	plural := func(n int, s string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, s)
		}
		return fmt.Sprintf("%d %ss", n, s)
	}
	return strings.Join([]string{plural(r.Count(diff.Error), "error"), plural(r.Count(diff.Warning), "warning"), plural(r.Count(diff.Info), "info")}, ", ")
}

// filesReviewed is "1 migration file" or "3 migration files".
func (r *Report) filesReviewed() string {
	if len(r.Migrations) == 1 {
		return "1 migration file"
	}
	return fmt.Sprintf("%d migration files", len(r.Migrations))
}

// errWriter remembers the first write error, so that writers can print freely.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (r *Report) writeText(w io.Writer, color bool) error {
	ew := &errWriter{w: w}
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	sevColor := map[diff.Severity]string{diff.Error: "1;31", diff.Warning: "1;33", diff.Info: "1;36"}
	file := "\x00"
	for _, f := range r.Findings {
		if f.Pos.File != file {
			if file != "\x00" {
				ew.printf("\n")
			}
			file = f.Pos.File
			name := file
			if name == "" {
				name = "(no file)"
			}
			ew.printf("%s\n", paint("1", name))
		}
		loc := ""
		if f.Pos.Line > 0 {
			loc = fmt.Sprintf("%d: ", f.Pos.Line)
		}
		obj := ""
		if f.Object != "" {
			obj = f.Object + ": "
		}
		ew.printf("  %s%s %s %s%s\n", loc, paint(sevColor[f.Severity], string(f.Severity)), paint("2", "["+f.Code+"]"), obj, f.Message)
	}
	if len(r.Findings) > 0 {
		ew.printf("\n")
	}
	ew.printf("%s reviewed: %s\n", r.filesReviewed(), r.summary())
	return ew.err
}

func (r *Report) writeGitHub(w io.Writer) error {
	ew := &errWriter{w: w}
	level := map[diff.Severity]string{diff.Error: "error", diff.Warning: "warning", diff.Info: "notice"}
	for _, f := range r.Findings {
		var props []string
		if f.Pos.File != "" {
			props = append(props, "file="+ghProp(f.Pos.File))
		}
		if f.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Pos.Line))
		}
		props = append(props, "title="+ghProp("schemadiff "+f.Code))
		msg := f.Message
		if f.Object != "" {
			msg = f.Object + ": " + msg
		}
		ew.printf("::%s %s::%s\n", level[f.Severity], strings.Join(props, ","), ghData(msg))
	}
	return ew.err
}

// ghData escapes an annotation message; ghProp escapes a property value.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (r *Report) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("## schemadiff review\n\n")
	ew.printf("| Severity | Findings |\n|---|---:|\n")
	for _, s := range []diff.Severity{diff.Error, diff.Warning, diff.Info} {
		ew.printf("| %s %s | %d |\n", sevIcon(s), s, r.Count(s))
	}
	ew.printf("\n%s reviewed.\n", r.filesReviewed())
	if len(r.Findings) == 0 {
		ew.printf("\nNo findings.\n")
		return ew.err
	}
	file := "\x00"
	for _, f := range r.Findings {
		if f.Pos.File != file {
			file = f.Pos.File
			name := file
			if name == "" {
				name = "(no file)"
			}
			ew.printf("\n### `%s`\n\n| Line | Severity | Code | Object | Finding |\n|---:|---|---|---|---|\n", name)
		}
		line := ""
		if f.Pos.Line > 0 {
			line = fmt.Sprint(f.Pos.Line)
		}
		ew.printf("| %s | %s %s | `%s` | %s | %s |\n", line, sevIcon(f.Severity), f.Severity, f.Code, mdCell(f.Object), mdCell(f.Message))
	}
	return ew.err
}

func sevIcon(s diff.Severity) string {
	switch s {
	case diff.Error:
		return "🛑"
	case diff.Warning:
		return "⚠️"
	}
	return "ℹ️"
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

// SARIF 2.1.0 (OASIS): the subset code scanning reads.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	ShortDescription     sarifMessage  `json:"shortDescription"`
	Help                 *sarifMessage `json:"help,omitempty"` // the rule's one-line fix
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation struct {
		URI string `json:"uri"`
	} `json:"artifactLocation"`
	Region *sarifRegion `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

func sarifLevel(s diff.Severity) string {
	switch s {
	case diff.Error:
		return "error"
	case diff.Warning:
		return "warning"
	}
	return "note"
}

func (r *Report) writeSARIF(w io.Writer, version, base string) error {
	if version == "" {
		version = buildVersion()
	}
	if base == "" {
		base, _ = os.Getwd()
	}
	rules := Rules()
	index := map[string]int{}
	driver := sarifDriver{Name: "schemadiff", Version: version, InformationURI: "https://github.com/schemadiff/schemadiff/blob/main/docs/review.md"}
	for i, ru := range rules {
		sr := sarifRule{ID: ru.Code, ShortDescription: sarifMessage{ru.Summary}}
		if ru.Fix != "" {
			sr.Help = &sarifMessage{ru.Fix}
		}
		sr.DefaultConfiguration.Level = sarifLevel(ru.Severity)
		driver.Rules = append(driver.Rules, sr)
		index[ru.Code] = i
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, f := range r.Findings {
		msg := f.Message
		if f.Object != "" {
			msg = f.Object + ": " + msg
		}
		i, ok := index[f.Code]
		if !ok { // a hazard code newer than Rules
			i = len(run.Tool.Driver.Rules)
			sr := sarifRule{ID: f.Code, ShortDescription: sarifMessage{f.Code}}
			sr.DefaultConfiguration.Level = sarifLevel(f.Severity)
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sr)
			index[f.Code] = i
		}
		res := sarifResult{RuleID: f.Code, RuleIndex: i, Level: sarifLevel(f.Severity), Message: sarifMessage{msg}}
		if f.Pos.File != "" {
			var loc sarifLocation
			loc.PhysicalLocation.ArtifactLocation.URI = sarifURI(f.Pos.File, base)
			if f.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line}
			}
			res.Locations = []sarifLocation{loc}
		}
		run.Results = append(run.Results, res)
	}
	// A rule's default level is the level of its results when they agree
	// (a hazard's severity comes from diff, and may not be the usual one).
	levels := map[string]string{}
	for _, res := range run.Results {
		if l, ok := levels[res.RuleID]; ok && l != res.Level {
			levels[res.RuleID] = ""
		} else if !ok {
			levels[res.RuleID] = res.Level
		}
	}
	for i, ru := range run.Tool.Driver.Rules {
		if l := levels[ru.ID]; l != "" {
			run.Tool.Driver.Rules[i].DefaultConfiguration.Level = l
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// buildVersion is the version of the running build, from its build
// information (runtime/debug.ReadBuildInfo): the main module's version, and
// the vcs.revision (12 characters, "-dirty" when vcs.modified) it was built
// from; "devel" parts when Go recorded none.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev != "" && !strings.Contains(v, rev) {
		v += "+" + rev + dirty
	}
	return v
}

// sarifURI writes a path as a URI reference (forward slashes, spaces
// escaped): relative to base, as code scanning needs, when the path is
// absolute and under base; a file:// URI when it is absolute elsewhere.
func sarifURI(p, base string) string {
	abs := false
	if filepath.IsAbs(p) {
		abs = true
		if rel, err := filepath.Rel(base, p); err == nil && base != "" && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p, abs = rel, false
		}
	}
	p = strings.ReplaceAll(filepath.ToSlash(p), "\\", "/")
	p = strings.TrimPrefix(p, "./")
	p = strings.NewReplacer("%", "%25", " ", "%20", "#", "%23", "?", "%3F").Replace(p)
	if abs {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x → file:///C:/x
		}
		return "file://" + p
	}
	return p
}
