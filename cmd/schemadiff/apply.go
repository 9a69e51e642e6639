package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/apply"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/render"
)

type applyCmd struct {
	URL          string   `help:"Database URL: the database to change (postgres://, sqlserver://); default: the url of --env in the configuration." placeholder:"URL"`
	To           string   `help:"Desired state: schema file or folder (default: to in the configuration, else schema/)." placeholder:"PATH"`
	Format       string   `help:"Output format: ${enum} (plan: the plan with its hazards, then its SQL)." enum:"plan,sql,json" default:"plan"`
	DryRun       bool     `name:"dry-run" help:"Print what would be applied and change nothing."`
	AutoApprove  bool     `name:"auto-approve" help:"Apply without asking for confirmation (CI)."`
	AllowHazards []string `name:"allow-hazards" sep:"," help:"Error-level hazard codes to apply anyway (comma-separated, e.g. drop-column,drop-table)." placeholder:"CODE"`
	Concurrently bool     `help:"Build and drop indexes of existing PostgreSQL tables CONCURRENTLY."`
	onlineFlags
	configFlags
	dialectFlag
	schemaFlag
	excludeFlag
	dropAllFlag
	strictFlag
}

// Run plans the changes that take the database to the desired schema, shows
// them, gates hazards, asks, applies them and checks the result.
func (c *applyCmd) Run(e *env) error {
	if _, err := c.timeouts(); err != nil {
		return err
	}
	p, err := resolve(e, settings{URL: c.URL, projectFlags: projectFlags{
		To: c.To, configFlags: c.configFlags, dialectFlag: c.dialectFlag, schemaFlag: c.schemaFlag,
		excludeFlag: c.excludeFlag, dropAllFlag: c.dropAllFlag, strictFlag: c.strictFlag,
	}})
	if err != nil {
		return err
	}
	if p.url == "" {
		return errors.New("no database to apply to: give --url, or --env naming an environment of the configuration")
	}
	if !source.IsURL(p.url) {
		return fmt.Errorf("--url %q is not a database URL (postgres://… or sqlserver://…)", redact.URL(p.url))
	}
	if p.dialect == "" {
		p.dialect = source.Dialect(p.url)
	}
	want, err := p.desired()
	if err != nil {
		return err
	}
	target := apply.Target{URL: p.url, Schemas: p.schemas, Exclude: p.exclude, AllowDropAll: p.allowDropAll, Strict: p.strict}
	opts := c.diffOptions(c.Concurrently, p.online, p.onlineIndexes)
	first := target
	first.Warn = e.stderr // the read after applying says them again only in a plan it shows
	plan, err := apply.Plan(e.ctx, first, want, opts)
	if err != nil {
		return err
	}
	stmts, err := c.show(e, plan)
	if err != nil {
		return err
	}
	where := redact.URL(p.url)
	if len(plan.Changes) == 0 {
		fmt.Fprintf(e.stderr, "No changes: %s already equals the desired schema.\n", where)
		return nil
	}
	hazards := apply.CheckHazards(plan, c.AllowHazards)
	if c.DryRun {
		var he *apply.HazardError
		if errors.As(hazards, &he) {
			fmt.Fprintf(e.stderr, "note: the plan has error-level hazards: apply refuses it without --allow-hazards %s\n", strings.Join(he.Codes, ","))
		}
		fmt.Fprintln(e.stderr, "Dry run: nothing was applied.")
		return nil
	}
	if hazards != nil {
		return hazards
	}
	if err := c.confirm(e, len(plan.Changes), where); err != nil {
		return err
	}
	run := apply.Options{LockTimeout: c.LockTimeout, Progress: e.stderr}
	if opts.Online {
		run.StatementTimeout = c.StatementTimeout
	}
	if err := apply.Execute(e.ctx, p.url, stmts, run); err != nil {
		return err
	}
	remaining, err := apply.Plan(e.ctx, target, want, opts)
	if err != nil {
		return fmt.Errorf("applied, but reading the database back failed: %w", err)
	}
	if len(remaining.Changes) > 0 {
		fmt.Fprintf(e.stderr, "Applied, but %s does not equal the desired schema: the changes printed last remain. Please report this as a schemadiff bug.\n", where)
		if _, err := c.show(e, remaining); err != nil {
			return err
		}
		return errChanges
	}
	fmt.Fprintf(e.stderr, "Applied the plan to %s; it now equals the desired schema.\n", where)
	return nil
}

// show renders plan as statements and writes it to stdout in --format (plan
// format adds the SQL); it returns the statements.
func (c *applyCmd) show(e *env, plan *diff.Plan) ([]render.Statement, error) {
	stmts, err := render.SQL(plan)
	if err != nil {
		return nil, err
	}
	switch c.Format {
	case "json":
		return stmts, render.WriteJSON(e.stdout, plan)
	case "sql":
		_, err := io.WriteString(e.stdout, render.Script(stmts))
		return stmts, err
	}
	if err := render.WritePlan(e.stdout, plan, e.color); err != nil {
		return nil, err
	}
	if len(stmts) > 0 {
		_, err = fmt.Fprintf(e.stdout, "\n%s", render.Script(stmts))
	}
	return stmts, err
}

// confirm asks on the terminal whether to apply n changes to where; without
// a terminal it refuses, unless --auto-approve.
func (c *applyCmd) confirm(e *env, n int, where string) error {
	if c.AutoApprove {
		return nil
	}
	if e.stdin == nil {
		return errors.New("refusing to apply without confirmation: stdin is not a terminal; pass --auto-approve to apply without asking (CI)")
	}
	what := fmt.Sprintf("these %d changes", n)
	if n == 1 {
		what = "this change"
	}
	fmt.Fprintf(e.stderr, "Apply %s to %s? [y/N] ", what, where)
	answer, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("reading the answer: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return nil
	}
	return errors.New("not applied: the answer was not yes; nothing was changed")
}

// terminalStdin returns os.Stdin when it is a terminal (someone to ask),
// nil otherwise (a pipe, a file, /dev/null).
func terminalStdin() io.Reader {
	if term.IsTerminal(int(os.Stdin.Fd())) {
		return os.Stdin
	}
	return nil
}
