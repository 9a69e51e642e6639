package migrate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/atomicfile"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// LockFile is created (exclusively) in the directory while schemadiff writes
// to it, so that two runs cannot both add a migration.
const LockFile = ".schemadiff.lock"

// Request describes the next migration.
type Request struct {
	Message string // what the migration does (-m)
	Command string // the command line that generates it, for the file header (no passwords)
	// Up takes the current state to State; Down takes it back.
	Up, Down *diff.Plan
	// From is the state Up starts from (canonical). A migration split
	// because a statement cannot run in a transaction needs it to give each
	// part the down that undoes exactly that part; without it the parts'
	// downs only undo Up all together (see migration.split).
	From *schema.Database
	// State is the canonical schema the migrations lead to once this one is applied.
	State *schema.Database
	Now   time.Time // the clock: the version and the header's time
	Seq   bool      // number migrations 000001, 000002… instead of by UTC time (sql, golang-migrate)
	// Timeouts, when set (--online on PostgreSQL), open every file or
	// section that can hold them with SET lock_timeout and SET
	// statement_timeout (see migration.scriptOptions).
	Timeouts *render.Timeouts
}

// Write adds the migration req describes (several consecutive ones when a
// statement must run outside a transaction: see migration.split), and
// records it in the integrity file. It holds the directory's lock file while it works, checks that the
// integrity file is still the one d was read with, creates every migration
// file without overwriting anything, and replaces the integrity file last; on
// failure it removes what it created, leaving the directory as it was. It
// returns the paths written.
func (d *Dir) Write(req Request) ([]string, error) {
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return nil, fmt.Errorf("create migration directory: %w", err)
	}
	unlock, err := lock(d.Path)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := d.unchanged(); err != nil {
		return nil, err
	}
	m, err := d.next(req)
	if err != nil {
		return nil, err
	}
	versions := d.versions()
	parts, err := m.split(req.From, req.State, func(after string) string {
		versions = append(versions, after)
		return nextVersion(req.Seq, req.Now, versions)
	})
	if err != nil {
		return nil, err
	}
	var files []File
	var entries []Entry
	for _, p := range parts {
		fs, err := p.files()
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
		entries = append(entries, entryOf(p.version, p.parent, fs))
	}
	sum, err := d.appended(entries, req.State)
	if err != nil {
		return nil, err
	}
	var created []string
	undo := func() {
		for _, p := range created {
			os.Remove(p)
		}
	}
	for _, f := range files {
		p := filepath.Join(d.Path, f.Name)
		if err := createNew(p, f.Data); err != nil {
			undo()
			return nil, err
		}
		created = append(created, p)
	}
	if err := d.unchanged(); err != nil {
		undo()
		return nil, err
	}
	sumPath := filepath.Join(d.Path, SumFile)
	if err := atomicfile.Replace(sumPath, sum); err != nil {
		undo()
		return nil, err
	}
	d.raw = sum
	return append(created, sumPath), nil
}

// next chooses the version and parent of the new migration.
func (d *Dir) next(req Request) (migration, error) {
	m := migration{format: d.Format, slug: Slug(req.Message), message: req.Message, command: req.Command,
		created: req.Now, up: req.Up, down: req.Down, timeouts: req.Timeouts}
	if n := len(d.Migrations); n > 0 {
		m.parent = d.Migrations[n-1].Version
	}
	if d.Format == Alembic {
		head, err := alembicHead(d.Path)
		if err != nil {
			return m, err
		}
		if head != m.parent {
			return m, fmt.Errorf("%s: the alembic head is %s but %s records %s last: run `schemadiff migrate hash`", d.Path, orFirst(head), SumFile, orFirst(m.parent))
		}
		m.version = alembicRevision(m.parent, req.Message, req.Now)
		return m, nil
	}
	m.version = nextVersion(req.Seq, req.Now, d.versions())
	return m, nil
}

// versions returns the versions of the directory's migrations, in order.
func (d *Dir) versions() []string {
	versions := make([]string, len(d.Migrations))
	for i, x := range d.Migrations {
		versions[i] = x.Version
	}
	return versions
}

// entryOf returns the integrity file's record of a migration.
func entryOf(version, parent string, files []File) Entry {
	e := Entry{Version: version, Parent: parent}
	for _, f := range files {
		e.Files = append(e.Files, FileSum{Name: f.Name, Hash: hashBytes(f.Data)})
	}
	sortFiles(e.Files)
	return e
}

// appended returns the integrity file with new migrations recorded.
func (d *Dir) appended(entries []Entry, state *schema.Database) ([]byte, error) {
	st, err := stripHints(state)
	if err != nil {
		return nil, err
	}
	s := Sum{Version: sumVersion, Format: d.Format, State: st}
	if d.Sum != nil {
		s.Migrations = append(s.Migrations, d.Sum.Migrations...)
	}
	s.Migrations = append(s.Migrations, entries...)
	return s.encode()
}

// Rehash re-records the hashes of every migration on disk, in their order,
// adopting unrecorded ones and forgetting deleted ones. state is the state
// the migrations lead to when it is known (replayed with --dev-url); nil
// keeps the recorded state, which is refused when the directory holds a
// merge conflict or has never recorded a state.
func (d *Dir) Rehash(state *schema.Database) ([]string, error) {
	if state == nil {
		var ie *IntegrityError
		if err := d.Verify(); errors.As(err, &ie) {
			for _, p := range ie.Problems {
				if p.Kind == Conflict {
					return nil, fmt.Errorf("%s: %s %s: hashing cannot resolve a merge (fix: %s)", d.Path, p.File, p.Message, p.Hint)
				}
			}
		} else if err != nil {
			return nil, err
		}
		if d.Sum == nil || d.Sum.State == nil {
			if len(d.Migrations) > 0 {
				return nil, fmt.Errorf("%s has no recorded state: run `schemadiff migrate hash --dev-url URL` to compute it by replaying the migrations", d.Path)
			}
			return nil, fmt.Errorf("%s holds no migrations: nothing to hash", d.Path)
		}
		state = d.Sum.State
	}
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return nil, fmt.Errorf("create migration directory: %w", err)
	}
	unlock, err := lock(d.Path)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := d.unchanged(); err != nil {
		return nil, err
	}
	st, err := stripHints(state)
	if err != nil {
		return nil, err
	}
	s := Sum{Version: sumVersion, Format: d.Format, State: st}
	parent := ""
	for _, m := range d.Migrations {
		s.Migrations = append(s.Migrations, Entry{Version: m.Version, Parent: parent, Files: m.Files})
		parent = m.Version
	}
	data, err := s.encode()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(d.Path, SumFile)
	if err := atomicfile.Replace(p, data); err != nil {
		return nil, err
	}
	d.Sum, d.raw = &s, data
	return []string{p}, nil
}

// unchanged checks that the integrity file is still the one d was read with.
func (d *Dir) unchanged() error {
	now, err := os.ReadFile(filepath.Join(d.Path, SumFile))
	if errors.Is(err, fs.ErrNotExist) {
		now, err = nil, nil
	}
	if err != nil {
		return fmt.Errorf("re-read %s: %w", SumFile, err)
	}
	if !bytes.Equal(now, d.raw) {
		return fmt.Errorf("%s changed while schemadiff was working (another generate ran at the same time?): run the command again", filepath.Join(d.Path, SumFile))
	}
	return nil
}

// lock creates the directory's lock file exclusively and returns its release.
func lock(dir string) (func(), error) {
	p := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s is locked by another schemadiff run (%s exists); if no other run is going on, remove that file", dir, p)
	}
	if err != nil {
		return nil, fmt.Errorf("lock migration directory: %w", err)
	}
	_, werr := f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(p)
		return nil, fmt.Errorf("lock migration directory: %w", werr)
	}
	return func() { os.Remove(p) }, nil
}

// migrationFileMode is the permission of every migration file written.
const migrationFileMode = 0o644

// createNew writes a new file at path through a temporary file and a hard
// link, which fails rather than replace a file that exists.
func createNew(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		// CreateTemp makes the file private (0600); a migration is read by
		// the tools that run it, often as another user, like the sum file.
		err = tmp.Chmod(migrationFileMode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), path)
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s already exists: schemadiff never overwrites a migration", path)
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// sortFiles sorts file sums by name.
func sortFiles(files []FileSum) {
	slices.SortFunc(files, func(a, b FileSum) int { return strings.Compare(a.Name, b.Name) })
}
