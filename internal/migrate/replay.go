package migrate

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/schema"
)

// ToolTables are the bookkeeping tables of migration tools. Every live
// comparison leaves them out: they belong to the tool, not to the schema.
func ToolTables() []string {
	return []string{
		"alembic_version", "schema_migrations", "goose_db_version", "flyway_schema_history",
		"atlas_schema_revisions", "gorp_migrations", "knex_migrations", "knex_migrations_lock",
		"__EFMigrationsHistory", "__diesel_schema_migrations", "_prisma_migrations", "schemaversions",
		"django_migrations", "databasechangelog", "databasechangeloglock",
		"_sqlx_migrations", "seaql_migrations",
	}
}

// Replay applies the up migrations of d in order to a throwaway database on
// the PostgreSQL server devURL names, reads the schema back (leaving out the
// tables exclude names and the tool tables), drops the database and returns
// the state. It is how the state of hand-written or hand-edited migrations
// is learned.
func (d *Dir) Replay(ctx context.Context, devURL string, exclude []string) (*schema.Database, error) {
	if d.Format == Alembic {
		return nil, fmt.Errorf("--dev-url cannot replay alembic revisions (they are Python): run them with alembic on a database and use --url")
	}
	scripts := make([]string, 0, len(d.Migrations))
	for _, m := range d.Migrations {
		s, err := d.upScript(m)
		if err != nil {
			return nil, err
		}
		scripts = append(scripts, s)
	}
	admin, err := pgx.Connect(ctx, devURL)
	if err != nil {
		return nil, redact.Error(fmt.Errorf("connect to --dev-url (a scratch postgres:// server): %w", err), devURL)
	}
	defer admin.Close(context.Background())
	name, err := scratchName()
	if err != nil {
		return nil, err
	}
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return nil, redact.Error(fmt.Errorf("--dev-url: create scratch database (the user needs CREATEDB): %w", err), devURL)
	}
	defer admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)")
	u, err := url.Parse(devURL)
	if err != nil {
		return nil, fmt.Errorf("--dev-url %s: %w", redact.URL(devURL), err)
	}
	u.Path = "/" + name
	scratch := u.String()
	if err := runScripts(ctx, scratch, d.Migrations, scripts); err != nil {
		return nil, redact.Error(err, scratch)
	}
	in, err := introspect.Open(ctx, scratch)
	if err != nil {
		return nil, redact.Error(err, scratch)
	}
	defer in.Close()
	db, err := in.Inspect(ctx, introspect.Options{Exclude: append(ToolTables(), exclude...)})
	if err != nil {
		return nil, redact.Error(fmt.Errorf("--dev-url: read back the replayed schema: %w", err), scratch)
	}
	return db, nil
}

// runScripts runs each migration's statements one at a time (autocommit).
func runScripts(ctx context.Context, dbURL string, ms []Migration, scripts []string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("--dev-url: connect to the scratch database: %w", err)
	}
	defer conn.Close(context.Background())
	for i, s := range scripts {
		for _, stmt := range splitStatements(s) {
			if _, err := conn.Exec(ctx, stmt, pgx.QueryExecModeSimpleProtocol); err != nil {
				return fmt.Errorf("--dev-url: migration %s does not apply: %s: %w", ms[i].Files[0].Name, stmt, err)
			}
		}
	}
	return nil
}

func scratchName() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("--dev-url: scratch name: %w", err)
	}
	return "schemadiff_replay_" + hex.EncodeToString(b), nil
}

// upScript returns the SQL of m's up direction, as its tool would run it.
func (d *Dir) upScript(m Migration) (string, error) {
	read := func(match func(string) bool) (string, error) {
		for _, f := range m.Files {
			if match(f.Name) {
				data, err := os.ReadFile(filepath.Join(d.Path, f.Name))
				if err != nil {
					return "", fmt.Errorf("read migration: %w", err)
				}
				return string(data), nil
			}
		}
		return "", fmt.Errorf("migration %s has no up file", m.Version)
	}
	switch d.Format {
	case SQL, GolangMigrate:
		return read(func(n string) bool { return strings.HasSuffix(n, ".up.sql") })
	case Flyway:
		return read(func(n string) bool { return strings.HasPrefix(n, "V") && strings.HasSuffix(n, ".sql") })
	case Goose:
		s, err := read(func(string) bool { return true })
		return section(s, "-- +goose up", "-- +goose down"), err
	case Dbmate:
		s, err := read(func(string) bool { return true })
		return section(s, "-- migrate:up", "-- migrate:down"), err
	}
	return "", fmt.Errorf("cannot replay %s migrations", d.Format)
}

// section returns the lines of s between the line starting with begin and
// the one starting with end (case-insensitive), leaving out tool annotations.
func section(s, begin, end string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.SplitAfter(s, "\n") {
		l := strings.ToLower(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(l, begin):
			in = true
		case strings.HasPrefix(l, end):
			in = false
		case in && !strings.HasPrefix(l, "-- +goose"):
			b.WriteString(line)
		}
	}
	return b.String()
}

// splitStatements splits a PostgreSQL script at the semicolons that end its
// statements, skipping quoted text, dollar-quoted bodies and comments.
func splitStatements(script string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(script[start:end]); s != "" && !onlyComments(s) {
			out = append(out, s)
		}
		start = end + 1
	}
	skipTo := func(i int, close string) int {
		if j := strings.Index(script[i:], close); j >= 0 {
			return i + j + len(close) - 1
		}
		return len(script) - 1
	}
	for i := 0; i < len(script); i++ {
		switch c := script[i]; {
		case c == '\'' || c == '"':
			i = skipTo(i+1, string(c)) // a doubled quote reads as two quoted runs
		case strings.HasPrefix(script[i:], "--"):
			i = skipTo(i, "\n")
		case strings.HasPrefix(script[i:], "/*"):
			i = skipTo(i+2, "*/")
		case c == '$':
			if j := strings.IndexByte(script[i+1:], '$'); j >= 0 && isTag(script[i+1:i+1+j]) {
				tag := script[i : i+j+2]
				i = skipTo(i+len(tag), tag)
			}
		case c == ';':
			emit(i)
		}
	}
	if start < len(script) {
		emit(len(script))
	}
	return out
}

// isTag reports whether s can be the tag of a dollar quote ($tag$).
func isTag(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// onlyComments reports whether a statement holds nothing but line comments.
func onlyComments(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
			return false
		}
	}
	return true
}
