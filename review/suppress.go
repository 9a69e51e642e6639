package review

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// ignoreComment is an inline suppression: `-- schemadiff:ignore CODE reason`
// (SQL) or `# schemadiff:ignore CODE reason` (Alembic) on its own line;
// CODE may list several codes separated by commas.
var ignoreComment = regexp.MustCompile(`^\s*(?:--|#)\s*schemadiff:ignore\b[ \t]*([^ \t]*)[ \t]*(.*?)\s*$`)

// suppression is one ignore comment and the statement it covers.
type suppression struct {
	pos      schema.Pos
	codes    []string
	reason   string
	from, to int // the lines of the statement after the comment
	used     bool
}

// suppress drops the findings that an ignore comment of their file covers
// (its code, on the statement after it), and adds a finding for each
// comment without a reason (it still suppresses) and each that suppresses
// nothing.
func suppress(fs []Finding, files []string) []Finding {
	var sups []*suppression
	byFile := map[string][]*suppression{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // reading the migration failed already, with its own finding
		}
		ss := suppressions(f, string(src))
		byFile[filepath.Clean(f)] = ss
		sups = append(sups, ss...)
	}
	if len(sups) == 0 {
		return fs
	}
	fs = slices.DeleteFunc(fs, func(f Finding) bool {
		for _, s := range byFile[filepath.Clean(f.Pos.File)] {
			if f.Pos.Line >= s.from && f.Pos.Line <= s.to && slices.Contains(s.codes, f.Code) {
				s.used = true
				return true
			}
		}
		return false
	})
	for _, s := range sups {
		codes := strings.Join(s.codes, ",")
		label := codes
		if label == "" {
			label = "(no code)"
		}
		switch {
		case s.reason == "":
			fs = append(fs, Finding{Code: CodeIgnoreWithoutReason, Severity: diff.Warning, Pos: s.pos, Object: codes,
				Message: fmt.Sprintf("This schemadiff:ignore %s gives no reason; write why the finding does not apply after the code, for the next reader.", label)})
		case !s.used:
			fs = append(fs, Finding{Code: CodeUnusedSuppression, Severity: diff.Info, Pos: s.pos, Object: codes,
				Message: fmt.Sprintf("This schemadiff:ignore %s suppresses nothing: the statement after it (line %d) has no such finding; remove the comment or fix its code.", label, s.from)})
		}
	}
	return fs
}

// suppressions reads the ignore comments of a file and the lines of the
// statement each one covers: from the next line that is neither blank nor a
// comment to the end of that statement (its ';', or for Alembic where the
// call's parentheses close).
func suppressions(file, src string) []*suppression {
	lines := strings.Split(src, "\n")
	py := strings.EqualFold(filepath.Ext(file), ".py")
	var out []*suppression
	for i, l := range lines {
		m := ignoreComment.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		s := &suppression{pos: schema.Pos{File: file, Line: i + 1}, reason: m[2]}
		for _, c := range strings.Split(m[1], ",") {
			if c = strings.TrimSpace(c); c != "" {
				s.codes = append(s.codes, c)
			}
		}
		j := i + 1
		for j < len(lines) && (isBlank(lines[j]) || isComment(lines[j])) {
			j++
		}
		s.from, s.to = j+1, statementEnd(lines, j, py)+1
		out = append(out, s)
	}
	return out
}

// statementEnd returns the index of the last line of the statement that
// starts at line j: where its parentheses are closed and, in SQL, the line
// ends with ';' — or the line before a blank line, a GO or the end.
func statementEnd(lines []string, j int, py bool) int {
	depth := 0
	for k := j; k < len(lines); k++ {
		code := stripLiterals(lines[k], py)
		depth += strings.Count(code, "(") - strings.Count(code, ")")
		t := strings.TrimSpace(code)
		last := k+1 >= len(lines) || isBlank(lines[k+1]) || strings.EqualFold(strings.TrimSpace(lines[k+1]), "GO")
		if depth <= 0 && (py || strings.HasSuffix(t, ";") || last) {
			return k
		}
	}
	return len(lines) - 1
}

// stripLiterals removes the quoted strings and the trailing comment of a
// line, so that the parentheses left are code's.
func stripLiterals(l string, py bool) string {
	var b strings.Builder
	var quote byte
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case !py && c == '-' && strings.HasPrefix(l[i:], "--"), py && c == '#':
			return b.String()
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

func isComment(l string) bool {
	t := strings.TrimSpace(l)
	return strings.HasPrefix(t, "--") || strings.HasPrefix(t, "#")
}
