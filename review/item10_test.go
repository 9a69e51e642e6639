package review_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/review"
	"github.com/schemadiff/schemadiff/schema"
)

// item10Dir is a migration directory: a table, a narrowing, an index created
// twice, an index and a check dropped and created again unchanged, and a
// statement with a typo.
var item10Dir = map[string]string{
	"001_init.sql":  "-- the table\n\nCREATE TABLE users (\n  name varchar(100) NOT NULL\n);\n",
	"002_bad.sql":   "-- narrowing\n\n\n\n\n\nALTER TABLE users ALTER COLUMN name TYPE varchar(10);\n",
	"003_twice.sql": "CREATE INDEX ix ON users (name);\nCREATE INDEX ix ON users (name);\nALTER TABLE users ADD CONSTRAINT ck CHECK (name <> '');\n",
	"004_again.sql": "DROP INDEX ix;\nCREATE INDEX ix ON users (name);\nALTER TABLE users DROP CONSTRAINT ck;\nALTER TABLE users ADD CONSTRAINT ck CHECK (name <> '');\n",
	"005_typo.sql":  "CREAT INDEX iy ON users (name);\n",
}

// TestItem10PreciseFindings is issue 9 item 10: findings at the line of the
// statement that causes them, one note instead of drop-missing everywhere
// when files are reviewed alone, --since VERSION, unreadable statements as
// errors, unchanged rebuilds reported.
func TestItem10PreciseFindings(t *testing.T) {
	dir := t.TempDir()
	for name, src := range item10Dir {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	desired := &schema.Database{Dialect: schema.Postgres, Tables: []*schema.Table{{Schema: "public", Name: "users",
		Columns: []*schema.Column{{Name: "name", Type: "varchar(100)"}}}}}
	at := func(file string, line int, code, msg string) string {
		return fmt.Sprintf("%s %s:%d %s", code, file, line, msg)
	}
	const again = " It is dropped and created again unchanged: remove both statements unless the rebuild is the point."
	narrow := []string{
		at("002_bad.sql", 7, "drift-changed", "Migrations create this differently from the schema: to match it, a migration must alter column public.users.name: type character varying(10) → character varying(100); fix the migration or the schema."),
		at("002_bad.sql", 7, "narrow-type", "Changing column public.users.name from character varying(100) to character varying(10) can lose data or fail on existing values."),
		at("002_bad.sql", 7, "table-rewrite", "Changing column public.users.name from character varying(100) to character varying(10) rewrites table public.users under an ACCESS EXCLUSIVE lock."),
	}
	later := []string{
		at("003_twice.sql", 1, "blocking-index", "Creating index ix without CONCURRENTLY blocks writes to table public.users while it builds."),
		at("003_twice.sql", 2, "duplicate-object", "Index ix on table public.users is created twice (first at "+filepath.Join(dir, "003_twice.sql")+":1); remove this create_index."),
		at("003_twice.sql", 3, "check-may-fail", "Adding check constraint ck on table public.users fails if existing rows violate it."),
		at("004_again.sql", 2, "blocking-index", "Creating index ix without CONCURRENTLY blocks writes to table public.users while it builds."+again),
		at("004_again.sql", 2, "drift-extra", "Migrations create what the schema lacks: to match it, a migration must drop index public.ix; add it to the schema (or drop it in a migration)."),
		at("004_again.sql", 4, "check-may-fail", "Adding check constraint ck on table public.users fails if existing rows violate it."+again),
		at("004_again.sql", 4, "drift-extra", "Migrations create what the schema lacks: to match it, a migration must drop check ck (name <> '') from public.users; add it to the schema (or drop it in a migration)."),
		at("005_typo.sql", 1, "unparsed", "Review cannot read this statement (CREAT statements are not understood); check by hand what it does to the schema."),
	}
	tests := []struct {
		name  string
		opts  review.Options
		want  []string
		error string
	}{
		{"directory", review.Options{Dir: dir, Schema: desired}, append(slices.Clone(narrow), later...), ""},
		{"since version", review.Options{Dir: dir, Schema: desired, After: "002"}, later, ""},
		{"since file name", review.Options{Dir: dir, Schema: desired, After: "002_bad.sql"}, later, ""},
		{"since unknown version", review.Options{Dir: dir, After: "009", Dialect: schema.Postgres}, nil,
			"review: --since 009: no migration has this version (give the version of the last migration before those to review, or a git ref)"},
		{"one file alone", review.Options{Files: []string{filepath.Join(dir, "002_bad.sql")}, Dialect: schema.Postgres}, []string{
			at("002_bad.sql", 7, "needs-earlier-migrations", "These migrations act on what none of the files reviewed creates (table public.users): the earlier migrations are needed to check them; review the directory with --dir DIR --since VERSION, VERSION being the last migration before these."),
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := review.Run(context.Background(), tt.opts)
			if tt.error != "" {
				if err == nil || err.Error() != tt.error || !errors.Is(err, review.ErrNotAVersion) {
					t.Fatalf("error %v, want %q", err, tt.error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				if !slices.Contains(review.AdviceCodes(), f.Code) {
					got = append(got, at(filepath.Base(f.Pos.File), f.Pos.Line, f.Code, f.Message))
				}
			}
			slices.Sort(got)
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			for _, f := range rep.Findings {
				if f.Code == review.CodeUnparsed && f.Severity != "error" {
					t.Errorf("an unreadable statement is a %s, want an error", f.Severity)
				}
			}
		})
	}
}

// TestItem10SARIF: a rule's default level is the level of its results, and
// the tool version is the build's.
func TestItem10SARIF(t *testing.T) {
	dir := t.TempDir()
	for name, src := range item10Dir {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := review.Run(context.Background(), review.Options{Dir: dir, Dialect: schema.Postgres})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, review.SARIF, review.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct{ RuleID, Level string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	bi, _ := debug.ReadBuildInfo()
	if v := run.Tool.Driver.Version; v == "dev" || v == "" || bi.Main.Version != "" && bi.Main.Version != "(devel)" && !strings.HasPrefix(v, bi.Main.Version) {
		t.Errorf("tool version %q, want the build's (module version %q)", v, bi.Main.Version)
	}
	levels := map[string]string{}
	for _, r := range run.Tool.Driver.Rules {
		levels[r.ID] = r.DefaultConfiguration.Level
	}
	for _, res := range run.Results {
		if levels[res.RuleID] != res.Level {
			t.Errorf("rule %s: default level %s, result level %s", res.RuleID, levels[res.RuleID], res.Level)
		}
	}
	if len(run.Results) < 5 {
		t.Errorf("only %d results", len(run.Results))
	}
}
