package review

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// scopeBase is the first migration of every scope test: tables in two
// schemas with foreign keys between them (a chain, and unqualified
// references), unrelated tables, an enum in use, and indexes and
// constraints a later migration names without their table.
const scopeBase = `CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE orgs (id integer PRIMARY KEY, name text);
CREATE TABLE users (id bigint PRIMARY KEY, org_id integer REFERENCES orgs (id), email text, feeling mood);
CREATE INDEX users_email_idx ON users (email);
CREATE TABLE app.posts (id bigint PRIMARY KEY, user_id bigint REFERENCES public.users (id), body text,
  CONSTRAINT posts_body_check CHECK (body <> ''));
CREATE TABLE app.comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));
CREATE TABLE app.tags (id bigint PRIMARY KEY, label text UNIQUE);
CREATE INDEX tags_label_lower_idx ON app.tags (lower(label));
CREATE TABLE unrelated (id bigint PRIMARY KEY, note varchar(20));
`

// TestScopeSameAsWholeState reviews migrations that touch a few tables of
// the state, each checked on its scope and on the whole state: the reports
// must be equal, and hold the findings the migration calls for (so that
// the scope left out nothing they need).
func TestScopeSameAsWholeState(t *testing.T) {
	tests := []struct {
		name     string
		up, down string
		want     []string // codes the report must hold
	}{
		{"retype a key that foreign keys reference",
			`ALTER TABLE orgs ALTER COLUMN id TYPE bigint;`, `ALTER TABLE orgs ALTER COLUMN id TYPE integer;`,
			[]string{diff.HazardTableRewrite}},
		{"rename a referenced table and column",
			`ALTER TABLE users RENAME TO members; ALTER TABLE members RENAME COLUMN id TO member_id;`,
			`ALTER TABLE members RENAME COLUMN member_id TO id; ALTER TABLE members RENAME TO users;`,
			[]string{diff.HazardRenameTable, diff.HazardRenameColumn}},
		{"drop an index and a constraint named without their table",
			`DROP INDEX app.tags_label_lower_idx; ALTER TABLE app.posts DROP CONSTRAINT posts_body_check; DROP INDEX users_email_idx;`,
			`CREATE INDEX users_email_idx ON users (email);`,
			[]string{CodeDownMismatch}},
		{"rename an index named without its table",
			`ALTER INDEX users_email_idx RENAME TO users_mail_idx;`, `ALTER INDEX users_mail_idx RENAME TO users_email_idx;`,
			nil},
		{"enum changes, with a column of the type",
			`ALTER TYPE mood ADD VALUE 'glad'; ALTER TYPE mood RENAME TO feeling_kind;`, ``,
			[]string{diff.HazardTableRewrite}},
		{"drop a schema",
			`DROP SCHEMA app CASCADE;`, ``,
			[]string{diff.HazardDropSchema, diff.HazardDropTable}},
		{"add a foreign key to an untouched table, and an index",
			`ALTER TABLE unrelated ADD COLUMN org_id integer; ALTER TABLE unrelated ADD CONSTRAINT unrelated_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id); CREATE INDEX unrelated_note_idx ON unrelated (note);`,
			`DROP INDEX unrelated_note_idx; ALTER TABLE unrelated DROP COLUMN org_id;`,
			[]string{diff.HazardForeignKeyMayFail, diff.HazardBlockingIndex}},
		{"drop a referenced table, and a column",
			`DROP TABLE app.comments; ALTER TABLE app.posts DROP COLUMN body;`, `ALTER TABLE app.posts ADD COLUMN body text;`,
			[]string{diff.HazardDropTable, diff.HazardDropColumn, CodeDownMismatch}},
		{"drop and create again an index unchanged",
			`DROP INDEX users_email_idx; CREATE INDEX users_email_idx ON users (email);`, ``,
			[]string{diff.HazardBlockingIndex}},
		{"alter what no migration created",
			`ALTER TABLE nowhere ADD COLUMN x integer; DROP INDEX no_such_idx;`, ``,
			[]string{CodeDropMissing}},
		{"an invalid state",
			`ALTER TABLE unrelated ALTER COLUMN note TYPE varchar(nope);`, ``,
			[]string{CodeInvalidState}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"001_base.up.sql": scopeBase, "002_change.up.sql": tt.up, "003_later.up.sql": `ALTER TABLE unrelated ADD COLUMN later integer;`}
			if tt.down != "" {
				files["002_change.down.sql"] = tt.down
			}
			for name, src := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			reports := map[bool]*Report{}
			for _, whole := range []bool{false, true} {
				rep, err := Run(context.Background(), Options{Dialect: schema.Postgres, Dir: dir, wholeState: whole})
				if err != nil {
					t.Fatal(err)
				}
				reports[whole] = rep
			}
			if d := cmp.Diff(reports[true].Findings, reports[false].Findings); d != "" {
				t.Errorf("scoped review differs from the whole state's (-whole +scoped):\n%s", d)
			}
			var codes []string
			for _, f := range reports[false].Findings {
				codes = append(codes, f.Code)
			}
			for _, c := range tt.want {
				if !slices.Contains(codes, c) {
					t.Errorf("no %s finding; got %v", c, findingsText(reports[false].Findings))
				}
			}
		})
	}
}

func findingsText(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s: %s", f.Code, f.Object, f.Message))
	}
	return out
}
