package migrate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// Migration is one migration found in the directory.
type Migration struct {
	Version string
	Files   []FileSum // sorted by name
}

// Dir is a migration directory as read from disk.
type Dir struct {
	Path   string
	Format Format
	// Sum is the integrity file, nil when there is none yet.
	Sum *Sum
	// Migrations are the migrations on disk, in the order they run.
	Migrations []Migration
	raw        []byte // the integrity file as read (nil when absent)
}

// Load reads the migration directory at path without checking it. format ""
// takes the format the integrity file records (sql when there is none); a
// format that differs from the recorded one is an error. A missing directory
// is an empty one.
func Load(path string, format Format) (*Dir, error) {
	d := &Dir{Path: path, Format: format}
	raw, err := os.ReadFile(filepath.Join(path, SumFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("read migration directory: %w", err)
	default:
		d.raw = raw
		if !conflictMarker(raw) {
			if d.Sum, err = decodeSum(raw); err != nil {
				return nil, fmt.Errorf("%s: %w (restore it from version control, or rebuild it with `schemadiff migrate hash --dev-url URL`)", filepath.Join(path, SumFile), err)
			}
		}
	}
	if d.Sum != nil && d.Format == "" {
		d.Format = d.Sum.Format
	}
	if d.Format == "" {
		d.Format = SQL
	}
	if d.Sum != nil && d.Sum.Format != d.Format {
		return nil, fmt.Errorf("%s holds %s migrations (see %s): use --dir-format %s, or another --dir for %s migrations",
			path, d.Sum.Format, SumFile, d.Sum.Format, d.Format)
	}
	if d.Migrations, err = scan(path, d.Format); err != nil {
		return nil, err
	}
	if d.Sum != nil && !d.Format.numbered() {
		d.Migrations = inRecordedOrder(d.Migrations, d.Sum.Migrations)
	}
	return d, nil
}

// Open reads the migration directory at path and checks its integrity.
func Open(path string, format Format) (*Dir, error) {
	d, err := Load(path, format)
	if err != nil {
		return nil, err
	}
	if err := d.Verify(); err != nil {
		return nil, err
	}
	return d, nil
}

// State returns the canonical schema state the migrations lead to (an empty
// database of dialect when there are none).
func (d *Dir) State(dialect schema.Dialect) (*schema.Database, error) {
	if d.Sum == nil || d.Sum.State == nil {
		return emptyDatabase(dialect), nil
	}
	if d.Sum.State.Dialect != dialect {
		return nil, fmt.Errorf("%s: the migrations are for %s, the schema is %s", d.Path, d.Sum.State.Dialect, dialect)
	}
	return d.Sum.State, nil
}

// scan lists the migrations of format f in path: numbered formats sorted by
// version, alembic by file name.
func scan(path string, f Format) ([]Migration, error) {
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read migration directory: %w", err)
	}
	byVersion := map[string]*Migration{}
	var list []*Migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		v, ok := f.versionOf(e.Name())
		if !ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration: %w", err)
		}
		m := byVersion[v]
		if m == nil {
			m = &Migration{Version: v}
			byVersion[v] = m
			list = append(list, m)
		}
		m.Files = append(m.Files, FileSum{Name: e.Name(), Hash: hashBytes(data)})
	}
	out := make([]Migration, len(list))
	for i, m := range list {
		sortFiles(m.Files)
		out[i] = *m
	}
	if f.numbered() {
		sort.SliceStable(out, func(a, b int) bool { return lessVersion(out[a].Version, out[b].Version) })
	}
	return out, nil
}

// inRecordedOrder orders migrations as the integrity file lists them, the
// unrecorded ones last (by name).
func inRecordedOrder(ms []Migration, recorded []Entry) []Migration {
	pos := map[string]int{}
	for i, e := range recorded {
		pos[e.Version] = i
	}
	rank := func(m Migration) int {
		if p, ok := pos[m.Version]; ok {
			return p
		}
		return len(recorded)
	}
	sort.SliceStable(ms, func(a, b int) bool { return rank(ms[a]) < rank(ms[b]) })
	return ms
}

// names returns the file names of files.
func names(files []FileSum) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Name
	}
	return out
}

// sameContent reports whether two migrations hold the same file contents
// (whatever the files are called).
func sameContent(a, b []FileSum) bool {
	hashes := func(fs []FileSum) []string {
		out := make([]string, len(fs))
		for i, f := range fs {
			out[i] = f.Hash
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(hashes(a), hashes(b))
}

// recordedFile is the file named in a problem about a recorded migration.
func recordedFile(e Entry) string {
	if len(e.Files) == 0 {
		return e.Version
	}
	return e.Files[0].Name
}

// Verify checks the directory against its integrity file: every recorded
// migration present and unchanged, in the recorded order, nothing unrecorded,
// no two migrations on one parent. It returns an *IntegrityError naming each
// problem and its fix.
func (d *Dir) Verify() error {
	var ps []Problem
	add := func(kind ProblemKind, file, msg, hint string) {
		ps = append(ps, Problem{Kind: kind, File: file, Message: msg, Hint: hint})
	}
	if d.raw != nil && d.Sum == nil {
		add(Conflict, SumFile, "holds git merge conflict markers: migrations were generated on two branches",
			"keep the branch merged first: take its "+SumFile+" (git checkout --theirs), delete your branch's new migration files, and run `schemadiff generate` again on top of it")
		return d.problems(ps)
	}
	if d.Sum == nil {
		for _, m := range d.Migrations {
			add(Added, m.Files[0].Name, "is not recorded: the directory has no "+SumFile,
				"run `schemadiff migrate hash --dev-url URL` to record the migrations and the state they lead to")
		}
		return d.problems(ps)
	}
	ps = append(ps, d.verifyChain()...)
	if h, err := d.Sum.selfHash(); err != nil {
		return err
	} else if h != d.Sum.Hash {
		add(Tampered, SumFile, "was edited by hand (its hash does not match)",
			"restore it from version control, or rebuild it with `schemadiff migrate hash --dev-url URL`")
	}
	ps = append(ps, d.verifyFiles()...)
	if d.Format == Alembic && len(ps) == 0 {
		if _, err := alembicHead(d.Path); err != nil {
			add(Conflict, d.Path, err.Error(), "regenerate your revision on top of the other branch's head")
		}
	}
	return d.problems(ps)
}

// verifyChain checks the parents the integrity file records.
func (d *Dir) verifyChain() []Problem {
	var ps []Problem
	byParent := map[string]Entry{}
	prev := ""
	for _, e := range d.Sum.Migrations {
		if other, dup := byParent[e.Parent]; dup {
			ps = append(ps, Problem{Kind: Conflict, File: recordedFile(e),
				Message: fmt.Sprintf("and %s were both generated on top of %s (two branches merged)", recordedFile(other), orFirst(e.Parent)),
				Hint:    "keep the migration merged first: delete " + strings.Join(names(e.Files), ", ") + ", take " + SumFile + " from the other branch, and run `schemadiff generate` again on top of it"})
		} else if e.Parent != prev {
			ps = append(ps, Problem{Kind: Reordered, File: recordedFile(e),
				Message: fmt.Sprintf("follows %s in %s but was generated on top of %s", orFirst(prev), SumFile, orFirst(e.Parent)),
				Hint:    "restore " + SumFile + " from version control, or rebuild it with `schemadiff migrate hash --dev-url URL`"})
		}
		byParent[e.Parent] = e
		prev = e.Version
	}
	return ps
}

func orFirst(v string) string {
	if v == "" {
		return "the empty schema"
	}
	return v
}

// verifyFiles compares the migrations on disk with the recorded ones.
func (d *Dir) verifyFiles() []Problem {
	var ps []Problem
	disk := map[string]Migration{}
	for _, m := range d.Migrations {
		disk[m.Version] = m
	}
	recorded := map[string]bool{}
	moved := map[string]bool{} // unrecorded disk versions explained as renames
	newest := ""
	for _, e := range d.Sum.Migrations {
		recorded[e.Version] = true
		newest = e.Version
		m, ok := disk[e.Version]
		if !ok {
			ps = append(ps, d.missing(e, moved))
			continue
		}
		if p, bad := edited(e, m); bad {
			ps = append(ps, p)
		}
	}
	for _, m := range d.Migrations {
		if recorded[m.Version] || moved[m.Version] {
			continue
		}
		file := m.Files[0].Name
		if d.Format.numbered() && newest != "" && lessVersion(m.Version, newest) {
			ps = append(ps, Problem{Kind: Added, File: file,
				Message: "is not recorded and sorts before " + newest + ", the newest recorded migration (added by hand, or from another branch?)",
				Hint:    "if it comes from a merge, delete your branch's migrations after it and run `schemadiff generate` again; if deliberate, `schemadiff migrate hash --dev-url URL` adopts it and recomputes the state by replay"})
			continue
		}
		ps = append(ps, Problem{Kind: Added, File: file,
			Message: "is not recorded (added by hand, or kept from your branch when a merge took the other branch's " + SumFile + "?)",
			Hint: "after a merge, delete it and run `schemadiff generate` again on top of the merged migrations (it was generated on an older state); " +
				"if you added it by hand on purpose, run `schemadiff migrate hash --dev-url URL` to adopt it and recompute the state by replaying the migrations"})
	}
	return ps
}

// missing explains a recorded migration that is not on disk: renamed (which
// moves it in the order) or deleted.
func (d *Dir) missing(e Entry, moved map[string]bool) Problem {
	for _, m := range d.Migrations {
		if m.Version != e.Version && sameContent(e.Files, m.Files) {
			moved[m.Version] = true
			return Problem{Kind: Reordered, File: m.Files[0].Name,
				Message: fmt.Sprintf("was renamed from %s: version %s became %s, which changes the order migrations run in", recordedFile(e), e.Version, m.Version),
				Hint:    "rename it back to " + strings.Join(names(e.Files), ", ")}
		}
	}
	return Problem{Kind: Deleted, File: recordedFile(e),
		Message: "is recorded in " + SumFile + " but missing",
		Hint:    "restore it from version control; if it was removed on purpose, run `schemadiff migrate hash --dev-url URL` to recompute the state"}
}

// edited compares a recorded migration with its files on disk.
func edited(e Entry, m Migration) (Problem, bool) {
	want := map[string]string{}
	for _, f := range e.Files {
		want[f.Name] = f.Hash
	}
	for _, f := range m.Files {
		h, ok := want[f.Name]
		switch {
		case !ok:
			return Problem{Kind: Added, File: f.Name, Message: "was added to recorded migration " + e.Version,
				Hint: "remove it, or run `schemadiff migrate hash` if it is deliberate"}, true
		case h != f.Hash:
			return Problem{Kind: Edited, File: f.Name, Message: "was edited after it was generated (its hash changed)",
				Hint: "revert the edit; if it is deliberate, run `schemadiff migrate hash` to re-record the hashes (with --dev-url URL when it changes the schema)"}, true
		}
		delete(want, f.Name)
	}
	for _, f := range e.Files {
		if _, left := want[f.Name]; left {
			return Problem{Kind: Deleted, File: f.Name, Message: "is recorded in " + SumFile + " but missing",
				Hint: "restore it from version control"}, true
		}
	}
	return Problem{}, false
}

// ProblemKind classifies an integrity problem.
type ProblemKind string

// The integrity problems.
const (
	Edited    ProblemKind = "edited"    // a recorded file changed
	Added     ProblemKind = "added"     // a migration (or file) the integrity file does not record
	Deleted   ProblemKind = "deleted"   // a recorded migration (or file) is missing
	Reordered ProblemKind = "reordered" // a migration moved in the order
	Conflict  ProblemKind = "conflict"  // two migrations on one parent (a merge)
	Tampered  ProblemKind = "tampered"  // the integrity file was edited by hand
)

// Problem is one integrity problem: the file, what is wrong and the fix.
type Problem struct {
	Kind    ProblemKind
	File    string
	Message string
	Hint    string
}

// IntegrityError lists the integrity problems of a migration directory.
type IntegrityError struct {
	Dir      string
	Problems []Problem
}

// Error prints one problem per line: "dir/file: message (fix: hint)".
func (e *IntegrityError) Error() string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "migration directory %s failed its integrity check:", e.Dir)
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  %s: %s (fix: %s)", filepath.Join(e.Dir, p.File), p.Message, p.Hint)
	}
	return b.String()
}

// problems returns ps as an *IntegrityError, or nil.
func (d *Dir) problems(ps []Problem) error {
	if len(ps) == 0 {
		return nil
	}
	return &IntegrityError{Dir: d.Path, Problems: ps}
}
