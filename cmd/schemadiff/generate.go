package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/config"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// Defaults of the project settings, where neither a flag nor the
// configuration file gives one.
const (
	defaultSchemaPath = "schema"
	defaultDir        = "migrations"
)

// projectFlags are the flags of the commands that work on a migration
// directory (generate, check, migrate hash). Flags override the
// configuration file, which overrides the defaults.
type projectFlags struct {
	Config  string   `help:"Configuration file (default: schemadiff.yaml, schemadiff.yml or schemadiff.hcl in the working directory)." placeholder:"FILE"`
	Env     string   `help:"Environment of the configuration file whose url and dev_url to use." placeholder:"NAME"`
	Dialect string   `help:"Dialect of schema files that do not name one (postgres or sqlserver)." enum:",postgres,sqlserver" default:""`
	Schema  []string `help:"Desired-schema file or folder (repeatable; default: schema/)." placeholder:"PATH"`
	Dir     string   `help:"Migration directory (default: migrations/)." placeholder:"DIR"`
	Exclude []string `help:"Glob of tables a live database comparison leaves out, as name or schema.name (repeatable); migration tools' own tables are always left out." placeholder:"PATTERN"`
	URL     string   `help:"Live database to use as the current state instead of the migration directory." placeholder:"URL"`
	DevURL  string   `name:"dev-url" help:"Scratch PostgreSQL server: the directory's migrations are replayed there to learn their state." placeholder:"URL"`
}

// project is the settings a command runs with, resolved.
type project struct {
	dialect schema.Dialect
	schemas []string
	dir     string
	format  migrate.Format // "" takes the directory's
	seq     bool
	exclude []string
	url     string
	devURL  string
}

// resolve merges the flags, the configuration file and the defaults;
// format is the --format flag of commands that take a migration format.
func (f projectFlags) resolve(format string) (*project, error) {
	path := f.Config
	if path == "" {
		var err error
		if path, err = config.Find("."); err != nil {
			return nil, err
		}
	}
	cfg := &config.Config{}
	if path != "" {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, err
		}
	}
	p := &project{
		dialect: schema.Dialect(first(f.Dialect, cfg.Dialect)),
		schemas: f.Schema,
		dir:     first(f.Dir, cfg.Dir, defaultDir),
		seq:     cfg.Seq,
		exclude: append(cfg.Exclude, f.Exclude...),
		url:     f.URL,
		devURL:  f.DevURL,
	}
	if len(p.schemas) == 0 {
		p.schemas = cfg.Schema
	}
	if len(p.schemas) == 0 {
		p.schemas = []string{defaultSchemaPath}
	}
	if format := first(format, cfg.Format); format != "" {
		var err error
		if p.format, err = migrate.ParseFormat(format); err != nil {
			return nil, err
		}
	}
	if f.Env != "" {
		if path == "" {
			return nil, fmt.Errorf("--env %s: no configuration file (run `schemadiff init`, or give --config)", f.Env)
		}
		env, err := cfg.Env(f.Env, os.LookupEnv)
		if err != nil {
			return nil, err
		}
		p.url = first(p.url, env.URL)
		p.devURL = first(p.devURL, env.DevURL)
	}
	if err := source.CheckURL(urlFlag("--url", f.Env), p.url); err != nil {
		return nil, err
	}
	if err := source.CheckURL(urlFlag("--dev-url", f.Env), p.devURL); err != nil {
		return nil, err
	}
	switch d := p.dialect; d {
	case "", schema.Postgres, schema.SQLServer:
	default:
		return nil, fmt.Errorf("%s: dialect %q: use postgres or sqlserver", path, d)
	}
	return p, nil
}

// urlFlag names a URL setting in messages: the flag, and the environment it
// may come from.
func urlFlag(flag, env string) string {
	if env == "" {
		return flag
	}
	return flag + " (or env " + env + " of the configuration)"
}

// first returns the first non-empty string.
func first(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// desired loads and normalizes the desired schema.
func (p *project) desired() (*schema.Database, error) {
	for _, s := range p.schemas {
		if _, err := os.Stat(s); err != nil {
			return nil, fmt.Errorf("%s: no such schema file or folder (give --schema, or set schema in the configuration)", s)
		}
	}
	db, err := schema.Load(schema.LoadOptions{Dialect: p.dialect}, p.schemas...)
	if err != nil {
		return nil, err
	}
	return schema.Normalize(db)
}

// live reads the database at p.url, leaving out tool tables (source.Load
// always does) and excludes.
func (p *project) live(e *env, dialect schema.Dialect) (*schema.Database, error) {
	if !source.IsURL(p.url) {
		return nil, fmt.Errorf("--url %q is not a database URL (postgres://… or sqlserver://…)", redact.URL(p.url))
	}
	db, err := source.Load(e.ctx, p.url, source.Options{Exclude: p.exclude, Warn: e.stderr})
	if err != nil {
		return nil, err
	}
	if db.Dialect != dialect {
		return nil, fmt.Errorf("--url is a %s database but the schema is %s", db.Dialect, dialect)
	}
	return db, nil
}

// migrationState returns the state the directory's migrations lead to:
// replayed on --dev-url when given, else as the integrity file records it.
func (p *project) migrationState(ctx context.Context, d *migrate.Dir, dialect schema.Dialect) (*schema.Database, error) {
	if p.devURL == "" {
		return d.State(dialect)
	}
	if dialect != schema.Postgres {
		return nil, fmt.Errorf("--dev-url replays migrations on PostgreSQL only; the schema is %s", dialect)
	}
	return d.Replay(ctx, p.devURL, p.exclude)
}

type generateCmd struct {
	Message      string `short:"m" required:"" help:"What the migration does; names the file." placeholder:"MESSAGE"`
	Seq          bool   `help:"Number migrations 000001, 000002… instead of by UTC time (sql, golang-migrate)."`
	Concurrently bool   `help:"Build and drop indexes of existing PostgreSQL tables CONCURRENTLY."`
	Format       string `help:"Migration format: sql, golang-migrate, goose, dbmate, flyway or alembic (default: the directory's, else sql)." placeholder:"FORMAT"`
	Now          string `hidden:"" help:"The clock, as RFC 3339 (for reproducible files)."`
	projectFlags
}

// Run writes the next migration: the desired schema against the current state.
func (c *generateCmd) Run(e *env) error {
	p, err := c.resolve(c.Format)
	if err != nil {
		return err
	}
	now := time.Now()
	if c.Now != "" {
		if now, err = time.Parse(time.RFC3339, c.Now); err != nil {
			return fmt.Errorf("--now: %w", err)
		}
	}
	want, err := p.desired()
	if err != nil {
		return err
	}
	d, err := migrate.Open(p.dir, p.format)
	if err != nil {
		return err
	}
	var current *schema.Database
	if p.url != "" {
		current, err = p.live(e, want.Dialect)
	} else {
		current, err = p.migrationState(e.ctx, d, want.Dialect)
	}
	if err != nil {
		return err
	}
	opts := diff.Options{Concurrently: c.Concurrently}
	up, err := diff.Compare(current, want, opts)
	if err != nil {
		return err
	}
	if len(up.Changes) == 0 {
		fmt.Fprintf(e.stderr, "No changes: the migrations in %s already hold the schema; nothing written.\n", p.dir)
		return nil
	}
	down, err := diff.Down(current, want, opts)
	if err != nil {
		return err
	}
	if err := render.WritePlan(e.stdout, up, e.color); err != nil {
		return err
	}
	written, err := d.Write(migrate.Request{
		Message: c.Message, Command: c.command(d.Format), Up: up, Down: down, State: want,
		Now: now, Seq: c.Seq || p.seq,
	})
	if err != nil {
		return err
	}
	for _, w := range written {
		fmt.Fprintf(e.stdout, "wrote %s\n", w)
	}
	return nil
}

// command is the command line recorded in file headers: deterministic, and
// without URLs (which may carry passwords).
func (c *generateCmd) command(f migrate.Format) string {
	parts := []string{"schemadiff generate", "-m", fmt.Sprintf("%q", c.Message), "--format", string(f)}
	if c.Concurrently {
		parts = append(parts, "--concurrently")
	}
	return strings.Join(parts, " ")
}
