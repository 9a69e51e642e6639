package migrate

import (
	"fmt"
	"strings"
	"time"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// File is one file of a migration: its base name and content.
type File struct {
	Name string
	Data []byte
}

// migration is what the files of one new migration are made from.
type migration struct {
	format   Format
	version  string
	slug     string
	parent   string // the previous version ("" for the first)
	message  string
	command  string
	created  time.Time
	up, down *diff.Plan
	timeouts *render.Timeouts // Request.Timeouts
}

// direction is one side of a migration, rendered.
type direction struct {
	label   string // "up" or "down"
	plan    *diff.Plan
	stmts   []render.Statement
	noTx    bool // a statement cannot run in a transaction block
	hazards []diff.Hazard
}

func newDirection(label string, plan *diff.Plan) (direction, error) {
	stmts, err := render.SQL(plan)
	if err != nil {
		return direction{}, fmt.Errorf("render %s migration: %w", label, err)
	}
	d := direction{label: label, plan: plan, stmts: stmts}
	for _, s := range stmts {
		d.noTx = d.noTx || s.NoTransaction
	}
	if plan != nil {
		for _, c := range plan.Changes {
			d.hazards = append(d.hazards, c.Hazards...)
		}
	}
	return d, nil
}

// goBatches reports whether SQL Server scripts of format f may hold GO batch
// separators: sqlcmd/SSMS (sql) and Flyway understand them; golang-migrate,
// goose and dbmate send a file (or statement) to the server as it is.
func (f Format) goBatches() bool { return f == SQL || f == Flyway }

// script renders d's statements for m's format.
func (m migration) script(d direction) string {
	return render.ScriptWith(d.stmts, m.scriptOptions(d))
}

// scriptOptions are the options d's statements are rendered with: batch
// separators where the format takes them, and m's timeouts (--online) except
// in a file that golang-migrate, dbmate or a plain SQL runner sends to the
// server as one query while it must run outside a transaction: PostgreSQL
// runs a query of several statements as one transaction block, which
// CREATE INDEX CONCURRENTLY refuses (25001), so such a file holds its one
// statement alone and says where the timeouts come from (timeoutNote).
func (m migration) scriptOptions(d direction) render.ScriptOptions {
	opts := render.ScriptOptions{NoBatchSeparator: !m.format.goBatches()}
	if !m.oneQuery(d) {
		opts.Timeouts = m.timeouts
	}
	return opts
}

// oneQuery reports whether d, holding a statement that must run outside a
// transaction, is sent to the server as one query by m's format.
func (m migration) oneQuery(d direction) bool {
	return d.noTx && (m.format == SQL || m.format == GolangMigrate || m.format == Dbmate)
}

// timeoutNote says, in a file of an online migration that cannot open with
// the timeouts (scriptOptions), how they are set.
func (m migration) timeoutNote(d direction) string {
	if m.timeouts == nil || !m.oneQuery(d) || len(d.stmts) == 0 {
		return ""
	}
	return "-- No SET lock_timeout / statement_timeout here: this statement must be the only one of its file (a query of\n" +
		"-- several statements runs in a transaction block). The migration tool's session keeps the ones the parts before\n" +
		"-- set; run on a new connection, give them to it: PGOPTIONS='" + m.timeouts.PGOptions() + "'.\n\n"
}

// files renders the files of m.
func (m migration) files() ([]File, error) {
	up, err := newDirection("up", m.up)
	if err != nil {
		return nil, err
	}
	down, err := newDirection("down", m.down)
	if err != nil {
		return nil, err
	}
	upName, downName := m.format.fileNamesOf(m.version, m.slug)
	switch m.format {
	case SQL, GolangMigrate:
		return []File{
			{upName, []byte(m.header("--", up) + txNote(up) + m.timeoutNote(up) + m.script(up))},
			{downName, []byte(m.header("--", down) + txNote(down) + m.timeoutNote(down) + m.script(down))},
		}, nil
	case Goose:
		return []File{{upName, []byte(m.goose(up, down))}}, nil
	case Dbmate:
		return []File{{upName, []byte(m.dbmate(up, down))}}, nil
	case Flyway:
		files := []File{
			{upName, []byte(m.header("--", up) + m.script(up))},
			{downName, []byte(m.header("--", down) + m.script(down))},
		}
		// Flyway runs a script outside a transaction when its .conf says so.
		for i, d := range []direction{up, down} {
			if d.noTx {
				files = append(files, File{files[i].Name + ".conf", []byte("executeInTransaction=false\n")})
			}
		}
		return files, nil
	case Alembic:
		return m.alembic(up, down)
	}
	return nil, fmt.Errorf("unknown migration format %q", m.format)
}

// txNote warns, in a golang-migrate file, that its statements must not run
// in one transaction.
func txNote(d direction) string {
	if !d.noTx {
		return ""
	}
	return "-- This migration holds a statement that must run outside a transaction block (CONCURRENTLY, or\n" +
		"-- ALTER TYPE … ADD VALUE): schemadiff writes it alone, so golang-migrate runs it as is (no x-multi-statement).\n\n"
}

// header is the comment that opens every file: the message, the command
// that wrote it, when, and the hazards of each direction the file holds.
func (m migration) header(prefix string, dirs ...direction) string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(strings.TrimRight(prefix+" "+s, " ") + "\n")
	}
	for _, l := range strings.Split(strings.TrimSpace(m.message), "\n") {
		line(commentSafe(l))
	}
	line("")
	line("Generated by schemadiff at " + m.created.UTC().Format(time.RFC3339) + ":")
	line("  " + commentSafe(m.command))
	for _, d := range dirs {
		title := "Hazards"
		if len(dirs) > 1 {
			title += " (" + d.label + ")"
		}
		if len(d.hazards) == 0 {
			line(title + ": none")
			continue
		}
		line(title + ":")
		for _, h := range d.hazards {
			line(fmt.Sprintf("  %s %s: %s", h.Severity, h.Code, commentSafe(h.Message)))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// commentSafe keeps text of one comment line from reading as a directive of
// the tools (goose annotations, dbmate markers) or ending the line.
func commentSafe(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ", "+goose", "+ goose", "migrate:", "migrate :").Replace(s)
	return strings.TrimSpace(s)
}

// goose renders a goose file: -- +goose Up / Down sections, each statement
// that holds a semicolon wrapped in StatementBegin/End (goose otherwise ends
// a statement at every line ending in ";"), and NO TRANSACTION when needed.
// goose's NO TRANSACTION is for the whole file, and it then sends each
// statement on its own: so that only the statements that cannot run in a
// transaction run outside one, every run of the others is sent as one
// statement block, which PostgreSQL runs as one implicit transaction (all of
// it or none, "Multiple Statements in a Simple Query",
// https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT).
func (m migration) goose(up, down direction) string {
	var b strings.Builder
	b.WriteString(m.header("--", up, down))
	noTx := up.noTx || down.noTx
	if noTx {
		b.WriteString("-- +goose NO TRANSACTION\n")
	}
	for _, d := range []direction{up, down} {
		b.WriteString("-- +goose " + strings.ToUpper(d.label[:1]) + d.label[1:] + "\n")
		opts := render.ScriptOptions{NoBatchSeparator: true, NoSessionSettings: true, Timeouts: m.timeouts}
		b.WriteString(render.SessionSettings(d.stmts, opts))
		for _, group := range gooseGroups(d.stmts, noTx) {
			one := render.ScriptWith(group, opts)
			if len(group) > 1 || strings.Contains(group[0].SQL, ";") {
				one = "-- +goose StatementBegin\n" + one + "-- +goose StatementEnd\n"
			}
			b.WriteString(one)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// gooseGroups splits statements into what goose sends as one statement:
// each alone, or, in a NO TRANSACTION file (noTx), each statement that must
// run outside a transaction alone and every run of the others together.
func gooseGroups(stmts []render.Statement, noTx bool) [][]render.Statement {
	var groups [][]render.Statement
	for i, s := range stmts {
		if noTx && i > 0 && !s.NoTransaction && !stmts[i-1].NoTransaction {
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
			continue
		}
		groups = append(groups, []render.Statement{s})
	}
	return groups
}

// dbmate renders a dbmate file: -- migrate:up / -- migrate:down sections,
// with transaction:false on a section that cannot run in a transaction.
func (m migration) dbmate(up, down direction) string {
	var b strings.Builder
	b.WriteString(m.header("--", up, down))
	for _, d := range []direction{up, down} {
		b.WriteString("-- migrate:" + d.label)
		if d.noTx {
			b.WriteString(" transaction:false")
		}
		b.WriteString("\n" + m.timeoutNote(d) + m.script(d) + "\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// emptyDatabase is the state of a directory without migrations.
func emptyDatabase(d schema.Dialect) *schema.Database { return &schema.Database{Dialect: d} }
