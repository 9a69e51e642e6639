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
	Paths []string `arg:"" help:"Schema files or folders."`
	dialectFlag
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
	db, err = schema.NormalizeOwned(db)
	if err != nil {
		return err
	}
	meter.Stop() // before any output, which may go to the same terminal
	fmt.Fprintf(e.stdout, "%s: valid %s schema: %s\n", strings.Join(c.Paths, ", "), db.Dialect, objectCounts(db))
	return nil
}

// objectCounts says how many objects of each kind db holds: tables, enums
// and schemas always, the other kinds when there are any ("6 tables,
// 1 enum, 2 schemas, 1 view, 1 function, 1 trigger").
func objectCounts(db *schema.Database) string {
	parts := []string{plural(len(db.Tables), "table"), plural(len(db.Enums), "enum"), plural(len(db.Schemas), "schema")}
	var views, matviews, functions, procedures int
	for _, v := range db.Views {
		if v.Materialized {
			matviews++
		} else {
			views++
		}
	}
	for _, f := range db.Functions {
		if f.Procedure {
			procedures++
		} else {
			functions++
		}
	}
	for _, k := range []struct {
		n    int
		noun string
	}{
		{len(db.Extensions), "extension"}, {len(db.Sequences), "sequence"}, {len(db.Domains), "domain"},
		{len(db.CompositeTypes), "composite type"}, {views, "view"}, {matviews, "materialized view"},
		{functions, "function"}, {procedures, "procedure"}, {len(db.Triggers), "trigger"},
	} {
		if k.n > 0 {
			parts = append(parts, plural(k.n, k.noun))
		}
	}
	switch n := len(db.Policies); {
	case n == 1:
		parts = append(parts, "1 policy")
	case n > 1:
		parts = append(parts, fmt.Sprintf("%d policies", n))
	}
	return strings.Join(parts, ", ")
}

type fmtCmd struct {
	Paths []string `arg:"" help:"HCL schema files or folders."`
	Check bool     `help:"Write nothing; list the files that are not formatted and exit 1 if any."`
}

// Run rewrites HCL files in canonical layout. YAML files are left as they
// are: the YAML writer works from the model and would drop comments. A YAML
// file named on the command line is an error; YAML files found in a folder
// are named in a warning.
func (c *fmtCmd) Run(e *env) error {
	files, yamls, err := hclFiles(c.Paths)
	if err != nil {
		return err
	}
	if len(yamls) > 0 {
		e.warn("left %s as written (fmt formats HCL only; `schemadiff validate` checks YAML): %s", plural(len(yamls), "YAML file"), strings.Join(yamls, ", "))
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

// hclFiles expands paths (files or folders) to the .hcl files they hold,
// sorted, and lists the YAML schema files found in the folders. A named file
// that is not HCL is an error.
func hclFiles(paths []string) (files, yamls []string, err error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("fmt: %w", err)
		}
		if !st.IsDir() {
			if !strings.EqualFold(filepath.Ext(p), ".hcl") {
				return nil, nil, fmt.Errorf("%s: fmt formats HCL schema files only (YAML files are left as written; `schemadiff validate %s` checks one)", p, p)
			}
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			switch {
			case err != nil || d.IsDir():
			case strings.EqualFold(filepath.Ext(path), ".hcl"):
				files = append(files, path)
			case hasSchemaExt(strings.ToLower(path)):
				yamls = append(yamls, path)
			}
			return err
		})
		if err != nil {
			return nil, nil, fmt.Errorf("fmt: %w", err)
		}
	}
	sort.Strings(files)
	sort.Strings(yamls)
	return files, yamls, nil
}
