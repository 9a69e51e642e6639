package review

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
)

// gitlabIssue is one entry of a GitLab Code Quality report: the subset of
// the Code Climate issue GitLab reads ("Code Quality report format",
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"` // info, minor, major, critical or blocker
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// writeGitLab writes the findings as a GitLab Code Quality report (a JSON
// array; an empty one when there are none), paths relative to base (default:
// the working directory, the repository root in a CI job). The fingerprint,
// which GitLab uses to tell new findings from old ones, hashes the code,
// file, object, message and the occurrence of that combination, not the
// line, so a finding keeps its fingerprint when lines above it move.
func (r *Report) writeGitLab(w io.Writer, base string) error {
	if base == "" {
		base, _ = os.Getwd()
	}
	issues := []gitlabIssue{}
	seen := map[string]int{}
	for _, f := range r.Findings {
		path := relativePath(f.Pos.File, base)
		msg := f.Message
		if f.Object != "" {
			msg = f.Object + ": " + msg
		}
		key := strings.Join([]string{f.Code, path, msg}, "\x00")
		seen[key]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
		issues = append(issues, gitlabIssue{
			Description: msg,
			CheckName:   f.Code,
			Fingerprint: hex.EncodeToString(sum[:16]),
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(f.Pos.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// gitlabSeverity maps a finding's severity onto GitLab's scale: an error
// (what fails review by default) is major, a warning minor.
func gitlabSeverity(s diff.Severity) string {
	switch s {
	case diff.Error:
		return "major"
	case diff.Warning:
		return "minor"
	}
	return "info"
}

// relativePath returns p relative to base with forward slashes when p is
// under base, else p as it is (slashed).
func relativePath(p, base string) string {
	if filepath.IsAbs(p) && base != "" {
		if rel, err := filepath.Rel(base, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(p), "./")
}
