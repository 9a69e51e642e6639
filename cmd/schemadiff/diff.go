package main

import (
	"fmt"
	"io"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/progress"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

type diffCmd struct {
	From         string `required:"" help:"Current state: database URL (postgres://, sqlserver://) or schema file or folder." placeholder:"SRC"`
	To           string `required:"" help:"Desired state: database URL or schema file or folder." placeholder:"SRC"`
	Format       string `help:"Output format: ${enum}." enum:"sql,plan,json" default:"sql"`
	Down         bool   `help:"Print the down migration (from --to back to --from) instead."`
	ExitCode     bool   `name:"exit-code" help:"Exit 1 when there are changes."`
	Concurrently bool   `help:"Build and drop indexes of existing PostgreSQL tables CONCURRENTLY."`
	NoGO         bool   `name:"no-go" help:"SQL Server: leave out the GO batch separators (for tools that send a script as one batch)."`
	onlineFlags
	dialectFlag
	schemaFlag
	excludeFlag
	devFlag
	dropAllFlag
	strictFlag
}

// Run prints the plan between --from and --to.
func (c *diffCmd) Run(e *env) error {
	// A URL fixes the dialect of the files on the other side.
	dialect := source.Dialect(c.From)
	if dialect == "" {
		dialect = source.Dialect(c.To)
	}
	if c.Dialect != "" {
		dialect = schema.Dialect(c.Dialect)
	}
	live := source.IsURL(c.From) || source.IsURL(c.To)
	if err := readFlagsUsed(live, live, c.Schema, c.Exclude); err != nil {
		return err
	}
	devURL := c.DevURL
	if !source.IsURL(c.From) || !source.IsURL(c.To) { // only schema files are normalized on it
		var err error
		if devURL, err = e.devServer(c.DevURL); err != nil {
			return err
		}
	}
	opts := source.Options{Dialect: dialect, Schemas: c.Schema, Exclude: c.Exclude, DevURL: devURL, Warn: e.stderr, Strict: c.Strict}
	meter := progress.Start(e.stderr, c.Format != "json")
	defer meter.Stop()
	opts.Loaded = meter.Add
	from, to, err := c.load(e, opts, meter)
	if err != nil {
		return err
	}
	meter.Phase("comparing", "")
	if from.Dialect != to.Dialect {
		return fmt.Errorf("--from is %s but --to is %s: compare sources of one dialect", from.Dialect, to.Dialect)
	}
	compare, target, current := diff.Compare, to, from
	if c.Down {
		compare, target, current = diff.Down, from, to
	}
	if err := checkDropAll(current, target, c.AllowDropAll); err != nil {
		return err
	}
	timeouts, err := c.timeouts()
	if err != nil {
		return err
	}
	plan, err := compare(from, to, c.diffOptions(c.Concurrently, false, false))
	if err != nil {
		return err
	}
	script := render.ScriptOptions{NoBatchSeparator: c.NoGO}
	if c.Online {
		script.Timeouts = &timeouts
	}
	meter.Stop() // before any output, which may go to the same terminal
	if err := writePlan(e, plan, c.Format, script); err != nil {
		return err
	}
	if c.ExitCode && len(plan.Changes) > 0 {
		return errChanges
	}
	return nil
}

// load reads --from and --to: at the same time when a database URL (or
// --dialect) fixes the dialect, else --from first, whose dialect the files
// of --to then take.
func (c *diffCmd) load(e *env, opts source.Options, meter *progress.Meter) (from, to *schema.Database, err error) {
	if opts.Dialect != "" {
		meter.Phase(readingPhase(c.From)+" and "+readingPhase(c.To), "tables")
		return source.LoadPair(e.ctx, c.From, c.To, opts)
	}
	meter.Phase(readingPhase(c.From), "tables")
	if from, err = source.Load(e.ctx, c.From, opts); err != nil {
		return nil, nil, err
	}
	opts.Dialect = from.Dialect
	meter.Phase(readingPhase(c.To), "tables")
	if to, err = source.Load(e.ctx, c.To, opts); err != nil {
		return nil, nil, err
	}
	return from, to, nil
}

// writePlan prints plan in format (sql, plan or json); opts shape the SQL script.
func writePlan(e *env, plan *diff.Plan, format string, opts render.ScriptOptions) error {
	switch format {
	case "plan":
		return render.WritePlan(e.stdout, plan, e.color)
	case "json":
		return render.WriteJSON(e.stdout, plan)
	default:
		stmts, err := render.SQL(plan)
		if err != nil {
			return err
		}
		_, err = io.WriteString(e.stdout, render.ScriptWith(stmts, opts))
		return err
	}
}

// readingPhase names, for progress output, the reading of source src
// (redacted when it is a URL).
func readingPhase(src string) string {
	if source.IsURL(src) {
		return "reading " + redact.URL(src)
	}
	return "loading " + src
}
