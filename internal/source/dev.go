package source

import (
	"context"
	"fmt"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pgscript"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// normalizeOnDev lets a scratch PostgreSQL server normalize db: the schema is
// created in a throwaway database on the server opts.DevURL names, read back,
// and the throwaway database is dropped. Expressions then compare exactly as
// PostgreSQL itself prints them, whatever rules the built-in normalizer knows.
func normalizeOnDev(ctx context.Context, db *schema.Database, opts Options) (*schema.Database, error) {
	if err := CheckURL("--dev-url", opts.DevURL); err != nil {
		return nil, err
	}
	if Dialect(opts.DevURL) != schema.Postgres {
		return nil, fmt.Errorf("--dev-url %s: only a postgres:// scratch server is supported", redact.URL(opts.DevURL))
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
	sqls := make([]string, len(stmts))
	for i, s := range stmts {
		sqls[i] = s.SQL
	}
	var got *schema.Database
	err = pgscript.WithScratchDatabase(ctx, opts.DevURL, "schemadiff_dev_", func(scratch string) error {
		if err := pgscript.Apply(ctx, scratch, sqls); err != nil {
			return fmt.Errorf("--dev-url: the desired schema does not apply: %w", err)
		}
		got, err = inspect(ctx, scratch, Options{})
		return err
	})
	if err != nil {
		return nil, err
	}
	carryHints(want, got)
	return got, nil
}

// carryHints copies what a database cannot store — rename hints and source
// positions — from the desired schema to its read-back copy.
func carryHints(from, to *schema.Database) {
	carryFunctionPositions(from, to)
	tables := schema.NewLookup(from)
	for _, t := range to.Tables {
		src := tables.Table(t.QName())
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
	// a view read back is PostgreSQL's text (exact, not Textual); its
	// source and column names stay those of the file, for rendering
	for _, v := range to.Views {
		if src := from.View(v.QName()); src != nil {
			v.Pos, v.Source, v.Columns, v.WithNoData = src.Pos, src.Source, src.Columns, src.WithNoData
		}
	}
}
