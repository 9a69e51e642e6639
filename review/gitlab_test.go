package review

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestGitLabCodeQuality: the GitLab report has one issue per finding with
// every field GitLab requires, and fingerprints unique within the report
// (GitLab shows only the first issue of a fingerprint).
func TestGitLabCodeQuality(t *testing.T) {
	for _, file := range []string{seed002, autogen} {
		rep := run(t, Options{Schema: loadSchema(t, usersHCL), Files: []string{file}})
		var buf bytes.Buffer
		if err := rep.Write(&buf, GitLab, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		var issues []gitlabIssue
		if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
			t.Fatal(err)
		}
		if len(issues) != len(rep.Findings) || len(issues) == 0 {
			t.Fatalf("%s: %d issues for %d findings", file, len(issues), len(rep.Findings))
		}
		seen := map[string]bool{}
		for _, is := range issues {
			if is.Description == "" || is.CheckName == "" || len(is.Fingerprint) != 32 || is.Location.Path == "" || is.Location.Lines.Begin < 1 {
				t.Errorf("%s: incomplete issue %+v", file, is)
			}
			switch is.Severity {
			case "info", "minor", "major", "critical", "blocker":
			default:
				t.Errorf("%s: severity %q is not GitLab's", file, is.Severity)
			}
			if seen[is.Fingerprint] {
				t.Errorf("%s: fingerprint %s twice", file, is.Fingerprint)
			}
			seen[is.Fingerprint] = true
		}
	}
	var empty bytes.Buffer
	if err := (&Report{}).Write(&empty, GitLab, WriteOptions{}); err != nil || empty.String() != "[]\n" {
		t.Errorf("no findings: %q, %v; want []", empty.String(), err)
	}
}
