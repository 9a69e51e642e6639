// Package source turns what a user names on the command line — a database URL
// or a schema file or folder — into a canonical schema.Database.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
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
	// Warn, when set, receives each warning of an introspected database
	// (what it holds that the model cannot), one line each:
	// "warning: <object>: <message>".
	Warn io.Writer
	// Loaded, when set, is called with the number of tables of schema files
	// decoded so far, as they are (schema.LoadOptions.Loaded): progress.
	Loaded func(n int)
	// Strict makes the warnings of an introspected database an error: what
	// it holds that the model cannot is refused rather than left out.
	Strict bool
}

// IsURL reports whether src names a database rather than a file or folder.
func IsURL(src string) bool { return strings.Contains(src, "://") }

// Load reads src: a database URL is introspected (read-only) and its
// warnings written to opts.Warn; a path is loaded as desired-schema files.
// The result is canonical (normalized).
func Load(ctx context.Context, src string, opts Options) (*schema.Database, error) {
	if IsURL(src) {
		return inspect(ctx, src, opts)
	}
	db, err := readFiles([]string{src}, schema.LoadOptions{Dialect: opts.Dialect, Loaded: opts.Loaded}, "give a path, or a postgres:// or sqlserver:// URL")
	if err != nil {
		return nil, err
	}
	if opts.DevURL != "" {
		return normalizeOnDev(ctx, db, opts)
	}
	return schema.NormalizeOwned(db)
}

// LoadFiles loads and normalizes the desired-schema files or folders paths.
// A path that does not exist is an error that ends with hint (what to give
// instead); a folder without schema files is an error too (schema.Load).
func LoadFiles(paths []string, opts schema.LoadOptions, hint string) (*schema.Database, error) {
	db, err := readFiles(paths, opts, hint)
	if err != nil {
		return nil, err
	}
	return schema.NormalizeOwned(db)
}

// LoadFilesOnDev loads the desired-schema files paths as LoadFiles does;
// a PostgreSQL schema is then normalized on the scratch server whose URL dev
// returns (dev is called only then: it may start one), as Load does with
// Options.DevURL.
func LoadFilesOnDev(ctx context.Context, paths []string, opts schema.LoadOptions, hint string, dev func() (string, error)) (*schema.Database, error) {
	db, err := readFiles(paths, opts, hint)
	if err != nil {
		return nil, err
	}
	if db.Dialect != schema.Postgres {
		return schema.NormalizeOwned(db)
	}
	devURL, err := dev()
	if err != nil {
		return nil, err
	}
	return normalizeOnDev(ctx, db, Options{DevURL: devURL})
}

// readFiles loads paths as schema files, not yet normalized.
func readFiles(paths []string, opts schema.LoadOptions, hint string) (*schema.Database, error) {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("%s: no such schema file or folder (%s)", p, hint)
		}
	}
	return schema.Load(opts, paths...)
}

// Dialect returns the dialect a URL names, or "" for a path. URL schemes
// are case-insensitive (RFC 3986 §3.1): Postgres:// is postgres://.
func Dialect(src string) schema.Dialect {
	switch scheme, _, _ := strings.Cut(src, "://"); strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return schema.Postgres
	case "sqlserver":
		return schema.SQLServer
	}
	return ""
}

// canonicalScheme returns url with its scheme in lower case, as drivers
// expect it.
func canonicalScheme(url string) string {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	return strings.ToLower(scheme) + "://" + rest
}

// CheckURL returns an error when the database URL rawURL (given as flag, which
// may be empty) is
// malformed in a way that hides its password from redaction: a password with
// an unescaped #, ? or / (which expanding ${PGPASSWORD} in a configuration
// gives) ends the URL's authority early, so the rest of the password reads as
// a fragment, a query or a path and would be printed as such. The error never
// shows the URL. Strings that are not URLs pass.
func CheckURL(flag, rawURL string) error {
	if !IsURL(rawURL) {
		return nil
	}
	u, err := url.Parse(rawURL)
	if err == nil && u.Fragment == "" && !strings.Contains(rawURL, "#") && !bareQueryAt(u.RawQuery) {
		return nil
	}
	msg := "malformed database URL (not shown: it may hold a password): " +
		"percent-encode special characters of the user name and password (# as %23, ? as %3F, / as %2F, @ as %40, : as %3A, % as %25, space as %20)"
	if flag != "" {
		msg = flag + ": " + msg
	}
	return errors.New(msg)
}

// bareQueryAt reports whether a URL query holds a part with an @ but no =,
// which no connection option looks like: it is the tail of a password that
// held a ? ("postgres://app:se?cret@host/db").
func bareQueryAt(query string) bool {
	for _, part := range strings.Split(query, "&") {
		if strings.Contains(part, "@") && !strings.Contains(part, "=") {
			return true
		}
	}
	return false
}

func inspect(ctx context.Context, url string, opts Options) (*schema.Database, error) {
	if err := CheckURL("", url); err != nil {
		return nil, err
	}
	url = canonicalScheme(url)
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
	if opts.Strict && len(db.Warnings) > 0 {
		msgs := make([]string, len(db.Warnings))
		for i, w := range db.Warnings {
			msgs[i] = w.Object + ": " + w.Message
		}
		return nil, fmt.Errorf("inspect %s: --strict: the database holds what schemadiff does not read (warnings: %d; drop --strict to compare without it, or --exclude the tables): %s",
			redact.URL(url), len(msgs), strings.Join(msgs, "; "))
	}
	if opts.Warn != nil {
		for _, w := range db.Warnings {
			fmt.Fprintf(opts.Warn, "warning: %s: %s\n", w.Object, w.Message)
		}
	}
	return db, nil
}
