package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/alembic"
	"github.com/schemadiff/schemadiff/internal/alembic/alembictest"
	"github.com/schemadiff/schemadiff/internal/pgtest"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// alembicEnv is a minimal env.py: the URL comes from the environment, offline
// mode prints the SQL, online mode runs each revision in its own transaction.
const alembicEnv = `import os
from alembic import context
from sqlalchemy import create_engine, pool

url = os.environ["SCHEMADIFF_ALEMBIC_URL"]
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
`

// alembicProject is a temporary Alembic project.
type alembicProject struct {
	python, ini, versions, url string
}

// newAlembicProject writes alembic.ini, env.py and an empty versions folder.
func newAlembicProject(t *testing.T, url string) *alembicProject {
	t.Helper()
	python := alembictest.Python(t)
	t.Log(alembictest.Versions(t, python))
	dir := t.TempDir()
	p := &alembicProject{python: python, ini: filepath.Join(dir, "alembic.ini"),
		versions: filepath.Join(dir, "alembic", "versions"), url: url}
	if err := os.MkdirAll(p.versions, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, p.ini, "[alembic]\nscript_location = "+filepath.Join(dir, "alembic")+"\n")
	writeFile(t, filepath.Join(dir, "alembic", "env.py"), alembicEnv)
	return p
}

// writeFile writes content to path.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// addRevision renders the revision from → to after the current head, the
// way generate does, and returns its id.
func (p *alembicProject) addRevision(t *testing.T, from, to *schema.Database, message string, created time.Time) string {
	t.Helper()
	up, err := diff.Compare(from, to, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	down, err := diff.Down(from, to, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	head, err := alembic.Head(p.versions)
	if err != nil {
		t.Fatal(err)
	}
	id := alembic.NewRevisionID(head, message, created)
	src, err := render.Alembic(up, down, render.AlembicRevision{ID: id, DownRevision: head, Message: message, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(p.versions, id+"_"+strings.ReplaceAll(message, " ", "_")+".py"), string(src))
	return id
}

// run runs python -m alembic with args and returns its standard output.
func (p *alembicProject) run(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(p.python, append([]string{"-m", "alembic", "-c", p.ini}, args...)...)
	cmd.Env = append(os.Environ(), "SCHEMADIFF_ALEMBIC_URL="+p.url)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("alembic %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// alembicStates are three states of a PostgreSQL schema: tables created; a
// column and a partial index added; a column dropped.
var alembicStates = []string{`
dialect = "postgres"
schema "audit" {}
enum "user_role" { values = ["viewer", "editor", "it's"] }
table "tenants" {
  column "id" {
    type = "uuid"
    default = sql("gen_random_uuid()")
  }
  column "name" {
    type = "text"
    comment = "Display name: 100% unique"
  }
  primary_key { columns = ["id"] }
}
table "users" {
  comment = "People who log in"
  column "id" {
    type = "bigint"
    identity { always = true }
  }
  column "tenant_id" { type = "uuid" }
  column "email" { type = "varchar(255)" }
  column "role" {
    type = "user_role"
    default = "viewer"
  }
  column "score" {
    type = "numeric(10,2)"
    default = 0
  }
  column "is_deleted" {
    type = "boolean"
    default = false
  }
  column "created_at" {
    type = "timestamptz"
    default = sql("now()")
  }
  column "legacy" {
    type = "text"
    null = true
  }
  column "email_lower" {
    type = "text"
    computed { expr = "lower(email)" }
  }
  primary_key { columns = ["id"] }
  unique "users_tenant_email_key" { columns = ["tenant_id", "email"] }
  check "users_score_check" { expr = "score >= 0" }
  foreign_key "users_tenant_fkey" {
    columns = ["tenant_id"]
    ref_table = "tenants"
    ref_columns = ["id"]
    on_delete = "CASCADE"
  }
  index "users_created_idx" {
    on {
      column = "created_at"
      desc = true
    }
  }
}
table "events" {
  schema = "audit"
  column "id" { type = "bigserial" }
  column "payload" {
    type = "jsonb"
    null = true
  }
  primary_key { columns = ["id"] }
  index "events_payload_idx" {
    columns = ["payload"]
    using = "gin"
  }
}
`, `
  column "nickname" {
    type = "varchar(50)"
    null = true
  }
  index "users_nickname_idx" {
    on { expr = "lower(nickname)" }
    include = ["email"]
    where = "is_deleted = false"
  }
`, ``}

// alembicSchema returns state i of alembicStates, loaded and normalized: each
// state adds its lines to the users table; the last one drops its "legacy" column.
func alembicSchema(t *testing.T, i int) *schema.Database {
	t.Helper()
	src := alembicStates[0]
	if i >= 1 {
		src = strings.Replace(src, "  primary_key { columns = [\"id\"] }\n  unique", alembicStates[1]+"  primary_key { columns = [\"id\"] }\n  unique", 1)
	}
	if i >= 2 {
		src = strings.Replace(src, "  column \"legacy\" {\n    type = \"text\"\n    null = true\n  }\n", "", 1)
	}
	path := filepath.Join(t.TempDir(), "schema.hcl")
	writeFile(t, path, src)
	return loadFile(t, path)
}

// withoutAlembicVersion drops Alembic's own bookkeeping table from db.
func withoutAlembicVersion(db *schema.Database) *schema.Database {
	db.Tables = slices.DeleteFunc(db.Tables, func(tb *schema.Table) bool { return tb.Name == "alembic_version" })
	return db
}

// TestAlembicOnline runs three generated revisions with the real Alembic on
// PostgreSQL, up to the head and back down to nothing.
func TestAlembicOnline(t *testing.T) {
	url := pgtest.NewDB(t)
	p := newAlembicProject(t, "postgresql"+strings.TrimPrefix(url, "postgres"))
	empty := &schema.Database{Dialect: schema.Postgres}
	states := []*schema.Database{empty, alembicSchema(t, 0), alembicSchema(t, 1), alembicSchema(t, 2)}
	created := time.Date(2025, 1, 20, 10, 0, 0, 0, time.UTC)
	var ids []string
	for i, msg := range []string{"create tables", "add nickname", "drop legacy"} {
		ids = append(ids, p.addRevision(t, states[i], states[i+1], msg, created.Add(time.Duration(i)*time.Hour)))
	}
	if head, err := alembic.Head(p.versions); err != nil || head != ids[2] {
		t.Fatalf("head = %q, %v; want %s", head, err, ids[2])
	}
	for i, want := range []string{"op.create_table(", "op.add_column('users', sa.Column('nickname'", "op.drop_column('users', 'legacy'"} {
		if matches, _ := filepath.Glob(filepath.Join(p.versions, ids[i]+"_*.py")); len(matches) != 1 || !strings.Contains(readIfExists(t, matches[0]), want) {
			t.Fatalf("revision %d (%v) lacks %s", i+1, matches, want)
		}
	}

	for i, id := range ids {
		p.run(t, "upgrade", id)
		assertNoChanges(t, "after alembic upgrade "+id, states[i+1], withoutAlembicVersion(inspect(t, url)))
	}
	if got := strings.TrimSpace(p.run(t, "current")); !strings.HasPrefix(got, ids[2]) {
		t.Errorf("alembic current = %q, want %s (head)", got, ids[2])
	}
	for i := len(ids) - 1; i >= 0; i-- {
		target := "base"
		if i > 0 {
			target = ids[i-1]
		}
		p.run(t, "downgrade", target)
		assertNoChanges(t, "after alembic downgrade "+target, states[i], withoutAlembicVersion(inspect(t, url)))
	}
	// And once more, straight to the head.
	p.run(t, "upgrade", "head")
	assertNoChanges(t, "after alembic upgrade head", states[3], withoutAlembicVersion(inspect(t, url)))
}

// tsqlNormal is a T-SQL statement in a comparable form: brackets, and
// parentheses, semicolons and whitespace left out, lower case.
func tsqlNormal(s string) string {
	s = strings.NewReplacer("[", "", "]", "", "(", " ", ")", " ", ";", " ", ",", " , ").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// TestAlembicOfflineSQLServer renders seed 002's revision and runs it with
// the real Alembic in offline mode (--sql, no server): the T-SQL it prints
// must hold every option of seed 002, index for index what render.SQL prints.
func TestAlembicOfflineSQLServer(t *testing.T) {
	db, err := schema.Load(schema.LoadOptions{}, filepath.Join(repoRoot, "testdata/examples/sqlserver/users.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if db, err = schema.Normalize(db); err != nil {
		t.Fatal(err)
	}
	p := newAlembicProject(t, "mssql+pyodbc://")
	empty := &schema.Database{Dialect: schema.SQLServer}
	p.addRevision(t, empty, db, "create users", time.Date(2025, 1, 20, 10, 0, 0, 0, time.UTC))
	out := p.run(t, "upgrade", "head", "--sql")

	for _, want := range []string{
		"CONSTRAINT pk_users PRIMARY KEY NONCLUSTERED (id)",
		"CREATE UNIQUE CLUSTERED INDEX ix_users_index_id ON dbo.users (index_id)",
		"CREATE UNIQUE NONCLUSTERED INDEX ix_users_tenant_email ON dbo.users (tenant_id, email) WHERE is_deleted = 0",
		"CREATE NONCLUSTERED INDEX ix_users_tenant_last_login ON dbo.users (tenant_id, last_login_at) INCLUDE (email) WHERE is_deleted = 0",
		"index_id BIGINT NOT NULL IDENTITY(1,1)",
		"DEFAULT NEWID()",
		"CONSTRAINT fk_users_tenant FOREIGN KEY(tenant_id) REFERENCES dbo.tenants (id)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("alembic's T-SQL lacks %q", want)
		}
	}

	// Index for index (and key for key), Alembic's statements equal render.SQL's.
	_, stmts := planSQL(t, compare(t, empty, db))
	ours := map[string]string{}
	for _, s := range stmts {
		if s.Change.Kind == diff.CreateIndex || s.Change.Kind == diff.AddForeignKey {
			ours[tsqlNormal(s.SQL)] = s.SQL
		}
	}
	theirs := map[string]bool{}
	for _, s := range regexp.MustCompile(`(?m)^GO$`).Split(out, -1) {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "CREATE") && strings.Contains(s, " INDEX ") || strings.Contains(s, "FOREIGN KEY") && strings.HasPrefix(s, "ALTER TABLE") {
			theirs[tsqlNormal(s)] = true
		}
	}
	for n, s := range ours {
		if !theirs[n] {
			t.Errorf("alembic prints no statement equal to render.SQL's %s", s)
		}
	}
	if len(theirs) != len(ours) {
		t.Errorf("alembic prints %d index and foreign key statements, render.SQL %d", len(theirs), len(ours))
	}
	t.Logf("alembic offline T-SQL:\n%s", out)
}

// alembicAt is an Alembic project (the real python3 -m alembic) whose
// revisions are the ones generate wrote into dir.
func alembicAt(t *testing.T, dir, url string) *alembicProject {
	t.Helper()
	p := newAlembicProject(t, "postgresql"+strings.TrimPrefix(url, "postgres"))
	writeFile(t, p.ini, "[alembic]\nscript_location = "+filepath.Dir(p.versions)+"\nversion_locations = "+dir+"\n")
	return p
}

func alembicUp(t *testing.T, dir, url string) { alembicAt(t, dir, url).run(t, "upgrade", "head") }

func alembicDown(t *testing.T, dir, url string) { alembicAt(t, dir, url).run(t, "downgrade", "base") }
