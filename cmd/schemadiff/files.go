package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/schemadiff/schemadiff/internal/atomicfile"
	"github.com/schemadiff/schemadiff/internal/progress"
	"github.com/schemadiff/schemadiff/schema"
)

type validateCmd struct {
	Paths   []string `arg:"" help:"Schema files or folders." type:"path"`
	Dialect string   `help:"Dialect of files that do not name one." enum:",postgres,sqlserver" default:""`
}

// Run loads, validates and normalizes the schema and reports what it holds.
func (c *validateCmd) Run(e *env) error {
	meter := progress.Start(e.stderr, true)
	defer meter.Stop()
	meter.Phase("loading schema files", "tables")
	db, err := schema.Load(schema.LoadOptions{Dialect: schema.Dialect(c.Dialect), Loaded: meter.Add}, c.Paths...)
	if err != nil {
		return err
	}
	db, err = schema.Normalize(db)
	if err != nil {
		return err
	}
	meter.Stop() // before any output, which may go to the same terminal
	fmt.Fprintf(e.stdout, "%s: valid %s schema: %d tables, %d enums, %d schemas\n",
		strings.Join(c.Paths, ", "), db.Dialect, len(db.Tables), len(db.Enums), len(db.Schemas))
	return nil
}

type fmtCmd struct {
	Paths []string `arg:"" help:"HCL schema files or folders." type:"path"`
	Check bool     `help:"Write nothing; list the files that are not formatted and exit 1 if any."`
}

// Run rewrites HCL files in canonical layout.
func (c *fmtCmd) Run(e *env) error {
	files, err := hclFiles(c.Paths)
	if err != nil {
		return err
	}
	changed := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		out, err := schema.FormatHCL(src, f)
		if err != nil {
			return err
		}
		if bytes.Equal(src, out) {
			continue
		}
		changed++
		fmt.Fprintln(e.stdout, f)
		if c.Check {
			continue
		}
		if err := atomicfile.Replace(f, out); err != nil {
			return err
		}
	}
	if c.Check && changed > 0 {
		return errChanges
	}
	return nil
}

// hclFiles expands paths (files or folders) to the .hcl files they hold, sorted.
func hclFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("fmt: %w", err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".hcl") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("fmt: %w", err)
		}
	}
	sort.Strings(files)
	return files, nil
}
