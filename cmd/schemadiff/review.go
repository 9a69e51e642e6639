package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/config"
	"github.com/schemadiff/schemadiff/review"
	"github.com/schemadiff/schemadiff/schema"
)

type reviewCmd struct {
	Files   []string `arg:"" optional:"" help:"Migration files to review: .sql (plain, up/down, goose, dbmate, flyway) or Alembic revisions (.py)."`
	Dir     string   `help:"Migration directory: the one to review (any format; Alembic: the folder holding versions/)." placeholder:"DIR"`
	Dialect string   `help:"Dialect: postgres or sqlserver, of the migrations (default: the schema's)." enum:",postgres,sqlserver" default:""`
	To      string   `help:"Desired state: schema file or folder; enables the missed-option and drift checks (default: to in the configuration)." placeholder:"PATH"`
	Schema  []string `hidden:"" help:"Deprecated: use --to." placeholder:"PATH"`
	Format  string   `help:"Output format: ${enum}." enum:"text,json,sarif,github,markdown,gitlab" default:"text"`
	FailOn  string   `name:"fail-on" help:"Lowest severity that makes the command exit 1: error, warning or info." enum:"error,warning,info" default:"error"`
	Since   string   `help:"Report only on the migrations after this version (a migration's version, file name or Alembic revision), or else changed since this git ref; the earlier ones still build the state." placeholder:"VERSION|REF"`
	Config  string   `help:"Configuration file: its desired schema, migration directory and dialect fill in what the flags leave out (default: schemadiff.yaml, schemadiff.yml or schemadiff.hcl in the working directory or the nearest folder above it, up to the repository root)." placeholder:"FILE"`
	// paths are the desired-schema files or folders, resolved.
	paths []string
}

// Run reviews the migrations and exits 1 when a finding reaches --fail-on.
func (c *reviewCmd) Run(e *env) error {
	if err := c.desiredPaths(e); err != nil {
		return err
	}
	if err := c.fromConfig(e); err != nil {
		return err
	}
	if len(c.Files) == 0 && c.Dir == "" {
		return fmt.Errorf("review: name migration files or --dir (or run it where a schemadiff.yaml names them)")
	}
	opts := review.Options{Dialect: schema.Dialect(c.Dialect), Files: c.Files, Dir: c.Dir}
	if len(c.paths) > 0 {
		db, err := schema.Load(schema.LoadOptions{Dialect: opts.Dialect}, c.paths...)
		if err != nil {
			return err
		}
		opts.Schema = db
	}
	// --since names a migration version, else a git ref.
	opts.After = c.Since
	rep, err := review.Run(e.ctx, opts)
	if errors.Is(err, review.ErrNotAVersion) {
		changed, gitErr := changedSince(c.Since)
		if gitErr != nil {
			return fmt.Errorf("%w; as a git ref: %v", err, gitErr)
		}
		opts.After, opts.Since = "", changed
		rep, err = review.Run(e.ctx, opts)
	}
	if err != nil {
		return err
	}
	if err := rep.Write(e.stdout, review.Format(c.Format), review.WriteOptions{Color: e.color && c.Format == "text", Version: moduleVersion()}); err != nil {
		return err
	}
	if rep.Fails(diff.Severity(c.FailOn)) {
		return errChanges
	}
	return nil
}

// desiredPaths sets c.paths from --to and the deprecated --schema PATH,
// which review (reading no database) takes only as a path.
func (c *reviewCmd) desiredPaths(e *env) error {
	if c.To != "" {
		c.paths = append(c.paths, c.To)
	}
	names, paths := splitSchemaFlag(e, c.Schema)
	if len(names) > 0 {
		return fmt.Errorf("--schema %s: review reads no database, so takes no database schema: give the desired schema files as --to PATH", names[0])
	}
	c.paths = append(c.paths, paths...)
	return nil
}

// fromConfig fills, from the configuration file when there is one, what the
// flags leave out: the migration directory (when no file is named), the
// desired schema and the dialect.
func (c *reviewCmd) fromConfig(e *env) error {
	path := c.Config
	if path == "" {
		var err error
		if path, err = config.Find("."); err != nil || path == "" {
			return err
		}
	}
	p, err := resolve(e, settings{projectFlags: projectFlags{configFlags: configFlags{Config: path}}})
	if err != nil {
		return err
	}
	if len(c.Files) == 0 && c.Dir == "" {
		c.Dir = p.dir
	}
	if len(c.paths) == 0 {
		c.paths = p.to
	}
	if c.Dialect == "" {
		c.Dialect = string(p.dialect)
	}
	return nil
}

// changedSince lists, as absolute paths, the files git reports changed since ref.
func changedSince(ref string) ([]string, error) {
	top, err := gitOutput("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	out, err := gitOutput("diff", "--name-only", ref, "--")
	if err != nil {
		return nil, err
	}
	changed := []string{}
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			changed = append(changed, filepath.Join(top, l))
		}
	}
	return changed, nil
}

func gitOutput(args ...string) (string, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("git", args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("--since: git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}
