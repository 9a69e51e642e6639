// Package review reads migrations — SQL files of both dialects and Alembic
// revisions — into the schema model without a database, and reports what a
// reviewer must see before they merge: options the desired schema declares
// that a migration left out, conflicts (an object created twice, two clustered
// indexes), drift between the migrations and the schema, the hazards of each
// migration, and problems of the directory (several heads, a down migration
// that does not undo its up).
package review

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// Options say what to review.
type Options struct {
	// Dialect of the migrations; taken from Schema when empty.
	Dialect schema.Dialect
	// Schema is the desired schema (as schema.Load returns it, normalized or
	// not). Without it, drift and missed options are not checked.
	Schema *schema.Database
	// Files are migration files to review, read in version order (SQL) or
	// down_revision order (Alembic). A .up.sql file brings its .down.sql.
	Files []string
	// Dir is a migration directory of any format of DESIGN §4; its files
	// come before Files.
	Dir string
	// Since, when not nil, limits findings to migrations among these files
	// (e.g. those changed since a git ref); the others still build the state.
	Since []string
}

// Report is the result of a review.
type Report struct {
	Dialect    schema.Dialect `json:"dialect"`
	Migrations []string       `json:"migrations"` // the files read, in the order they run
	Findings   []Finding      `json:"findings"`   // sorted by file, line, severity, code
}

// Count returns how many findings have severity s.
func (r *Report) Count(s diff.Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Fails reports whether a finding is at least as severe as failOn.
func (r *Report) Fails(failOn diff.Severity) bool {
	for _, f := range r.Findings {
		if severityRank(f.Severity) <= severityRank(failOn) {
			return true
		}
	}
	return false
}

// Run reads the migrations, applies them in order to an empty database and
// reports the findings. Errors are bad input (unreadable files, no dialect);
// what is wrong inside the migrations is a finding.
func Run(ctx context.Context, opts Options) (*Report, error) {
	d := opts.Dialect
	var desired *schema.Database
	if opts.Schema != nil {
		var err error
		if desired, err = schema.Normalize(opts.Schema); err != nil {
			return nil, fmt.Errorf("review: normalize the schema: %w", err)
		}
		if d == "" {
			d = desired.Dialect
		} else if d != desired.Dialect {
			return nil, fmt.Errorf("review: the migrations are %s but the schema is %s", d, desired.Dialect)
		}
	}
	if d != schema.Postgres && d != schema.SQLServer {
		return nil, errors.New("review: no dialect: give --dialect or a schema")
	}
	named, dir, skipped, err := sortNamed(opts.Files, opts.Dir)
	if err != nil {
		return nil, err
	}
	var files []string
	if dir != "" {
		fs, err := collectFiles(dir)
		if err != nil {
			return nil, err
		}
		files = fs
	}
	files = append(files, named...)
	if len(files) == 0 {
		return nil, errors.New("review: no migrations to review")
	}
	migs, findings, err := readMigrations(files, d, dir != "")
	if err != nil {
		return nil, err
	}
	findings = append(findings, skipped...)
	a := &analysis{d: d, desired: desired, state: newState(d), findings: findings}
	a.state.report = func(f Finding) { a.findings = append(a.findings, f) }
	for _, m := range migs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a.migration(m)
	}
	if desired != nil {
		a.compareWithSchema(dir == "")
	}
	rep := &Report{Dialect: d, Findings: a.findings}
	for _, m := range migs {
		rep.Migrations = append(rep.Migrations, m.files...)
	}
	if opts.Since != nil {
		rep.Findings = keepSince(rep.Findings, rep.Migrations, opts.Since)
	}
	rep.Findings = dedupe(rep.Findings)
	sortFindings(rep.Findings)
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	return rep, nil
}

// keepSince drops the findings located in migration files that are not in since.
func keepSince(fs []Finding, migrations, since []string) []Finding {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return filepath.Clean(p)
	}
	changed := map[string]bool{}
	for _, s := range since {
		changed[abs(s)] = true
	}
	isMig := map[string]bool{}
	for _, m := range migrations {
		isMig[abs(m)] = true
	}
	return slices.DeleteFunc(fs, func(f Finding) bool {
		p := abs(f.Pos.File)
		return isMig[p] && !changed[p]
	})
}

// dedupe drops findings equal to an earlier one.
func dedupe(fs []Finding) []Finding {
	seen := map[Finding]bool{}
	return slices.DeleteFunc(fs, func(f Finding) bool {
		if seen[f] {
			return true
		}
		seen[f] = true
		return false
	})
}

// analysis carries one review.
type analysis struct {
	d        schema.Dialect
	desired  *schema.Database // canonical; nil without a schema
	state    *state
	findings []Finding
	hints    []hint
	// covered holds the objects a specific finding already explains, so
	// that drift does not report them again: "table|kind|name[|aspect]".
	covered map[string]bool
}

func (a *analysis) add(f Finding) { a.findings = append(a.findings, f) }

// normalized returns the canonical form of db, or nil with a finding at pos.
func (a *analysis) normalized(db *schema.Database, pos schema.Pos) *schema.Database {
	n, err := schema.Normalize(db)
	if err != nil {
		msg := err.Error()
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		a.add(Finding{Code: CodeInvalidState, Severity: diff.Warning, Pos: pos,
			Message: fmt.Sprintf("The schema the migrations build up to here is not valid (%s); fix the migration so that hazards and drift can be checked.", msg)})
		return nil
	}
	return n
}

// migration applies m's up part, reports its hazards and checks its down part.
func (a *analysis) migration(m *migration) {
	a.findings = append(a.findings, m.up.findings...)
	a.findings = append(a.findings, m.down.findings...)
	a.hints = append(a.hints, m.up.hints...)
	clearRenames(a.state.db)
	before := cloneDB(a.state.db)
	for _, o := range m.up.ops {
		a.state.apply(o)
	}
	after := cloneDB(a.state.db)
	clearRenames(a.state.db)
	first := schema.Pos{File: m.files[0], Line: 1}
	if len(m.up.ops) > 0 {
		first = m.up.ops[0].pos
	}
	nb, na := a.normalized(before, first), a.normalized(after, first)
	if nb == nil || na == nil {
		return
	}
	a.hazards(m, nb, na)
	if m.hasDown {
		a.downCheck(m, nb)
	}
}

// hazards reports the hazards diff finds between the states before and after
// m, each at the statement of m that makes the change.
func (a *analysis) hazards(m *migration, before, after *schema.Database) {
	plan, err := diff.Compare(before, after, diff.Options{})
	if err != nil {
		return
	}
	for _, c := range plan.Changes {
		o := locate(m.up.ops, c)
		for _, h := range c.Hazards {
			if h.Code == diff.HazardBlockingIndex && o != nil && o.concurrently {
				continue
			}
			pos := schema.Pos{File: m.files[0], Line: 1}
			if o != nil {
				pos = o.pos
			}
			a.add(Finding{Code: h.Code, Severity: h.Severity, Pos: pos, Object: changeObject(c), Message: h.Message})
		}
	}
}

// downCheck applies m's down part to the state after m and reports when it
// does not lead back to nb, the (canonical) state before m.
func (a *analysis) downCheck(m *migration, nb *schema.Database) {
	s := &state{db: cloneDB(a.state.db)}
	for _, o := range m.down.ops {
		s.apply(o)
	}
	pos := m.downPos
	if len(m.down.ops) > 0 {
		pos = m.down.ops[0].pos
	}
	if pos.Line == 0 {
		pos.Line = 1
	}
	nd, err := schema.Normalize(s.db)
	if err != nil {
		return
	}
	plan, err := diff.Compare(nd, nb, diff.Options{})
	if err != nil || len(plan.Changes) == 0 {
		return
	}
	var left []string
	for i, c := range plan.Changes {
		if i == 3 {
			left = append(left, fmt.Sprintf("and %d more", len(plan.Changes)-3))
			break
		}
		left = append(left, render.Describe(c))
	}
	a.add(Finding{Code: CodeDownMismatch, Severity: diff.Warning, Pos: pos, Object: "migration " + filepath.Base(m.files[0]),
		Message: fmt.Sprintf("The down migration does not undo the up one: to get back it would still have to %s; complete the down migration.", strings.Join(left, "; "))})
}

// changeTable returns the table a change acts on.
func changeTable(c *diff.Change) schema.QName {
	if c.TableDef != nil {
		return c.TableDef.QName()
	}
	return c.Table
}

// changeName returns the name of the object a change acts on within its table.
func changeName(c *diff.Change) string {
	switch {
	case c.Index != nil:
		return c.Index.Name
	case c.PrimaryKey != nil:
		return c.PrimaryKey.Name
	case c.Unique != nil:
		return c.Unique.Name
	case c.Check != nil:
		return c.Check.Name
	case c.ForeignKey != nil:
		return c.ForeignKey.Name
	case c.OldColumn != nil:
		return c.OldColumn.Name
	case c.Column != nil:
		return c.Column.Name
	}
	return ""
}

// changeObject names the object of a change for findings.
func changeObject(c *diff.Change) string {
	t := changeTable(c)
	switch {
	case c.Index != nil:
		return objIndex(t, c.Index.Name)
	case c.PrimaryKey != nil:
		return "table " + t.String() + " primary key " + c.PrimaryKey.Name
	case c.Unique != nil, c.Check != nil, c.ForeignKey != nil:
		return "table " + t.String() + " constraint " + changeName(c)
	case c.Column != nil || c.OldColumn != nil:
		return "table " + t.String() + " column " + changeName(c)
	case c.Enum != nil:
		return "enum " + c.Enum.QName().String()
	case c.Schema != nil:
		return "schema " + c.Schema.Name
	case t.Name != "":
		return "table " + t.String()
	}
	return ""
}

// opName is the name of the object an op acts on within its table.
func opName(o op) string {
	switch {
	case o.idx != nil:
		return o.idx.Name
	case o.col != nil:
		return o.col.Name
	case o.pk != nil:
		return o.pk.Name
	case o.uq != nil:
		return o.uq.Name
	case o.ck != nil:
		return o.ck.Name
	case o.fk != nil:
		return o.fk.Name
	case o.newName != "" && (o.kind == opRenameColumn || o.kind == opRenameConstraint || o.kind == opRenameIndex):
		return o.newName
	}
	return o.name
}

// locate finds the op of ops that makes change c: the last one on the same
// object, else the last one on the same table.
func locate(ops []op, c *diff.Change) *op {
	t, name := changeTable(c), changeName(c)
	var onTable *op
	for i := len(ops) - 1; i >= 0; i-- {
		o := &ops[i]
		ot := o.table
		if o.tbl != nil {
			ot = o.tbl.QName()
		}
		if ot != t && !(o.kind == opDropIndex && ot.Name == "") {
			continue
		}
		if name != "" && opName(*o) == name {
			return o
		}
		if onTable == nil && ot == t {
			onTable = o
		}
	}
	return onTable
}
