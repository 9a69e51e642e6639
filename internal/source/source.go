// Package source turns what a user names on the command line — a database URL
// or a schema file or folder — into a canonical schema.Database.
package source

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/schema"
)

// Options say how sources are read.
type Options struct {
	// Dialect is the dialect of schema files that do not name one.
	Dialect schema.Dialect
	// Schemas limits introspection to these database schemas (default: all user schemas).
	Schemas []string
	// Exclude holds glob patterns of tables to leave out of introspection, in
	// addition to the migration tools' own tables (migrate.ToolTables), which
	// are always left out.
	Exclude []string
	// DevURL, when set, names a scratch PostgreSQL database that normalizes
	// schema files: they are applied there and read back (see dev.go).
	DevURL string
}

// IsURL reports whether src names a database rather than a file or folder.
func IsURL(src string) bool { return strings.Contains(src, "://") }

// Load reads src: a database URL is introspected (read-only); a path is
// loaded as desired-schema files. The result is canonical (normalized).
func Load(ctx context.Context, src string, opts Options) (*schema.Database, error) {
	if IsURL(src) {
		return inspect(ctx, src, opts)
	}
	if _, err := os.Stat(src); err != nil {
		return nil, fmt.Errorf("%s: no such schema file or folder (give a path, or a postgres:// or sqlserver:// URL)", src)
	}
	db, err := schema.Load(schema.LoadOptions{Dialect: opts.Dialect}, src)
	if err != nil {
		return nil, err
	}
	if opts.DevURL != "" {
		return normalizeOnDev(ctx, db, opts)
	}
	return schema.Normalize(db)
}

// Dialect returns the dialect a URL names, or "" for a path.
func Dialect(src string) schema.Dialect {
	switch {
	case strings.HasPrefix(src, "postgres://"), strings.HasPrefix(src, "postgresql://"):
		return schema.Postgres
	case strings.HasPrefix(src, "sqlserver://"):
		return schema.SQLServer
	}
	return ""
}

func inspect(ctx context.Context, url string, opts Options) (*schema.Database, error) {
	in, err := introspect.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	exclude := append(migrate.ToolTables(), opts.Exclude...)
	db, err := in.Inspect(ctx, introspect.Options{Schemas: opts.Schemas, Exclude: exclude})
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", redact.URL(url), err)
	}
	return db, nil
}
