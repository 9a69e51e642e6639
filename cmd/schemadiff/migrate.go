package main

import (
	"fmt"

	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/schema"
)

// migrateCmd groups the commands that maintain the migration directory.
type migrateCmd struct {
	Hash migrateHashCmd `cmd:"" help:"Re-record the hashes of the migration directory in schemadiff.sum after a deliberate edit."`
}

type migrateHashCmd struct {
	Format string `help:"Migration format: sql, golang-migrate, goose, dbmate, flyway or alembic (default: the directory's, else sql)." placeholder:"FORMAT"`
	projectFlags
}

// Run re-records every migration's hash and parent; with --dev-url it also
// recomputes the state by replaying the migrations, else it keeps the
// recorded state.
func (c *migrateHashCmd) Run(e *env) error {
	p, err := c.resolve(c.Format)
	if err != nil {
		return err
	}
	d, err := migrate.Load(p.dir, p.format)
	if err != nil {
		return err
	}
	var replayed *schema.Database // nil keeps the recorded state
	if p.devURL != "" {
		if replayed, err = d.Replay(e.ctx, p.devURL, p.exclude); err != nil {
			return err
		}
	} else if err := d.Verify(); err == nil {
		fmt.Fprintf(e.stderr, "%s: every migration is recorded and unchanged; rewriting %s anyway.\n", p.dir, migrate.SumFile)
	}
	written, err := d.Rehash(replayed)
	if err != nil {
		return err
	}
	for _, w := range written {
		fmt.Fprintf(e.stdout, "wrote %s (%d migrations)\n", w, len(d.Migrations))
	}
	return nil
}
