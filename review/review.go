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
	// After, when set, limits findings to the migrations after the one of
	// this version (a version number, a file name, an Alembic revision);
	// the earlier ones still build the state. Run returns an error wrapping
	// ErrNotAVersion when no migration has this version.
	After string

	// wholeState, set by tests, checks every migration on the whole state
	// instead of its scope (state.scope), to show both give the same report.
	wholeState bool
}

// ErrNotAVersion is wrapped by the error of Run when Options.After names no
// migration.
var ErrNotAVersion = errors.New("no migration has this version")

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
	if opts.After != "" {
		after, err := migrationsAfter(migs, opts.After)
		if err != nil {
			return nil, err
		}
		opts.Since = after
	}
	a := &analysis{d: d, desired: desired, state: newState(d), findings: findings, wholeState: opts.wholeState}
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
	rep := &Report{Dialect: d}
	for _, m := range migs {
		rep.Migrations = append(rep.Migrations, m.files...)
	}
	rep.Findings = suppress(a.findings, rep.Migrations)
	if opts.Since != nil {
		rep.Findings = keepSince(rep.Findings, rep.Migrations, opts.Since)
	}
	if dir == "" {
		rep.Findings = needsHistory(rep.Findings)
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

// migrationsAfter returns the files of the migrations that run after the one
// of version v (its version number, file name or Alembic revision).
func migrationsAfter(migs []*migration, v string) ([]string, error) {
	for i, m := range migs {
		base := filepath.Base(m.files[0])
		if v == m.revision || v == m.version || v == base || v == versionHead.FindString(strings.TrimPrefix(m.version, "V")) ||
			strings.HasPrefix(m.version, "V") && strings.TrimPrefix(m.version, "V") == v {
			after := []string{}
			for _, m := range migs[i+1:] {
				after = append(after, m.files...)
			}
			return after, nil
		}
	}
	return nil, fmt.Errorf("review: --since %s: %w (give the version of the last migration before those to review, or a git ref)", v, ErrNotAVersion)
}

// needsHistory replaces the drop-missing findings of a review of files alone
// by one: without the earlier migrations, what the files alter was never
// created, and saying so at every statement would bury the real findings.
func needsHistory(fs []Finding) []Finding {
	var objects []string
	first := -1
	for i, f := range fs {
		if f.Code == CodeDropMissing {
			if first < 0 {
				first = i
			}
			if !slices.Contains(objects, f.Object) {
				objects = append(objects, f.Object)
			}
		}
	}
	if first < 0 {
		return fs
	}
	n := len(objects)
	if len(objects) > 3 {
		objects = append(objects[:3], fmt.Sprintf("and %d more", n-3))
	}
	f := fs[first]
	fs = slices.DeleteFunc(fs, func(f Finding) bool { return f.Code == CodeDropMissing })
	return append(fs, Finding{Code: CodeNeedsHistory, Severity: diff.Warning, Pos: f.Pos,
		Message: fmt.Sprintf("These migrations act on what none of the files reviewed creates (%s): the earlier migrations are needed to check them; review the directory with --dir DIR --since VERSION, VERSION being the last migration before these.", strings.Join(objects, ", "))})
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
	// wholeState checks each migration on the whole state (Options.wholeState).
	wholeState bool
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
	var scope map[schema.QName]bool // nil: the whole state
	if !a.wholeState {
		scope = a.state.scope(m)
	}
	before := schema.CloneDatabase(within(a.state.db, scope))
	for i := range m.up.ops {
		n := len(a.findings)
		a.state.apply(m.up.ops[i])
		// An op that conflicts (created twice, or on what is missing)
		// changes nothing: hazards are not placed at it.
		m.up.ops[i].rejected = slices.ContainsFunc(a.findings[n:], func(f Finding) bool {
			return f.Code == CodeDuplicate || f.Code == CodeDropMissing
		})
	}
	after := schema.CloneDatabase(within(a.state.db, scope))
	clearRenames(a.state.db)
	first := schema.Pos{File: m.files[0], Line: 1}
	if len(m.up.ops) > 0 {
		first = m.up.ops[0].pos
	}
	nb, na := a.normalized(before, first), a.normalized(after, first)
	a.lint(&m.up, nb, true)
	a.lint(&m.down, nil, false)
	if nb == nil || na == nil {
		return
	}
	a.hazards(m, nb, na)
	if m.hasDown {
		a.downCheck(m, nb, scope)
	}
}

// hazards reports the hazards diff finds between the states before and after
// m, each at the statement of m that makes the change.
func (a *analysis) hazards(m *migration, before, after *schema.Database) {
	plan, err := diff.Compare(before, after, diff.Options{})
	if err != nil {
		return
	}
	ops := indexOps(m.up.ops)
	for _, c := range plan.Changes {
		o := ops.locate(c)
		for _, h := range c.Hazards {
			if o != nil && o.avoids(h.Code) {
				continue
			}
			pos := schema.Pos{File: m.files[0], Line: 1}
			if o != nil {
				pos = o.pos
			}
			a.add(Finding{Code: h.Code, Severity: h.Severity, Pos: pos, Object: changeObject(c), Message: h.Message})
		}
	}
	a.rebuilt(m, before, after, plan)
}

// rebuilt reports the indexes and constraints that m drops and creates again
// unchanged: diff sees no change, but the database rebuilds them, with the
// hazards of creating them (an index blocks writes while it builds, a foreign
// key or check scans the table).
func (a *analysis) rebuilt(m *migration, before, after *schema.Database, plan *diff.Plan) {
	// firstDrop maps a name to the first op that drops an index or
	// constraint of that name; changed holds the objects the plan changes.
	firstDrop := map[string]int{}
	for i, d := range m.up.ops {
		if (d.kind == opDropIndex || d.kind == opDropConstraint) && !d.rejected {
			if _, ok := firstDrop[d.name]; !ok {
				firstDrop[d.name] = i
			}
		}
	}
	if len(firstDrop) == 0 {
		return
	}
	changed := map[objectOf]bool{}
	for _, c := range plan.Changes {
		changed[objectOf{changeTable(c), changeName(c)}] = true
	}
	for i, o := range m.up.ops {
		name := opName(o)
		if o.rejected || name == "" || o.kind != opCreateIndex && o.kind != opAddConstraint {
			continue
		}
		if d, dropped := firstDrop[name]; !dropped || d >= i || changed[objectOf{o.table, name}] {
			continue
		}
		without := schema.CloneDatabase(before)
		if t := without.Table(o.table); t == nil || !dropObject(t, name) {
			continue
		}
		p, err := diff.Compare(without, after, diff.Options{})
		if err != nil {
			continue
		}
		for _, c := range p.Changes {
			if changeName(c) != name {
				continue
			}
			for _, h := range c.Hazards {
				if o.avoids(h.Code) {
					continue
				}
				a.add(Finding{Code: h.Code, Severity: h.Severity, Pos: o.pos, Object: changeObject(c),
					Message: h.Message + " It is dropped and created again unchanged: remove both statements unless the rebuild is the point."})
			}
		}
	}
}

// avoids reports whether op o is written the way that avoids hazard code:
// an index built or dropped CONCURRENTLY (or ONLINE) blocks no writes; a
// check or foreign key added NOT VALID scans no rows and cannot fail on
// them; a constraint added USING INDEX builds no index and finds no
// duplicates (the index was built before).
func (o *op) avoids(code string) bool {
	switch code {
	case diff.HazardBlockingIndex:
		return o.concurrently || o.usingIndex != ""
	case diff.HazardCheckMayFail, diff.HazardForeignKeyMayFail:
		return o.notValid
	case diff.HazardUniqueMayFail:
		return o.usingIndex != ""
	}
	return false
}

// dropObject removes the index or constraint called name from t and
// reports whether there was one.
func dropObject(t *schema.Table, name string) bool {
	n := len(t.Indexes) + len(t.Uniques) + len(t.Checks) + len(t.Excludes) + len(t.ForeignKeys)
	t.Indexes = slices.DeleteFunc(t.Indexes, func(x *schema.Index) bool { return x.Name == name })
	t.Uniques = slices.DeleteFunc(t.Uniques, func(x *schema.Unique) bool { return x.Name == name })
	t.Checks = slices.DeleteFunc(t.Checks, func(x *schema.Check) bool { return x.Name == name })
	t.Excludes = slices.DeleteFunc(t.Excludes, func(x *schema.Exclude) bool { return x.Name == name })
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(x *schema.ForeignKey) bool { return x.Name == name })
	if t.PrimaryKey != nil && t.PrimaryKey.Name == name {
		t.PrimaryKey = nil
		return true
	}
	return n != len(t.Indexes)+len(t.Uniques)+len(t.Checks)+len(t.Excludes)+len(t.ForeignKeys)
}

// downCheck applies m's down part to the state after m (the tables of its
// scope; all when nil) and reports when it does not lead back to nb, the (canonical)
// state before m.
func (a *analysis) downCheck(m *migration, nb *schema.Database, scope map[schema.QName]bool) {
	s := stateOf(schema.CloneDatabase(within(a.state.db, scope)))
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
		left = append(left, render.Describe(plan.Dialect, c))
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
	case c.Exclude != nil:
		return c.Exclude.Name
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
	case c.Unique != nil, c.Check != nil, c.Exclude != nil, c.ForeignKey != nil:
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
	case o.ex != nil:
		return o.ex.Name
	case o.fk != nil:
		return o.fk.Name
	case o.newName != "" && (o.kind == opRenameColumn || o.kind == opRenameConstraint || o.kind == opRenameIndex):
		return o.newName
	}
	return o.name
}

// objectOf names an object within its table (the table alone when name is
// empty).
type objectOf struct {
	table schema.QName
	name  string
}

// opFinder finds the op of a migration part that makes a change, without a
// scan of the ops per change: it maps each table, and each object within its
// table, to the last op on it.
type opFinder struct {
	ops []op
	// onObject and onTable map to the index of the last op on an object and
	// on a table; anyTable to the last DROP INDEX that names no table, by
	// the index's name (it may be on any table).
	onObject map[objectOf]int
	onTable  map[schema.QName]int
	anyTable map[string]int
}

// indexOps indexes ops for locate; ops that changed nothing (rejected) and
// statement marks are left out.
func indexOps(ops []op) *opFinder {
	f := &opFinder{ops: ops, onObject: map[objectOf]int{}, onTable: map[schema.QName]int{}, anyTable: map[string]int{}}
	for i := range ops {
		o := &ops[i]
		if o.rejected || o.kind == opStatement {
			continue
		}
		ot := o.table
		if o.tbl != nil {
			ot = o.tbl.QName()
		}
		name := opName(*o)
		f.onTable[ot] = i
		if name != "" {
			f.onObject[objectOf{ot, name}] = i
			if o.kind == opDropIndex && ot.Name == "" {
				f.anyTable[name] = i
			}
		}
	}
	return f
}

// locate finds the op that makes change c: the last one on the same object,
// else the last one on the same table; nil when none.
func (f *opFinder) locate(c *diff.Change) *op {
	t, name := changeTable(c), changeName(c)
	if name != "" {
		i, ok := f.onObject[objectOf{t, name}]
		if j, ok2 := f.anyTable[name]; ok2 && (!ok || j > i) {
			i, ok = j, true
		}
		if ok {
			return &f.ops[i]
		}
	}
	if i, ok := f.onTable[t]; ok {
		return &f.ops[i]
	}
	return nil
}
