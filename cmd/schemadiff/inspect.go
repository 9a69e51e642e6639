package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/schemadiff/schemadiff/diff"
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
	strictFlag
}

// Run prints the live schema.
func (c *inspectCmd) Run(e *env) error {
	if !source.IsURL(c.URL) {
		return fmt.Errorf("--url %q is not a database URL (postgres://… or sqlserver://…)", c.URL)
	}
	db, err := source.Load(e.ctx, c.URL, source.Options{Schemas: c.Schema, Exclude: c.Exclude, Warn: e.stderr, Strict: c.Strict})
	if err != nil {
		return err
	}
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
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(db)
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
