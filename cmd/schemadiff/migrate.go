package main

import (
	"fmt"
	"os"

	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/schema"
)

// migrateCmd groups the commands that maintain the migration directory.
type migrateCmd struct {
	Hash migrateHashCmd `cmd:"" help:"Re-record the hashes of the migration directory in schemadiff.sum after a deliberate edit."`
}

// migrateHashCmd takes only the flags it uses: --env and --exclude matter
// only with a scratch server (--dev-url, or dev_url of the environment).
type migrateHashCmd struct {
	Format string `hidden:"" help:"Deprecated: use --dir-format." placeholder:"FORMAT"`
	configFlags
	dirFlags
	excludeFlag
	devFlag
}

// Run re-records every migration's hash and parent; with --dev-url it also
// recomputes the state by replaying the migrations, else it keeps the
// recorded state.
func (c *migrateHashCmd) Run(e *env) error {
	format, err := deprecatedFormat(e, c.DirFormat, c.Format)
	if err != nil {
		return err
	}
	s := settings{projectFlags: projectFlags{configFlags: c.configFlags, dirFlags: c.dirFlags, excludeFlag: c.excludeFlag, devFlag: c.devFlag}}
	s.DirFormat = format
	p, err := resolve(e, s)
	if err != nil {
		return err
	}
	if p.devURL == "" && c.Env != "" {
		return fmt.Errorf("--env %s: migrate hash uses only an environment's dev_url, and it has none: give --dev-url, or leave --env out", c.Env)
	}
	if _, err := os.Stat(p.dir); err != nil {
		where := "no configuration file found from here up to the repository root: run this in a project, or give --dir DIR or --config FILE"
		if p.config != "" {
			where = "set migrations.dir in " + p.config + ", or give --dir DIR"
		}
		return fmt.Errorf("%s: no such migration directory (%s)", p.dir, where)
	}
	d, err := migrate.Load(p.dir, p.format)
	if err != nil {
		return err
	}
	if len(d.Migrations) == 0 {
		return fmt.Errorf("%s holds no %s migrations: nothing to hash", p.dir, d.Format)
	}
	var replayed *schema.Database // nil keeps the recorded state
	if p.devURL != "" {
		devURL, err := e.devServer(p.devURL)
		if err != nil {
			return err
		}
		if replayed, err = d.Replay(e.ctx, devURL, p.exclude); err != nil {
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
		fmt.Fprintf(e.stdout, "wrote %s (%s)\n", w, plural(len(d.Migrations), "migration"))
	}
	return nil
}
