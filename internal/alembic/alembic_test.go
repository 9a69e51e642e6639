package alembic

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// writeDir writes files (name → content) into a fresh folder.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// revFile is a revision file as Alembic's own template writes it.
func revFile(id, down string) string {
	return `"""msg

Revision ID: ` + id + `
Revises: ` + down + `
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '` + id + `'
down_revision = ` + down + `
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass
`
}

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		want   Revision
		wantOK bool
		err    string
	}{
		{"first revision", revFile("aaa", "None"), Revision{ID: "aaa"}, true, ""},
		{"follows one", revFile("bbb", "'aaa'"), Revision{ID: "bbb", DownRevisions: []string{"aaa"}}, true, ""},
		{"merge tuple", revFile("ccc", "('aaa', \"bbb\")"), Revision{ID: "ccc", DownRevisions: []string{"aaa", "bbb"}}, true, ""},
		{"merge list over lines", revFile("ccc", "[\n    'aaa',  # first\n    'bbb',\n]"), Revision{ID: "ccc", DownRevisions: []string{"aaa", "bbb"}}, true, ""},
		{"annotated (newer template)", "revision: str = \"r1\"\ndown_revision: Union[str, None] = \"r0\"\n",
			Revision{ID: "r1", DownRevisions: []string{"r0"}}, true, ""},
		{"docstring and comments are not assignments",
			"\"\"\"revision = 'fake'\ndown_revision = 'fake0'\n\"\"\"\n# revision = 'comment'\nrevision = 'real'  # revision = 'x'\ndown_revision = None\n",
			Revision{ID: "real"}, true, ""},
		{"string holding an assignment", "x = \"\\nrevision = 'fake'\"\nrevision = r'real'\ndown_revision = u'p'\n",
			Revision{ID: "real", DownRevisions: []string{"p"}}, true, ""},
		{"assignment inside a function is not module level",
			"revision = 'top'\ndown_revision = None\ndef f():\n    revision = 'inner'\n", Revision{ID: "top"}, true, ""},
		{"inside parentheses is not a statement start",
			"revision = 'top'\ndown_revision = None\nf(\nrevision = 'kw')\n", Revision{ID: "top"}, true, ""},
		{"implicit concatenation and escapes", "revision = 'ab' \"c\\x64\"\ndown_revision = None\n", Revision{ID: "abcd"}, true, ""},
		{"no revision (e.g. __init__.py)", "# nothing\n", Revision{}, false, ""},
		{"no down_revision", "revision = 'x'\n", Revision{}, false, "has no down_revision"},
		{"not a string", "revision = make_id()\ndown_revision = None\n", Revision{}, false, "unexpected value"},
		{"unterminated", "revision = 'x\ndown_revision = None\n", Revision{}, false, "unterminated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := parse(tt.src)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tt.wantOK)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("revision (-want +got):\n%s", d)
			}
		})
	}
}

func TestHeadAndReadDir(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		head  string
		err   []string
	}{
		{"empty folder", map[string]string{}, "", nil},
		{"only __init__ and other files", map[string]string{"__init__.py": "", "README": "revision = 'x'"}, "", nil},
		{"one revision", map[string]string{"1_a.py": revFile("aaa", "None")}, "aaa", nil},
		{"chain", map[string]string{"1_a.py": revFile("aaa", "None"), "2_b.py": revFile("bbb", "'aaa'"), "3_c.py": revFile("ccc", "'bbb'")}, "ccc", nil},
		{"merged branches", map[string]string{"1_a.py": revFile("aaa", "None"), "2_b.py": revFile("bbb", "'aaa'"),
			"2_c.py": revFile("ccc", "'aaa'"), "3_m.py": revFile("mmm", "('bbb', 'ccc')")}, "mmm", nil},
		{"two heads", map[string]string{"1_a.py": revFile("aaa", "None"), "2_b.py": revFile("bbb", "'aaa'"), "2_c.py": revFile("ccc", "'aaa'")},
			"", []string{"2 heads (bbb, ccc)", `alembic merge heads -m "merge"`}},
		{"unknown parent", map[string]string{"1_a.py": revFile("aaa", "'zzz'")}, "", []string{"revises zzz"}},
		{"duplicate id", map[string]string{"1_a.py": revFile("aaa", "None"), "2_a.py": revFile("aaa", "None")}, "", []string{"declared by both"}},
		{"cycle", map[string]string{"1_a.py": revFile("aaa", "'bbb'"), "2_b.py": revFile("bbb", "'aaa'")}, "", []string{"cycle"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeDir(t, tt.files)
			head, err := Head(dir)
			if len(tt.err) > 0 {
				if err == nil {
					t.Fatalf("Head = %q, want an error", head)
				}
				for _, want := range tt.err {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not contain %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if head != tt.head {
				t.Errorf("Head = %q, want %q", head, tt.head)
			}
		})
	}
}

func TestReadDirPaths(t *testing.T) {
	dir := writeDir(t, map[string]string{"2_b.py": revFile("bbb", "'aaa'"), "1_a.py": revFile("aaa", "None"), "__init__.py": ""})
	revs, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Revision{
		{ID: "aaa", Path: filepath.Join(dir, "1_a.py")},
		{ID: "bbb", DownRevisions: []string{"aaa"}, Path: filepath.Join(dir, "2_b.py")},
	}
	if d := cmp.Diff(want, revs); d != "" {
		t.Errorf("ReadDir (-want +got):\n%s", d)
	}
	if _, err := ReadDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("ReadDir of a missing folder: no error")
	}
}

func TestNewRevisionID(t *testing.T) {
	at := time.Date(2025, 1, 20, 10, 0, 0, 0, time.UTC)
	base := NewRevisionID("aaa", "create users", at)
	if len(base) != 12 || strings.Trim(base, "0123456789abcdef") != "" {
		t.Fatalf("id %q is not 12 lower-case hex digits", base)
	}
	if again := NewRevisionID("aaa", "create users", at.In(time.FixedZone("x", 3600))); again != base {
		t.Errorf("same inputs (other time zone) gave %q and %q", base, again)
	}
	ids := []string{base,
		NewRevisionID("", "create users", at),
		NewRevisionID("aaa", "create user", at),
		NewRevisionID("aaa", "create users", at.Add(time.Second)),
	}
	slices.Sort(ids)
	if len(slices.Compact(ids)) != 4 {
		t.Errorf("different inputs gave equal ids: %v", ids)
	}
}
