package migrate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"create users", "create_users"},
		{"Add Column: users.email", "add_column_users_email"},
		{"café crème brûlée", "cafe_creme_brulee"},
		{"Straße über Øresund", "strasse_uber_oresund"},
		{"../../etc/passwd", "etc_passwd"},
		{`drop "quoted" 'names'; --`, "drop_quoted_names"},
		{"C:\\windows\\path", "c_windows_path"},
		{"テーブル作成 users 🎉", "users"},
		{"", "migration"},
		{"   ", "migration"},
		{"日本語", "migration"},
		{strings.Repeat("very long words ", 20), "very_long_words_very_long_words_very_long_words_very_long"},
		{strings.Repeat("x", 200), strings.Repeat("x", maxSlug)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNextVersion(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	tests := []struct {
		name     string
		seq      bool
		existing []string
		want     string
	}{
		{"utc time", false, nil, "20240501100000"},
		{"same second bumps past the newest", false, []string{"20240501100000"}, "20240501100001"},
		{"newer existing version", false, []string{"20240501100005", "20240101000000"}, "20240501100006"},
		{"first sequence number", true, nil, "000001"},
		{"next sequence number", true, []string{"000001", "000002"}, "000003"},
	}
	for _, tt := range tests {
		if got := nextVersion(tt.seq, now, tt.existing); got != tt.want {
			t.Errorf("%s: nextVersion = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// users returns a canonical database with a users table of the given columns.
func users(t *testing.T, cols ...string) *schema.Database {
	t.Helper()
	tbl := &schema.Table{Name: "users", PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}}}
	tbl.Columns = append(tbl.Columns, &schema.Column{Name: "id", Type: "bigint"})
	for _, c := range cols {
		tbl.Columns = append(tbl.Columns, &schema.Column{Name: c, Type: "text", Null: true})
	}
	db, err := schema.Normalize(&schema.Database{Dialect: schema.Postgres, Tables: []*schema.Table{tbl}})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// generate writes the migration from the directory's state to want.
func generate(t *testing.T, dir string, f Format, msg string, want *schema.Database, now time.Time) []string {
	t.Helper()
	d, err := Open(dir, f)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	paths, err := d.Write(request(t, d, msg, want, now))
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return paths
}

func request(t *testing.T, d *Dir, msg string, want *schema.Database, now time.Time) Request {
	t.Helper()
	from, err := d.State(want.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	up, err := diff.Compare(from, want, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	down, err := diff.Down(from, want, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Request{Message: msg, Command: "schemadiff generate -m test", Up: up, Down: down, From: from, State: want, Now: now}
}

var clock = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// history writes three migrations into a fresh directory of format f.
func history(t *testing.T, f Format) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "migrations")
	generate(t, dir, f, "create users", users(t), clock)
	generate(t, dir, f, "add email", users(t, "email"), clock)
	generate(t, dir, f, "add name", users(t, "email", "name"), clock)
	return dir
}

func TestWriteRecordsState(t *testing.T) {
	for _, f := range []Format{SQL, GolangMigrate, Goose, Dbmate, Flyway} {
		t.Run(string(f), func(t *testing.T) {
			dir := history(t, f)
			d, err := Open(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != f || len(d.Migrations) != 3 {
				t.Fatalf("format %s with %d migrations, want %s with 3", d.Format, len(d.Migrations), f)
			}
			// Three generates in one second still get distinct, ordered versions.
			got := []string{d.Migrations[0].Version, d.Migrations[1].Version, d.Migrations[2].Version}
			if want := []string{"20240501120000", "20240501120001", "20240501120002"}; !cmp.Equal(got, want) {
				t.Errorf("versions %v, want %v", got, want)
			}
			state, err := d.State(schema.Postgres)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(users(t, "email", "name"), state, cmpopts.IgnoreTypes(schema.Pos{})); diff != "" {
				t.Errorf("recorded state (-want +got):\n%s", diff)
			}
			// Migrations are read by the tools that run them, often as another
			// user: every file is world-readable, like the sum file.
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				info, err := e.Info()
				if err != nil {
					t.Fatal(err)
				}
				if mode := info.Mode().Perm(); mode != 0o644 {
					t.Errorf("%s has mode %v, want -rw-r--r--", e.Name(), mode)
				}
			}
		})
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	for _, f := range []Format{SQL, GolangMigrate, Goose, Dbmate, Flyway} {
		t.Run(string(f), func(t *testing.T) {
			a, b := history(t, f), history(t, f)
			entries, err := os.ReadDir(a)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				x, _ := os.ReadFile(filepath.Join(a, e.Name()))
				y, err := os.ReadFile(filepath.Join(b, e.Name()))
				if err != nil || string(x) != string(y) {
					t.Errorf("%s differs between two runs with the same inputs and clock (%v)", e.Name(), err)
				}
			}
		})
	}
}

func TestNoOverwriteAndCleanup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "m")
	generate(t, dir, SQL, "create users", users(t), clock)
	d, err := Open(dir, SQL)
	if err != nil {
		t.Fatal(err)
	}
	req := request(t, d, "add email", users(t, "email"), clock)
	// The down file of the next version exists already (placed by someone else):
	// the write must fail, overwrite nothing and leave nothing of its own.
	clash := filepath.Join(dir, "20240501120001_add_email.down.sql")
	if err := os.WriteFile(clash, []byte("-- theirs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	if _, err := d.Write(req); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("Write over an existing file: %v, want an 'already exists' error", err)
	}
	if got := listDir(t, dir); !cmp.Equal(before, got) {
		t.Errorf("directory changed by a failed write:\nbefore %v\nafter  %v", before, got)
	}
	if data, _ := os.ReadFile(clash); string(data) != "-- theirs\n" {
		t.Errorf("existing file overwritten: %q", data)
	}
}

func listDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(data)
	}
	return out
}

func TestIntegrity(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		kind   ProblemKind
		file   string
		hint   string
	}{
		{"edited", func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, "20240501120001_add_email.up.sql"), "DROP TABLE users;\n")
		}, Edited, "20240501120001_add_email.up.sql", "schemadiff migrate hash"},
		{"hand-added", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "20240601000000_mine.up.sql"), "CREATE TABLE t (id int);\n")
			write(t, filepath.Join(dir, "20240601000000_mine.down.sql"), "DROP TABLE t;\n")
		}, Added, "20240601000000_mine.down.sql", "--dev-url"},
		{"kept from the other side of a merge", func(t *testing.T, dir string) {
			// Both branches generated on top of add_name; the merge took the
			// other branch's sum (with its migration) and kept this branch's
			// newer files: they are unrecorded, and adopting them by hash
			// alone would record a state they were not generated against.
			generate(t, dir, SQL, "theirs", users(t, "email", "name", "theirs"), clock)
			write(t, filepath.Join(dir, "20240501130000_mine.up.sql"), "ALTER TABLE users ADD COLUMN mine text;\n")
		}, Added, "20240501130000_mine.up.sql", "after a merge, delete it and run `schemadiff generate` again"},
		{"added before the newest", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "20240501110000_other.up.sql"), "SELECT 1;\n")
		}, Added, "20240501110000_other.up.sql", "sorts before"},
		{"deleted", func(t *testing.T, dir string) {
			remove(t, filepath.Join(dir, "20240501120001_add_email.up.sql"))
			remove(t, filepath.Join(dir, "20240501120001_add_email.down.sql"))
		}, Deleted, "20240501120001_add_email.down.sql", "restore it"},
		{"reordered", func(t *testing.T, dir string) {
			for _, s := range []string{"up", "down"} {
				rename(t, filepath.Join(dir, "20240501120002_add_name."+s+".sql"), filepath.Join(dir, "20240501110000_add_name."+s+".sql"))
			}
		}, Reordered, "20240501110000_add_name.down.sql", "rename it back"},
		{"merge conflict", func(t *testing.T, dir string) {
			// Another branch generated its own migration on top of the same
			// parent; the merge kept both entries in the sum file.
			sumPath := filepath.Join(dir, SumFile)
			data, _ := os.ReadFile(sumPath)
			s, err := decodeSum(data)
			if err != nil {
				t.Fatal(err)
			}
			other := s.Migrations[2]
			other.Version = "20240501120003"
			other.Files = []FileSum{{Name: "20240501120003_theirs.up.sql", Hash: hashBytes([]byte("SELECT 1;\n"))}}
			write(t, filepath.Join(dir, other.Files[0].Name), "SELECT 1;\n")
			s.Migrations = append(s.Migrations, other)
			out, err := s.encode()
			if err != nil {
				t.Fatal(err)
			}
			write(t, sumPath, string(out))
		}, Conflict, "20240501120003_theirs.up.sql", "generate` again on top"},
		{"conflict markers", func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, SumFile), "<<<<<<< HEAD\n=======\n>>>>>>> branch\n")
		}, Conflict, SumFile, "generate` again on top"},
		{"sum edited by hand", func(t *testing.T, dir string) {
			p := filepath.Join(dir, SumFile)
			data, _ := os.ReadFile(p)
			write(t, p, strings.Replace(string(data), `"name": "email"`, `"name": "mail"`, 1))
		}, Tampered, SumFile, "migrate hash --dev-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := history(t, SQL)
			tt.break_(t, dir)
			_, err := Open(dir, SQL)
			var ie *IntegrityError
			if !errors.As(err, &ie) {
				t.Fatalf("Open: %v, want an *IntegrityError", err)
			}
			p := ie.Problems[0]
			if p.Kind != tt.kind || p.File != tt.file || !strings.Contains(p.Hint+p.Message, tt.hint) {
				t.Errorf("problem %+v, want kind %s on %s with %q", p, tt.kind, tt.file, tt.hint)
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, tt.file)) {
				t.Errorf("error does not name %s:\n%v", tt.file, err)
			}
		})
	}
}

func TestRehashAdoptsAnEdit(t *testing.T) {
	dir := history(t, SQL)
	appendTo(t, filepath.Join(dir, "20240501120001_add_email.up.sql"), "-- reviewed\n")
	d, err := Load(dir, SQL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Rehash(nil); err != nil {
		t.Fatalf("Rehash: %v", err)
	}
	d, err = Open(dir, SQL)
	if err != nil {
		t.Fatalf("Open after Rehash: %v", err)
	}
	if state, _ := d.State(schema.Postgres); !cmp.Equal(users(t, "email", "name"), state, cmpopts.IgnoreTypes(schema.Pos{})) {
		t.Error("Rehash without a replayed state lost the recorded state")
	}
}

func TestConcurrentGenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "m")
	generate(t, dir, SQL, "create users", users(t), clock)
	const n = 2
	var wg sync.WaitGroup
	errs := make([]error, n)
	start := make(chan struct{})
	for i := range n {
		d, err := Open(dir, SQL)
		if err != nil {
			t.Fatal(err)
		}
		req := request(t, d, "add email", users(t, "email"), clock.Add(time.Duration(i)*time.Hour))
		wg.Go(func() {
			<-start
			_, errs[i] = d.Write(req)
		})
	}
	close(start)
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !strings.Contains(err.Error(), "locked by another schemadiff run") && !strings.Contains(err.Error(), "changed while schemadiff was working"):
			t.Errorf("loser's error is not clear: %v", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d generates won, want exactly 1 (%v)", won, errs)
	}
	d, err := Open(dir, SQL)
	if err != nil {
		t.Fatalf("directory inconsistent after the race: %v", err)
	}
	if len(d.Migrations) != 2 {
		t.Errorf("%d migrations after the race, want 2", len(d.Migrations))
	}
	if _, err := os.Stat(filepath.Join(dir, LockFile)); !os.IsNotExist(err) {
		t.Errorf("lock file left behind: %v", err)
	}
}

func TestFormatFiles(t *testing.T) {
	concurrently := &diff.Plan{Dialect: schema.Postgres, Changes: []*diff.Change{{
		Kind: diff.CreateIndex, Table: schema.QName{Schema: "public", Name: "users"}, Concurrently: true,
		Index:   &schema.Index{Name: "users_email_idx", Parts: []schema.IndexPart{{Column: "email"}}},
		Hazards: []diff.Hazard{{Code: "x", Severity: diff.Info, Message: "note; with +goose in it"}},
	}}}
	drop := &diff.Plan{Dialect: schema.Postgres, Changes: []*diff.Change{{
		Kind: diff.DropIndex, Table: schema.QName{Schema: "public", Name: "users"}, Concurrently: true,
		Index: &schema.Index{Name: "users_email_idx", Parts: []schema.IndexPart{{Column: "email"}}},
	}}}
	tests := []struct {
		format Format
		names  []string
		has    []string
	}{
		{Goose, []string{"20240501120000_idx.sql"}, []string{"-- +goose NO TRANSACTION\n", "-- +goose Up\nCREATE INDEX CONCURRENTLY", "-- +goose Down\nDROP INDEX CONCURRENTLY", "+ goose in it"}},
		{Dbmate, []string{"20240501120000_idx.sql"}, []string{"-- migrate:up transaction:false\n", "-- migrate:down transaction:false\n"}},
		{Flyway, []string{"V20240501120000__idx.sql", "U20240501120000__idx.sql", "V20240501120000__idx.sql.conf", "U20240501120000__idx.sql.conf"}, []string{"executeInTransaction=false"}},
		{GolangMigrate, []string{"20240501120000_idx.up.sql", "20240501120000_idx.down.sql"}, []string{"schemadiff writes it alone"}},
	}
	for _, tt := range tests {
		m := migration{format: tt.format, version: "20240501120000", slug: "idx", message: "idx", command: "c", created: clock, up: concurrently, down: drop}
		files, err := m.files()
		if err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		var names []string
		var all strings.Builder
		for _, f := range files {
			names = append(names, f.Name)
			all.Write(f.Data)
		}
		if !cmp.Equal(names, tt.names) {
			t.Errorf("%s: files %v, want %v", tt.format, names, tt.names)
		}
		for _, s := range tt.has {
			if !strings.Contains(all.String(), s) {
				t.Errorf("%s: files lack %q:\n%s", tt.format, s, all.String())
			}
		}
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendTo(t *testing.T, p, s string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	write(t, p, string(data)+s)
}

func remove(t *testing.T, p string) {
	t.Helper()
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func TestAlembicFormat(t *testing.T) {
	dir := history(t, Alembic)
	d, err := Open(dir, Alembic)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if len(d.Migrations) != 3 {
		t.Fatalf("%d revisions, want 3", len(d.Migrations))
	}
	head, err := alembicHead(dir)
	if err != nil || head != d.Migrations[2].Version {
		t.Errorf("alembic head %q (%v), want the last recorded revision %s", head, err, d.Migrations[2].Version)
	}
	f := d.Migrations[1].Files[0].Name
	data, err := os.ReadFile(filepath.Join(dir, f))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(f, "_add_email.py") || !strings.HasPrefix(string(data), "# add email\n") || !strings.Contains(string(data), d.Migrations[0].Version) {
		t.Errorf("%s does not carry the header and down_revision %s:\n%s", f, d.Migrations[0].Version, data)
	}
}
