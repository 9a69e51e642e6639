// Package alembic reads an Alembic versions folder: the revision each file
// declares, the revisions it follows, and the head a new revision must follow.
//
// Revision files are Python. Only module-level assignments count
// (revision = '…', down_revision = '…' | None | ('a', 'b'), with or without a
// type annotation); the file is tokenized, so that comments, docstrings and
// strings that merely contain such text never fool it.
package alembic

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schemadiff/schemadiff/internal/pyread"
)

// Revision is one revision file of a versions folder.
type Revision struct {
	ID            string
	DownRevisions []string // none for a first revision; several for a merge
	Path          string
}

// ReadDir reads every .py file of dir (not its subfolders) and returns the
// revisions they declare, sorted by path. Files that declare no revision
// (such as __init__.py) are skipped.
func ReadDir(dir string) ([]Revision, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("alembic: reading versions folder: %w", err)
	}
	var revs []Revision
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".py") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("alembic: %w", err)
		}
		rev, ok, err := parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("alembic: %s: %w", path, err)
		}
		if !ok {
			continue
		}
		if other, dup := seen[rev.ID]; dup {
			return nil, fmt.Errorf("alembic: revision %s is declared by both %s and %s", rev.ID, other, path)
		}
		seen[rev.ID] = path
		rev.Path = path
		revs = append(revs, rev)
	}
	return revs, nil
}

// Head returns the one revision of dir that no other revision follows: the
// down_revision of the next one. It returns "" when dir holds no revision,
// and an error when there are several heads (a branch to merge), when a
// revision follows one that does not exist, or when revisions form a cycle.
func Head(dir string) (string, error) {
	revs, err := ReadDir(dir)
	if err != nil {
		return "", err
	}
	if len(revs) == 0 {
		return "", nil
	}
	known := map[string]bool{}
	for _, r := range revs {
		known[r.ID] = true
	}
	followed := map[string]bool{}
	for _, r := range revs {
		for _, d := range r.DownRevisions {
			if !known[d] {
				return "", fmt.Errorf("alembic: revision %s (%s) revises %s, which no file in %s declares", r.ID, r.Path, d, dir)
			}
			followed[d] = true
		}
	}
	var heads []string
	for _, r := range revs {
		if !followed[r.ID] {
			heads = append(heads, r.ID)
		}
	}
	slices.Sort(heads)
	switch len(heads) {
	case 0:
		return "", fmt.Errorf("alembic: the revisions in %s form a cycle: there is no head", dir)
	case 1:
		return heads[0], nil
	}
	return "", fmt.Errorf("alembic: %s has %d heads (%s); merge them first with: alembic merge heads -m \"merge\"",
		dir, len(heads), strings.Join(heads, ", "))
}

// NewRevisionID returns a revision id in the shape of Alembic's own (12
// lower-case hex digits), derived from the parent revision, the message and
// the creation time only: the same inputs give the same id.
func NewRevisionID(parent, message string, created time.Time) string {
	sum := sha256.Sum256([]byte(parent + "\x00" + message + "\x00" + created.UTC().Format(time.RFC3339Nano)))
	return hex.EncodeToString(sum[:])[:12]
}

// parse finds the module-level revision and down_revision assignments of a
// revision file. ok is false when the file assigns no revision.
func parse(src string) (rev Revision, ok bool, err error) {
	lines, err := pyread.Lex(src)
	if err != nil {
		return Revision{}, false, err
	}
	var haveDown bool
	for _, l := range lines {
		name, val, assign := l.Assignment()
		if l.Indent != 0 || !assign || name != "revision" && name != "down_revision" {
			continue
		}
		vals, err := value(val)
		if err != nil {
			return Revision{}, false, fmt.Errorf("line %d: %s: %w", l.Line, name, err)
		}
		if name == "revision" {
			if len(vals) != 1 || vals[0] == "" {
				return Revision{}, false, fmt.Errorf("line %d: revision must be one non-empty string", l.Line)
			}
			rev.ID, ok = vals[0], true
		} else {
			rev.DownRevisions, haveDown = vals, true
		}
	}
	if ok && !haveDown {
		return Revision{}, false, fmt.Errorf("revision %s has no down_revision", rev.ID)
	}
	return rev, ok, nil
}

// value reads the value of an assignment: a string, None, or a tuple or list
// of strings. It returns the strings.
func value(toks []pyread.Tok) ([]string, error) {
	v, err := pyread.ParseExpr(toks)
	if err != nil {
		return nil, err
	}
	switch {
	case v.Kind == pyread.VString:
		return []string{v.Str}, nil
	case v.Kind == pyread.VConst && v.Str == "None":
		return nil, nil
	case v.Kind == pyread.VTuple || v.Kind == pyread.VList:
		out := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			if it.Kind != pyread.VString {
				return nil, errors.New("a list of revisions holds something other than strings")
			}
			out = append(out, it.Str)
		}
		return out, nil
	}
	return nil, errors.New("unexpected value (want a string, None or a tuple of strings)")
}
