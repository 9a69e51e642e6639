package migrate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/schemadiff/schemadiff/internal/pgscript"
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
	var db *schema.Database
	err := pgscript.WithScratchDatabase(ctx, devURL, "schemadiff_replay_", func(scratch string) error {
		for i, m := range d.Migrations {
			if err := pgscript.Apply(ctx, scratch, pgscript.Split(scripts[i])); err != nil {
				return fmt.Errorf("--dev-url: migration %s does not apply: %w", m.Files[0].Name, err)
			}
		}
		in, err := introspect.Open(ctx, scratch)
		if err != nil {
			return redact.Error(err, scratch)
		}
		defer in.Close()
		db, err = in.Inspect(ctx, introspect.Options{Exclude: append(ToolTables(), exclude...)})
		if err != nil {
			return redact.Error(fmt.Errorf("--dev-url: read back the replayed schema: %w", err), scratch)
		}
		return nil
	})
	return db, err
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
