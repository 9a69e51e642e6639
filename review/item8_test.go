package review_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/review"
)

// TestItem8DirectoryArgument is issue 9 item 8: a directory named as a
// positional argument is the migration directory, and of a glob's files those
// that are no migration are skipped with a note, never read as SQL.
func TestItem8DirectoryArgument(t *testing.T) {
	to := loadSchema(t, filepath.Join("..", "testdata", "convergence", "006_drop_column", "to.hcl"))
	for _, f := range []migrate.Format{migrate.SQL, migrate.Goose, migrate.Alembic} {
		dir := filepath.Join(t.TempDir(), "migrations")
		writeMigration(t, dir, f, 0, to)
		extra := []string{"README.md", "alembic.ini", "script.py.mako", "env.py", "__pycache__/x.cpython-312.pyc"}
		for _, name := range extra {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("CREAT INDEX nothing;\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		glob, _ := filepath.Glob(filepath.Join(dir, "*"))
		glob = append(glob, filepath.Join(dir, "__pycache__", "x.cpython-312.pyc"))
		note := func(name, why string) string {
			return fmt.Sprintf("not-a-migration %s:1 Not a migration (%s): skipped; name only migration files, or the directory.", filepath.Join(dir, name), why)
		}
		tests := []struct {
			name  string
			files []string
			want  []string
		}{
			{"directory", []string{dir}, nil},
			{"glob", glob, []string{
				note("README.md", "neither .sql nor an Alembic revision (.py)"),
				note("__pycache__", "a directory among files; name a migration directory alone, or as --dir"),
				note("__pycache__/x.cpython-312.pyc", "a Python cache"),
				note("alembic.ini", "neither .sql nor an Alembic revision (.py)"),
				note("env.py", "Alembic's environment, not a revision"),
				note("schemadiff.sum", "the integrity file of the directory"),
				note("script.py.mako", "neither .sql nor an Alembic revision (.py)"),
			}},
		}
		for _, tt := range tests {
			t.Run(string(f)+"/"+tt.name, func(t *testing.T) {
				rep, err := review.Run(context.Background(), review.Options{Schema: to, Files: tt.files})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, fd := range rep.Findings {
					if !slices.Contains(review.AdviceCodes(), fd.Code) {
						got = append(got, fmt.Sprintf("%s %s:%d %s", fd.Code, fd.Pos.File, fd.Pos.Line, fd.Message))
					}
				}
				slices.Sort(got)
				slices.Sort(tt.want)
				if !slices.Equal(got, tt.want) {
					t.Errorf("findings:\n%q\nwant:\n%q", got, tt.want)
				}
				byDir, err := review.Run(context.Background(), review.Options{Schema: to, Dir: dir})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(rep.Migrations, byDir.Migrations) {
					t.Errorf("migrations read: %q, want those of --dir: %q", rep.Migrations, byDir.Migrations)
				}
			})
		}
	}
}
