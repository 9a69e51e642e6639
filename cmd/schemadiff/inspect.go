package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/atomicfile"
	"github.com/schemadiff/schemadiff/internal/parallel"
	"github.com/schemadiff/schemadiff/internal/progress"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// The JSON Schemas of the YAML formats (docs/), for editors.
const (
	schemaJSONSchemaURL = "https://raw.githubusercontent.com/schemadiff/schemadiff/main/docs/schemadiff.schema.json"
	configJSONSchemaURL = "https://raw.githubusercontent.com/schemadiff/schemadiff/main/docs/schemadiff-config.schema.json"
)

// editorSchemaLine is the comment that tells yaml-language-server (VS Code's
// YAML extension, and editors using it) which JSON Schema a file follows.
func editorSchemaLine(url string) string { return "# yaml-language-server: $schema=" + url }

type inspectCmd struct {
	URL    string `required:"" help:"Database URL: the database to read (postgres://, postgresql://, sqlserver://)." placeholder:"URL"`
	Format string `help:"Output format: ${enum}." enum:"hcl,yaml,json,sql" default:"hcl"`
	NoGO   bool   `name:"no-go" help:"SQL Server: leave out the GO batch separators (for tools that send a script as one batch)."`
	schemaFlag
	excludeFlag
	Split string `help:"Split output: write one file per table and enum into this folder, by schema (DIR/<schema>/<table>.hcl), in --format hcl or yaml; existing files are never overwritten." placeholder:"DIR" type:"path"`
	strictFlag
}

// Run prints the live schema.
func (c *inspectCmd) Run(e *env) error {
	if !source.IsURL(c.URL) {
		return fmt.Errorf("--url %q is not a database URL (postgres://… or sqlserver://…)", c.URL)
	}
	if c.Split != "" && c.Format != "hcl" && c.Format != "yaml" {
		return fmt.Errorf("--split writes hcl or yaml files, not %s: use --format hcl or --format yaml", c.Format)
	}
	meter := progress.Start(e.stderr, c.Format != "json")
	defer meter.Stop()
	meter.Phase("reading "+redact.URL(c.URL), "")
	db, err := source.Load(e.ctx, c.URL, source.Options{Schemas: c.Schema, Exclude: c.Exclude, Warn: e.stderr, Strict: c.Strict})
	if err != nil {
		return err
	}
	if c.Split != "" {
		meter.Phase("writing "+c.Split, "files")
		return writeSplit(e, c.Split, c.Format, db, meter)
	}
	meter.Stop() // before any output, which may go to the same terminal
	if c.Format == "yaml" {
		if _, err := fmt.Fprintln(e.stdout, editorSchemaLine(schemaJSONSchemaURL)); err != nil {
			return err
		}
	}
	if c.Format != "json" { // JSON lists them under warnings
		comment := map[bool]string{true: "-- ", false: "# "}[c.Format == "sql"]
		if err := writeWarnings(e.stdout, comment, db.Warnings); err != nil {
			return err
		}
	}
	switch c.Format {
	case "yaml":
		return schema.WriteYAML(e.stdout, db)
	case "json":
		return writeJSON(e.stdout, db)
	case "sql":
		plan, err := diff.Compare(&schema.Database{Dialect: db.Dialect}, db, diff.Options{})
		if err != nil {
			return err
		}
		return writePlan(e, plan, "sql", render.ScriptOptions{NoBatchSeparator: c.NoGO})
	default:
		return schema.WriteHCL(e.stdout, db)
	}
}

// writeSplit writes db into dir in the layout of schema.SplitFiles, on
// all cores, counting files on meter. It writes nothing when one of the
// files exists already, and each file atomically (a file is there whole or
// not at all).
func writeSplit(e *env, dir, format string, db *schema.Database, meter *progress.Meter) error {
	write := schema.WriteHCL
	if format == "yaml" {
		write = schema.WriteYAML
	}
	files := schema.SplitFiles(db, format)
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("--split: %s exists; schemadiff never overwrites files: remove the folder's files or choose an empty folder", path)
		}
	}
	errs := make([]error, len(files))
	parallel.Do(len(files), func(i int) {
		path := filepath.Join(dir, filepath.FromSlash(files[i].Path))
		var buf bytes.Buffer
		if err := write(&buf, files[i].DB); err != nil {
			errs[i] = err
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			errs[i] = fmt.Errorf("--split: %w", err)
			return
		}
		errs[i] = atomicfile.Create(path, buf.Bytes())
		meter.Add(1)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	meter.Stop()
	fmt.Fprintf(e.stdout, "wrote %d files (%d tables, %d enums) into %s\n", len(files), len(db.Tables), len(db.Enums), dir)
	return nil
}

// writeWarnings writes each warning as a comment line starting with comment
// ("# ", "-- "), so that a file made from inspect's output says what it
// leaves out.
func writeWarnings(w io.Writer, comment string, warnings []schema.Warning) error {
	for _, x := range warnings {
		if _, err := fmt.Fprintf(w, "%swarning: %s: %s\n", comment, x.Object, x.Message); err != nil {
			return err
		}
	}
	return nil
}
