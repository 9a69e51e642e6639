package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

type generateCmd struct {
	Message      string `short:"m" required:"" help:"What the migration does; names the file." placeholder:"MESSAGE"`
	Seq          bool   `help:"Number migrations 000001, 000002… instead of by UTC time (sql, golang-migrate)."`
	Concurrently bool   `help:"Build and drop indexes of existing PostgreSQL tables CONCURRENTLY."`
	Format       string `hidden:"" help:"Deprecated: use --dir-format." placeholder:"FORMAT"`
	Now          string `hidden:"" help:"The clock, as RFC 3339 (for reproducible files)."`
	URL          string `help:"Database URL: a live database (postgres://, sqlserver://) to use as the current state instead of the migration directory." placeholder:"URL"`
	onlineFlags
	projectFlags
}

// Run writes the next migration: the desired schema against the current state.
func (c *generateCmd) Run(e *env) error {
	format, err := deprecatedFormat(e, c.DirFormat, c.Format)
	if err != nil {
		return err
	}
	s := settings{projectFlags: c.projectFlags, URL: c.URL}
	s.DirFormat = format
	p, err := resolve(e, s)
	if err != nil {
		return err
	}
	now := time.Now()
	if c.Now != "" {
		if now, err = time.Parse(time.RFC3339, c.Now); err != nil {
			return fmt.Errorf("--now: %w", err)
		}
	}
	want, err := p.desiredOnDev(e)
	if err != nil {
		return err
	}
	d, err := migrate.Open(p.dir, p.format)
	if err != nil {
		return err
	}
	var current *schema.Database
	if p.url != "" {
		current, err = p.live(e, want.Dialect)
	} else {
		current, err = p.migrationState(e, d, want.Dialect)
	}
	if err != nil {
		return err
	}
	if err := checkDropAll(current, want, p.allowDropAll); err != nil {
		return err
	}
	timeouts, err := c.timeouts()
	if err != nil {
		return err
	}
	opts := c.diffOptions(c.Concurrently, p.online, p.onlineIndexes)
	up, err := diff.Compare(current, want, opts)
	if err != nil {
		return err
	}
	if len(up.Changes) == 0 {
		fmt.Fprintf(e.stderr, "No changes: the migrations in %s already hold the schema; nothing written.\n", p.dir)
		return nil
	}
	down, err := diff.Down(current, want, opts)
	if err != nil {
		return err
	}
	if err := render.WritePlan(e.stdout, up, e.color); err != nil {
		return err
	}
	// Ctrl-C (SIGINT) or SIGTERM while the plan was made: write nothing.
	if err := e.ctx.Err(); err != nil {
		return err
	}
	req := migrate.Request{
		Message: c.Message, Command: c.command(d.Format, opts.Online), Up: up, Down: down, From: current, State: want,
		Now: now, Seq: c.Seq || p.seq,
	}
	if opts.Online && want.Dialect == schema.Postgres {
		req.Timeouts = &timeouts
	}
	written, err := d.Write(req)
	if err != nil {
		return err
	}
	for _, w := range written {
		fmt.Fprintf(e.stdout, "wrote %s\n", w)
	}
	return nil
}

// command is the command line recorded in file headers: deterministic, and
// without URLs (which may carry passwords); online is --online or the
// configuration's online.
func (c *generateCmd) command(f migrate.Format, online bool) string {
	parts := []string{"schemadiff generate", "-m", fmt.Sprintf("%q", c.Message), "--dir-format", string(f)}
	if c.Concurrently {
		parts = append(parts, "--concurrently")
	}
	if online {
		parts = append(parts, "--online", "--lock-timeout", c.LockTimeout.String(), "--statement-timeout", c.StatementTimeout.String())
	}
	return strings.Join(parts, " ")
}
