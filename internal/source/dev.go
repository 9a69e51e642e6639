package source

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// normalizeOnDev lets a scratch PostgreSQL server normalize db: the schema is
// created in a throwaway database on the server opts.DevURL names, read back,
// and the throwaway database is dropped. Expressions then compare exactly as
// PostgreSQL itself prints them, whatever rules the built-in normalizer knows.
func normalizeOnDev(ctx context.Context, db *schema.Database, opts Options) (*schema.Database, error) {
	if Dialect(opts.DevURL) != schema.Postgres {
		return nil, fmt.Errorf("--dev-url %s: only a postgres:// scratch database is supported", redact.URL(opts.DevURL))
	}
	want, err := schema.Normalize(db)
	if err != nil {
		return nil, err
	}
	plan, err := diff.Compare(&schema.Database{Dialect: want.Dialect}, want, diff.Options{})
	if err != nil {
		return nil, err
	}
	stmts, err := render.SQL(plan)
	if err != nil {
		return nil, err
	}

	admin, err := pgx.Connect(ctx, opts.DevURL)
	if err != nil {
		return nil, redact.Error(fmt.Errorf("connect to --dev-url: %w", err), opts.DevURL)
	}
	defer admin.Close(context.Background())
	name, err := scratchName()
	if err != nil {
		return nil, err
	}
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return nil, redact.Error(fmt.Errorf("--dev-url: create scratch database (the user needs CREATEDB): %w", err), opts.DevURL)
	}
	defer admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")

	u, err := url.Parse(opts.DevURL)
	if err != nil {
		return nil, fmt.Errorf("--dev-url %s: %w", redact.URL(opts.DevURL), err)
	}
	u.Path = "/" + name
	scratch := u.String()
	if err := applyStatements(ctx, scratch, stmts); err != nil {
		return nil, redact.Error(err, scratch)
	}
	in, err := introspect.Open(ctx, scratch)
	if err != nil {
		return nil, err
	}
	got, err := in.Inspect(ctx, introspect.Options{})
	in.Close()
	if err != nil {
		return nil, redact.Error(fmt.Errorf("--dev-url: read back: %w", err), scratch)
	}
	carryHints(want, got)
	return got, nil
}

// applyStatements runs each statement on its own (autocommit), so that
// statements that refuse a transaction block work too.
func applyStatements(ctx context.Context, dbURL string, stmts []render.Statement) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("--dev-url: connect to scratch database: %w", err)
	}
	defer conn.Close(context.Background())
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s.SQL); err != nil {
			return fmt.Errorf("--dev-url: the desired schema does not apply: %s: %w", s.SQL, err)
		}
	}
	return nil
}

// carryHints copies what a database cannot store — rename hints and source
// positions — from the desired schema to its read-back copy.
func carryHints(from, to *schema.Database) {
	for _, t := range to.Tables {
		src := from.Table(t.QName())
		if src == nil {
			continue
		}
		t.RenamedFrom, t.Pos = src.RenamedFrom, src.Pos
		for _, c := range t.Columns {
			if sc := src.Column(c.Name); sc != nil {
				c.RenamedFrom, c.Pos = sc.RenamedFrom, sc.Pos
			}
		}
	}
}

func scratchName() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("--dev-url: scratch name: %w", err)
	}
	return "schemadiff_dev_" + hex.EncodeToString(b), nil
}
