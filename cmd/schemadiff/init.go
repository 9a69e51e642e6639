package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/schemadiff/schemadiff/internal/migrate"
)

type initCmd struct {
	Dialect   string `help:"Dialect: postgres or sqlserver, of the project." enum:"postgres,sqlserver" default:"postgres"`
	DirFormat string `name:"dir-format" help:"Migration directory format: sql, golang-migrate, goose, dbmate, flyway or alembic (default: sql)." placeholder:"FORMAT"`
	Format    string `hidden:"" help:"Deprecated: use --dir-format." placeholder:"FORMAT"`
}

// initFiles are what init writes, relative to the working directory.
const (
	initConfig = "schemadiff.yaml"
	initSchema = "schema/schema.hcl"
	initDir    = "migrations"
	// initAlembicDir is where an Alembic project (from `alembic init alembic`)
	// keeps its revisions; with --dir-format alembic, init uses it as it is.
	initAlembicDir = "alembic/versions"
)

// Run writes a commented configuration, an example schema and an empty
// migration directory; it writes nothing when any of them exists.
func (c *initCmd) Run(e *env) error {
	name, err := deprecatedFormat(e, c.DirFormat, c.Format)
	if err != nil {
		return err
	}
	format, err := migrate.ParseFormat(first(name, string(migrate.SQL)))
	if err != nil {
		return err
	}
	dir := initDir
	// The schema folder as a whole: init creates it, and an existing one
	// (even empty) would otherwise fail half-way with a bare mkdir error.
	existing := []string{initConfig, "schemadiff.yml", "schemadiff.hcl", filepath.Dir(initSchema), initDir}
	if format == migrate.Alembic {
		dir, existing = initAlembicDir, existing[:4]
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("init: no %s folder here: run `alembic init alembic` first (schemadiff writes its revisions there), then init again", dir)
		}
	}
	for _, p := range existing {
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("init: %s already exists: nothing written (init never overwrites; edit the existing files instead)", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("init: %w", err)
		}
	}
	var created []string
	undo := func() {
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
	}
	write := func(path, content string) error {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("init: %w", err)
		}
		created = append(created, path)
		_, err = f.WriteString(content)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("init: %w", err)
		}
		return nil
	}
	steps := []func() error{
		func() error {
			if format == migrate.Alembic {
				return nil // the Alembic project's folder exists already
			}
			return mkdir(dir, &created)
		},
		func() error { return mkdir(filepath.Dir(initSchema), &created) },
		func() error { return write(initSchema, exampleSchema(c.Dialect)) },
		func() error { return write(initConfig, exampleConfig(c.Dialect, format, dir)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			undo()
			return err
		}
	}
	for _, p := range created {
		if p != filepath.Dir(initSchema) {
			fmt.Fprintf(e.stdout, "wrote %s\n", p)
		}
	}
	if format == migrate.Alembic {
		fmt.Fprintf(e.stdout, "revisions go to %s/, after the current head\n", dir)
	}
	fmt.Fprintln(e.stdout, "Next: edit schema/schema.hcl, then run `schemadiff generate -m \"create users\"`.")
	return nil
}

// mkdir creates a directory that must not exist, recording it in created.
func mkdir(path string, created *[]string) error {
	if err := os.Mkdir(path, 0o755); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	*created = append(*created, path)
	return nil
}

// exampleConfig is the commented configuration init writes.
func exampleConfig(dialect string, format migrate.Format, dir string) string {
	return editorSchemaLine(configJSONSchemaURL) + `
# schemadiff configuration (see docs/config.md). Flags override these settings.

# The database flavour of the schema files: postgres or sqlserver.
dialect: ` + dialect + `

# Desired-schema files or folders (HCL or YAML), relative to this file (--to).
to: [schema]

migrations:
  # Where generate writes migrations; schemadiff.sum in it records their
  # hashes and the schema state they lead to (--dir).
  dir: ` + dir + `
  # sql | golang-migrate | goose | dbmate | flyway | alembic (--dir-format)
  dir_format: ` + string(format) + `
  # seq: true   # number migrations 000001_… instead of by UTC time (sql, golang-migrate)

# Tables that live comparisons leave out (globs, as name or schema.name).
# Migration tools' own tables (schema_migrations, goose_db_version, …) are always left out.
exclude: []

# A scratch PostgreSQL server that replays the migrations and normalizes the
# schema files, so that they compare exactly (--dev-url): a URL, or local for
# a private server started from the installed PostgreSQL binaries.
# dev_url: local

# Environments, picked with --env NAME. ${NAME} reads an environment variable,
# so that no password is written down.
env:
  local:
    url: ${DATABASE_URL}
    # dev_url: ${DEV_DATABASE_URL}   # a scratch PostgreSQL server for --dev-url
`
}

// exampleSchema is the example desired schema init writes.
func exampleSchema(dialect string) string {
	if dialect == "sqlserver" {
		return `dialect = "sqlserver"

table "users" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "email" {
    type = "nvarchar(255)"
  }
  column "created_at" {
    type    = "datetime2"
    default = sql("SYSUTCDATETIME()")
  }
  primary_key {
    columns = ["id"]
  }
  index "ix_users_email" {
    columns = ["email"]
    unique  = true
  }
}
`
	}
	return `dialect = "postgres"

table "users" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "email" {
    type = "text"
  }
  column "created_at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  primary_key {
    columns = ["id"]
  }
  index "users_email_idx" {
    columns = ["email"]
    unique  = true
  }
}
`
}
