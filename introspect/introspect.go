// Package introspect reads the schema of a live database into schemadiff's
// model, in the canonical form that schema.Normalize produces.
//
// Reading happens in one read-only transaction with a fixed, small number of
// set-based catalog queries, whatever the number of tables.
package introspect

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/schema"
)

// Options say what to read.
type Options struct {
	// Schemas are the schemas to read; empty means every user schema.
	Schemas []string
	// Exclude holds glob patterns (path.Match syntax) of tables to leave out,
	// matched against the table name and against "schema.name".
	Exclude []string
}

// excluded reports whether the table schemaName.name matches a pattern of
// o.Exclude. A malformed pattern is an error.
func (o Options) excluded(schemaName, name string) (bool, error) {
	for _, p := range o.Exclude {
		for _, s := range []string{name, schemaName + "." + name} {
			ok, err := path.Match(p, s)
			if err != nil {
				return false, fmt.Errorf("introspect: exclude pattern %q: %w", p, err)
			}
			if ok {
				return true, nil
			}
		}
	}
	return false, nil
}

// Inspector reads a live database's schema.
type Inspector interface {
	// Dialect is the dialect of the database.
	Dialect() schema.Dialect
	// Inspect reads the schema, canonical (schema.Normalize applied).
	Inspect(ctx context.Context, opts Options) (*schema.Database, error)
	// Close closes the connection.
	Close() error
}

// Open connects to the database at rawURL: postgres:// or postgresql:// for
// PostgreSQL. Errors never show the URL's password and say what to do.
func Open(ctx context.Context, rawURL string) (Inspector, error) {
	scheme, _, ok := strings.Cut(rawURL, "://")
	if !ok {
		return nil, fmt.Errorf("introspect: %q is not a database URL: use postgres://user:password@host:port/db (or postgresql://, sqlserver://)", redact.URL(rawURL))
	}
	if _, err := url.Parse(rawURL); err != nil {
		// url.Parse's message quotes pieces of the URL, password included.
		return nil, fmt.Errorf("introspect: malformed database URL %s: check its form, and percent-encode special characters (@ : / ? #) in the user name and password", redact.URL(rawURL))
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return openPostgres(ctx, rawURL)
	case "sqlserver":
		return openSQLServer(ctx, rawURL)
	default:
		return nil, fmt.Errorf("introspect: %s: unsupported URL scheme %q: use postgres://, postgresql:// or sqlserver://", redact.URL(rawURL), scheme)
	}
}

// Reads reports whether Inspect under o reads the table schemaName.name: its
// schema is among o.Schemas (any schema when that is empty) and no pattern
// of o.Exclude matches it. A malformed pattern is an error.
func (o Options) Reads(schemaName, name string) (bool, error) {
	if len(o.Schemas) > 0 && !slices.Contains(o.Schemas, schemaName) {
		return false, nil
	}
	skip, err := o.excluded(schemaName, name)
	return !skip, err
}
