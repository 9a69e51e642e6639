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
	Dir     string   `help:"Migration directory to review (any format; Alembic: the folder holding versions/)." placeholder:"DIR"`
	Dialect string   `help:"Dialect of the migrations (default: the schema's)." enum:",postgres,sqlserver" default:""`
	Schema  []string `help:"Desired-schema file or folder (repeatable): enables the missed-option and drift checks." placeholder:"PATH"`
	Format  string   `help:"Output: text, json, sarif, github or markdown." enum:"text,json,sarif,github,markdown" default:"text"`
	FailOn  string   `name:"fail-on" help:"Lowest severity that makes the command exit 1: error, warning or info." enum:"error,warning,info" default:"error"`
	Since   string   `help:"Report only on the migrations after this version (a migration's version, file name or Alembic revision), or else changed since this git ref; the earlier ones still build the state." placeholder:"VERSION|REF"`
	Config  string   `help:"Configuration file whose schema, migration directory and dialect fill in what the flags leave out (default: schemadiff.yaml, schemadiff.yml or schemadiff.hcl in the working directory, when there is one)." placeholder:"FILE"`
}

// Run reviews the migrations and exits 1 when a finding reaches --fail-on.
func (c *reviewCmd) Run(e *env) error {
	if err := c.fromConfig(); err != nil {
		return err
	}
	if len(c.Files) == 0 && c.Dir == "" {
		return fmt.Errorf("review: name migration files or --dir (or run it where a schemadiff.yaml names them)")
	}
	opts := review.Options{Dialect: schema.Dialect(c.Dialect), Files: c.Files, Dir: c.Dir}
	if len(c.Schema) > 0 {
		db, err := schema.Load(schema.LoadOptions{Dialect: opts.Dialect}, c.Schema...)
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
	if err := rep.Write(e.stdout, review.Format(c.Format), review.WriteOptions{Color: e.color && c.Format == "text"}); err != nil {
		return err
	}
	if rep.Fails(diff.Severity(c.FailOn)) {
		return errChanges
	}
	return nil
}

// fromConfig fills, from the configuration file when there is one, what the
// flags leave out: the migration directory (when no file is named), the
// desired schema and the dialect.
func (c *reviewCmd) fromConfig() error {
	path := c.Config
	if path == "" {
		var err error
		if path, err = config.Find("."); err != nil || path == "" {
			return err
		}
	}
	p, err := projectFlags{Config: path}.resolve("")
	if err != nil {
		return err
	}
	if len(c.Files) == 0 && c.Dir == "" {
		c.Dir = p.dir
	}
	if len(c.Schema) == 0 {
		c.Schema = p.schemas
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
