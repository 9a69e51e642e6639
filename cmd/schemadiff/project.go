package main

import (
	"fmt"
	"os"
	"path/filepath"
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
// configuration file gives one; relative to the configuration file's
// directory when there is one.
const (
	defaultSchemaPath = "schema"
	defaultDir        = "migrations"
)

// The flag groups below are shared so that one flag name has one meaning
// and one help text in every command (docs/cli.md; TestOneVocabulary).

// configFlags pick the configuration file and its environment.
type configFlags struct {
	Config string `help:"Configuration file: settings for what the flags leave out (default: schemadiff.yaml, schemadiff.yml or schemadiff.hcl in the working directory or the nearest folder above it, up to the repository root)." placeholder:"FILE"`
	Env    string `help:"Environment of the configuration file whose url and dev_url to use." placeholder:"NAME"`
}

// dirFlags name the migration directory and its format.
type dirFlags struct {
	Dir       string `help:"Migration directory: where the migrations are (default: migrations/ next to the configuration file)." placeholder:"DIR"`
	DirFormat string `name:"dir-format" help:"Migration directory format: sql, golang-migrate, goose, dbmate, flyway or alembic (default: the directory's, else sql)." placeholder:"FORMAT"`
}

// dialectFlag is the dialect of schema files that do not name one.
type dialectFlag struct {
	Dialect string `help:"Dialect: postgres or sqlserver, for schema files that do not name one." enum:",postgres,sqlserver" default:""`
}

// schemaFlag limits which database schemas (namespaces) are read.
type schemaFlag struct {
	Schema []string `help:"Database schema (namespace): one to read from a live database, as in pg_dump (repeatable; default: all user schemas)." placeholder:"NAME"`
}

// excludeFlag leaves tables out of what is read from a database.
type excludeFlag struct {
	Exclude []string `help:"Excluded tables: a glob, as name or schema.name, of tables to leave out of a live database (repeatable); migration tools' own tables are always left out." placeholder:"PATTERN"`
}

// devFlag names a scratch PostgreSQL server.
type devFlag struct {
	DevURL string `name:"dev-url" help:"Scratch PostgreSQL server: schema files are normalized, or migrations replayed, in a throwaway database created there and dropped; local starts a private server from the installed PostgreSQL binaries for the command." placeholder:"URL"`
}

// dropAllFlag is the consent to a plan that drops every table.
type dropAllFlag struct {
	AllowDropAll bool `name:"allow-drop-all" help:"Drop-all consent: let a desired schema that declares no tables drop every table of the current state (also: allow_drop_all in the configuration)."`
}

// onlineFlags ask for a zero-downtime plan (docs/online.md) and set the
// timeouts its statements run with.
type onlineFlags struct {
	Online           bool          `help:"Zero-downtime plan: indexes CONCURRENTLY (implies --concurrently), constraints NOT VALID then validated, SET NOT NULL through a check, unique keys USING INDEX, lock and statement timeouts first; SQL Server: WITH (ONLINE = ON) where sqlserver_edition allows (also: online in the configuration)."`
	LockTimeout      time.Duration `name:"lock-timeout" default:"5s" help:"Longest wait of a statement for a lock before it fails (0: wait as long as it takes)." placeholder:"DURATION"`
	StatementTimeout time.Duration `name:"statement-timeout" default:"0s" help:"Longest run of a statement before it is cancelled, set by --online plans (0: no limit, so that a long CONCURRENTLY build is not cancelled)." placeholder:"DURATION"`
}

// timeouts returns the session settings of an online plan, checking them.
func (f onlineFlags) timeouts() (render.Timeouts, error) {
	if f.LockTimeout < 0 {
		return render.Timeouts{}, fmt.Errorf("--lock-timeout %s: give a duration of 0 or more (0: no lock timeout)", f.LockTimeout)
	}
	if f.StatementTimeout < 0 {
		return render.Timeouts{}, fmt.Errorf("--statement-timeout %s: give a duration of 0 or more (0: no statement timeout)", f.StatementTimeout)
	}
	return render.Timeouts{Lock: f.LockTimeout, Statement: f.StatementTimeout}, nil
}

// diffOptions returns the comparison options of onlineFlags with
// concurrently (--concurrently) and the configuration's online and
// sqlserver_edition (cfgOnline, onlineIndexes).
func (f onlineFlags) diffOptions(concurrently, cfgOnline, onlineIndexes bool) diff.Options {
	return diff.Options{Concurrently: concurrently, Online: f.Online || cfgOnline, OnlineIndexes: onlineIndexes}
}

// strictFlag turns what a database holds that schemadiff does not read into
// an error.
type strictFlag struct {
	Strict bool `help:"Strict: fail (exit 2) when a database read holds objects or attributes schemadiff does not read, instead of warning about each (also: strict in the configuration)."`
}

// projectFlags are the flags of the commands that compare the desired
// schema with a migration directory (generate, check).
type projectFlags struct {
	To string `help:"Desired state: schema file or folder (default: to in the configuration, else schema/)." placeholder:"PATH"`
	configFlags
	dirFlags
	dialectFlag
	schemaFlag
	excludeFlag
	devFlag
	dropAllFlag
	strictFlag
}

// settings are the values a command gives resolve: its flags, with "" or
// nil for the flags it does not have.
type settings struct {
	projectFlags
	URL string
}

// project is the settings a command runs with, resolved.
type project struct {
	config       string // the configuration file, "" for none
	dialect      schema.Dialect
	to           []string // desired-schema files or folders
	dir          string
	format       migrate.Format // "" takes the directory's
	seq          bool
	schemas      []string // database schemas (namespaces) to read
	exclude      []string
	url          string
	devURL       string
	allowDropAll bool
	// online and onlineIndexes are the configuration's online and whether
	// its sqlserver_edition builds indexes online.
	online, onlineIndexes bool
	strict                bool // warnings of a database read are errors
}

// resolve merges the flags, the configuration file and the defaults,
// printing the configuration's notices and deprecation warnings to stderr.
func resolve(e *env, s settings) (*project, error) {
	path := s.Config
	if path == "" {
		var err error
		if path, err = config.Find("."); err != nil {
			return nil, err
		}
	}
	cfg := &config.Config{}
	base := "."
	if path != "" {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, err
		}
		for _, n := range cfg.Notices {
			e.warn("%s", n)
		}
		base = filepath.Dir(path)
	}
	namespaces, paths := splitSchemaFlag(e, s.Schema)
	p := &project{
		config:        path,
		dialect:       schema.Dialect(first(s.Dialect, cfg.Dialect)),
		dir:           first(s.Dir, cfg.Dir, filepath.Join(base, defaultDir)),
		seq:           cfg.Seq,
		schemas:       namespaces,
		exclude:       append(cfg.Exclude, s.Exclude...),
		url:           s.URL,
		devURL:        s.DevURL,
		allowDropAll:  s.AllowDropAll || cfg.AllowDropAll,
		online:        cfg.Online,
		onlineIndexes: cfg.OnlineIndexes(),
		strict:        s.Strict || cfg.Strict,
	}
	if s.To != "" {
		p.to = append(p.to, s.To)
	}
	p.to = append(p.to, paths...)
	if len(p.to) == 0 {
		p.to = cfg.To
	}
	if len(p.to) == 0 {
		p.to = []string{filepath.Join(base, defaultSchemaPath)}
	}
	if format := first(s.DirFormat, cfg.DirFormat); format != "" {
		var err error
		if p.format, err = migrate.ParseFormat(format); err != nil {
			return nil, err
		}
	}
	if s.Env != "" {
		if path == "" {
			return nil, fmt.Errorf("--env %s: no configuration file here or above (run `schemadiff init`, or give --config)", s.Env)
		}
		env, err := cfg.Env(s.Env, os.LookupEnv)
		if err != nil {
			return nil, err
		}
		p.url = first(p.url, env.URL)
		p.devURL = first(p.devURL, env.DevURL)
	}
	if p.devURL == "" {
		devURL, err := cfg.DevURL(os.LookupEnv)
		if err != nil {
			return nil, err
		}
		p.devURL = devURL
	}
	if err := readFlagsUsed(p.url != "", p.url != "" || p.devURL != "", namespaces, s.Exclude); err != nil {
		return nil, err
	}
	if err := source.CheckURL(urlFlag("--url", s.Env), p.url); err != nil {
		return nil, err
	}
	if err := source.CheckURL(urlFlag("--dev-url", s.Env), p.devURL); err != nil {
		return nil, err
	}
	switch d := p.dialect; d {
	case "", schema.Postgres, schema.SQLServer:
	default:
		return nil, fmt.Errorf("%s: dialect %q: use postgres or sqlserver", path, d)
	}
	return p, nil
}

// readFlagsUsed returns an error when --schema or --exclude is given where
// nothing reads a database they could apply to (live: a live database is
// read; replay: one is read back after a replay), rather than ignoring them.
func readFlagsUsed(live, replay bool, schemas, exclude []string) error {
	switch {
	case len(schemas) > 0 && !live:
		return fmt.Errorf("--schema %s names a database schema to read from a live database, and none is read here: give --url (or --env), or leave --schema out", schemas[0])
	case len(exclude) > 0 && !replay:
		return fmt.Errorf("--exclude %s leaves tables out of a database that is read, and none is read here: give --url or --dev-url (or --env), or leave --exclude out", exclude[0])
	}
	return nil
}

// splitSchemaFlag sorts --schema values into database schemas (namespaces)
// and, for the deprecated use of --schema for desired-schema files, paths,
// warning about each of those. A value is a path when it ends in a
// schema-file extension (.hcl, .yaml, .yml), holds a path separator, or names
// an existing folder holding schema files; anything else is a namespace
// (docs/cli.md).
func splitSchemaFlag(e *env, values []string) (namespaces, paths []string) {
	for _, v := range values {
		if isSchemaPath(v) {
			e.warn("--schema %s is deprecated for schema files: use --to %s (--schema NAME is a database schema)", v, v)
			paths = append(paths, v)
		} else {
			namespaces = append(namespaces, v)
		}
	}
	return namespaces, paths
}

// isSchemaPath reports whether a --schema value is a desired-schema path
// (the deprecated meaning) rather than a database schema name.
func isSchemaPath(v string) bool {
	if hasSchemaExt(v) || strings.ContainsRune(v, '/') || strings.ContainsRune(v, filepath.Separator) {
		return true
	}
	st, err := os.Stat(v)
	if err != nil || !st.IsDir() {
		return false
	}
	entries, err := os.ReadDir(v)
	if err != nil {
		return false
	}
	for _, en := range entries {
		if !en.IsDir() && hasSchemaExt(en.Name()) {
			return true
		}
	}
	return false
}

// hasSchemaExt reports whether name ends in a schema-file extension.
func hasSchemaExt(name string) bool {
	switch filepath.Ext(name) {
	case ".hcl", ".yaml", ".yml":
		return true
	}
	return false
}

// deprecatedFormat returns the migration format of a command whose --format
// once meant it: --dir-format, else the deprecated --format with a warning.
func deprecatedFormat(e *env, dirFormat, format string) (string, error) {
	if format == "" {
		return dirFormat, nil
	}
	if dirFormat != "" {
		return "", fmt.Errorf("--format %s: give the migration format once, as --dir-format", format)
	}
	e.warn("--format %s is deprecated for the migration format: use --dir-format %s (--format is the output format)", format, format)
	return format, nil
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
	return source.LoadFiles(p.to, schema.LoadOptions{Dialect: p.dialect}, p.toHint())
}

// desiredOnDev loads the desired schema and, with a scratch server
// (--dev-url, dev_url) and a PostgreSQL schema, normalizes it there, so that
// it compares exactly with the state replayed or read from a database;
// else as desired does.
func (p *project) desiredOnDev(e *env) (*schema.Database, error) {
	if p.devURL == "" || p.dialect == schema.SQLServer {
		return p.desired()
	}
	return source.LoadFilesOnDev(e.ctx, p.to, schema.LoadOptions{Dialect: p.dialect}, p.toHint(), func() (string, error) {
		return e.devServer(p.devURL)
	})
}

// toHint says where the desired schema comes from, for a path that does not exist.
func (p *project) toHint() string {
	return "give --to PATH, or set to in " + first(p.config, "the configuration (none found here or above, up to the repository root)")
}

// live reads the database at p.url, leaving out tool tables (source.Load
// always does) and excludes.
func (p *project) live(e *env, dialect schema.Dialect) (*schema.Database, error) {
	if !source.IsURL(p.url) {
		return nil, fmt.Errorf("--url %q is not a database URL (postgres://… or sqlserver://…)", redact.URL(p.url))
	}
	db, err := source.Load(e.ctx, p.url, source.Options{Schemas: p.schemas, Exclude: p.exclude, Warn: e.stderr, Strict: p.strict})
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
func (p *project) migrationState(e *env, d *migrate.Dir, dialect schema.Dialect) (*schema.Database, error) {
	if p.devURL == "" {
		return d.State(dialect)
	}
	if dialect != schema.Postgres {
		return nil, fmt.Errorf("--dev-url replays migrations on PostgreSQL only; the schema is %s", dialect)
	}
	devURL, err := e.devServer(p.devURL)
	if err != nil {
		return nil, err
	}
	return d.Replay(e.ctx, devURL, p.exclude)
}
