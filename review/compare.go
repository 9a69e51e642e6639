package review

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// compareWithSchema checks the state the migrations built against the desired
// schema: first the options a migration missed, then the drift that remains.
// In files mode (no directory) only tables the migrations create are compared,
// since the earlier migrations that create the others are not given.
func (a *analysis) compareWithSchema(filesMode bool) {
	a.covered = map[string]bool{}
	a.wrongDialect()
	final := a.normalized(a.state.db, schema.Pos{})
	if final == nil {
		return
	}
	names := sides{final: schema.NewLookup(final), desired: schema.NewLookup(a.desired)}
	for _, dt := range a.desired.Tables {
		if mt := names.final.Table(dt.QName()); mt != nil {
			a.missedOptions(dt, mt)
		}
	}
	plan, err := diff.Compare(final, a.desired, diff.Options{})
	if err != nil {
		return
	}
	pairs := pairChanges(plan.Changes)
	for _, c := range plan.Changes {
		t := changeTable(c)
		if filesMode && names.final.Table(t) == nil && (c.Schema == nil && c.Enum == nil) {
			continue
		}
		if filesMode && (c.Schema != nil || c.Enum != nil) && c.Kind != diff.DropSchema && c.Kind != diff.DropEnum {
			continue
		}
		if a.isCovered(c) {
			continue
		}
		other, paired := pairs[c]
		switch {
		case !paired:
			a.drift(c, names)
		case other == nil: // dropped and created again only to make way for another change
		case render.Op(c) == "-":
			a.add(Finding{Code: CodeDriftChanged, Severity: diff.Warning, Pos: changePos(c, names), Object: changeObject(c),
				Message: fmt.Sprintf("Migrations create this differently from the schema: they %s, the schema would %s; fix the migration or the schema.",
					strings.Replace(render.Describe(a.d, c), "drop ", "have what a migration would drop: ", 1), render.Describe(a.d, other))})
		}
	}
}

// pairChanges matches each drop with the create of the same object in a
// plan. An object dropped and created again with the same definition (diff
// recreates indexes and constraints around a column change) maps to nil in
// both directions; otherwise the drop maps to its create and the create to
// its drop.
func pairChanges(changes []*diff.Change) map[*diff.Change]*diff.Change {
	out := map[*diff.Change]*diff.Change{}
	drops := map[string]*diff.Change{}
	for _, c := range changes {
		if render.Op(c) == "-" {
			drops[objectKey(c)] = c
		}
	}
	for _, c := range changes {
		if render.Op(c) != "+" {
			continue
		}
		d, ok := drops[objectKey(c)]
		if !ok {
			continue
		}
		if sameDefinition(d, c) {
			out[d], out[c] = nil, nil
		} else {
			out[d], out[c] = c, d
		}
	}
	return out
}

// objectKey identifies the object of a change: its class, table and name.
func objectKey(c *diff.Change) string {
	class := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(string(c.Kind), "drop_"), "add_"), "create_")
	return class + "|" + changeTable(c).String() + "|" + changeName(c)
}

// sameDefinition reports whether two changes carry equal objects (positions,
// which JSON leaves out, aside).
func sameDefinition(a, b *diff.Change) bool {
	obj := func(c *diff.Change) any {
		switch {
		case c.Index != nil:
			return c.Index
		case c.PrimaryKey != nil:
			return c.PrimaryKey
		case c.Unique != nil:
			return c.Unique
		case c.Check != nil:
			return c.Check
		case c.Exclude != nil:
			return c.Exclude
		case c.ForeignKey != nil:
			return c.ForeignKey
		case c.Column != nil:
			return c.Column
		case c.TableDef != nil:
			return c.TableDef
		}
		return nil
	}
	ja, err1 := json.Marshal(obj(a))
	jb, err2 := json.Marshal(obj(b))
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

// wrongDialect marks the indexes a wrong-dialect option concerns as covered:
// that finding explains their lost filter or options.
func (a *analysis) wrongDialect() {
	for _, f := range a.findings {
		if f.Code == CodeWrongDialectOption && f.Object != "" {
			a.covered[f.Object] = true
		}
	}
}

func (a *analysis) cover(keys ...string) {
	for _, k := range keys {
		a.covered[k] = true
	}
}

// isCovered reports whether a specific finding already explains change c.
func (a *analysis) isCovered(c *diff.Change) bool {
	t := changeTable(c)
	switch {
	case c.Kind == diff.DropColumn || c.Kind == diff.AddColumn:
		return a.covered[objColumnQ(t, c.Column.Name)+"|identity"]
	case c.Index != nil:
		return a.covered[objIndex(t, c.Index.Name)]
	case c.PrimaryKey != nil:
		return a.covered[objPK(t)]
	case c.Kind == diff.AlterColumn:
		col := objColumnQ(t, c.Column.Name)
		al := c.Alter
		return (a.covered[col+"|identity"] || !al.Identity) && (a.covered[col+"|default"] || !al.Default) &&
			(al.Identity || al.Default) && !al.Type && !al.Null && !al.Computed && !al.Collation
	}
	return false
}

func objPK(t schema.QName) string { return "table " + t.String() + " primary key" }

func objColumnQ(t schema.QName, col string) string { return "table " + t.String() + " column " + col }

// fix picks the Alembic or the SQL wording of a fix, by the file the finding is in.
func fix(pos schema.Pos, alembic, sql string) string {
	if strings.HasSuffix(pos.File, ".py") {
		return alembic
	}
	return sql
}

// missedOptions compares a table the migrations create (mt) with its
// definition in the schema (dt), both canonical.
func (a *analysis) missedOptions(dt, mt *schema.Table) {
	q := dt.QName()
	if dpk, mpk := dt.PrimaryKey, mt.PrimaryKey; dpk != nil && mpk != nil && a.d == schema.SQLServer &&
		dpk.Clustered != nil && !*dpk.Clustered && mpk.Clustered != nil && *mpk.Clustered {
		a.add(Finding{Code: CodeMissedNonclustered, Severity: diff.Warning, Pos: mpk.Pos, Object: objPK(q),
			Message: fmt.Sprintf("The primary key of %s is created CLUSTERED (SQL Server's default) but the schema declares it NONCLUSTERED; %s.", q,
				fix(mpk.Pos, "add mssql_clustered=False to sa.PrimaryKeyConstraint", "write PRIMARY KEY NONCLUSTERED"))})
		a.cover(objPK(q))
	}
	for _, dx := range dt.Indexes {
		if mx := findIndex(mt, dx.Name); mx != nil {
			a.missedIndexOptions(q, dx, mx)
		}
	}
	for _, dc := range dt.Columns {
		mc := mt.Column(dc.Name)
		if mc == nil {
			continue
		}
		obj := objColumnQ(q, dc.Name)
		if dc.Identity != nil && mc.Identity == nil {
			why := ""
			if a.hasHint("autoincrement", q, dc.Name) {
				why = " (autoincrement=True does not make an identity column)"
			}
			a.add(Finding{Code: CodeMissedIdentity, Severity: diff.Warning, Pos: mc.Pos, Object: obj,
				Message: fmt.Sprintf("Column %s.%s is created without IDENTITY%s but the schema declares it identity; %s.", q, dc.Name, why,
					fix(mc.Pos, "pass sa.Identity(start=1, increment=1) to sa.Column", identitySQL(a.d)))})
			a.cover(obj + "|identity")
		}
		if dc.Default != nil && mc.Default == nil {
			if h := a.hint("client-default", q, dc.Name); h != nil {
				a.add(Finding{Code: CodeClientDefault, Severity: diff.Warning, Pos: h.pos, Object: obj,
					Message: fmt.Sprintf("Column %s.%s gets %s only as a client-side default=, so the database has no default and other writers insert NULL; use server_default=sa.text(%q).", q, dc.Name, h.value, h.value)})
				a.cover(obj + "|default")
			}
		}
	}
}

func identitySQL(d schema.Dialect) string {
	if d == schema.SQLServer {
		return "write IDENTITY(1, 1) in the column definition"
	}
	return "write GENERATED BY DEFAULT AS IDENTITY in the column definition"
}

func (a *analysis) hint(kind string, t schema.QName, col string) *hint {
	for i := range a.hints {
		h := &a.hints[i]
		if h.kind == kind && h.table == t && h.column == col {
			return h
		}
	}
	return nil
}

func (a *analysis) hasHint(kind string, t schema.QName, col string) bool {
	return a.hint(kind, t, col) != nil
}

// missedIndexOptions reports what the migration's index mx lacks of the
// schema's index dx.
func (a *analysis) missedIndexOptions(q schema.QName, dx, mx *schema.Index) {
	obj := objIndex(q, dx.Name)
	if a.covered[obj] {
		return
	}
	report := func(code string, sev diff.Severity, format string, args ...any) {
		a.add(Finding{Code: code, Severity: sev, Pos: mx.Pos, Object: obj, Message: fmt.Sprintf(format, args...)})
		a.cover(obj)
	}
	ms := a.d == schema.SQLServer
	if ms && dx.Clustered != nil && *dx.Clustered && (mx.Clustered == nil || !*mx.Clustered) {
		report(CodeMissedClustered, diff.Warning, "Index %s is created NONCLUSTERED but the schema declares it CLUSTERED; %s.", dx.Name,
			fix(mx.Pos, "add mssql_clustered=True to op.create_index", "write CREATE CLUSTERED INDEX"))
	}
	if dx.Where != "" && mx.Where == "" {
		sev := diff.Warning
		if dx.Unique {
			sev = diff.Error // without its filter a unique index rejects rows the schema allows
		}
		opt := "postgresql_where"
		if ms {
			opt = "mssql_where"
		}
		report(CodeMissedWhere, sev, "Index %s is created without its filter WHERE %s; %s.", dx.Name, dx.Where,
			fix(mx.Pos, fmt.Sprintf("add %s=sa.text(%q) to op.create_index", opt, dx.Where), "add WHERE "+dx.Where+" to CREATE INDEX"))
	}
	if missing := without(dx.Include, mx.Include); len(missing) > 0 {
		opt := "postgresql_include"
		if ms {
			opt = "mssql_include"
		}
		report(CodeMissedInclude, diff.Warning, "Index %s is created without INCLUDE (%s); %s.", dx.Name, strings.Join(missing, ", "),
			fix(mx.Pos, fmt.Sprintf("add %s=[%s] to op.create_index", opt, quoteList(dx.Include)), "add INCLUDE ("+strings.Join(dx.Include, ", ")+") to CREATE INDEX"))
	}
	for _, dp := range dx.Parts {
		if !dp.Desc {
			continue
		}
		for _, mp := range mx.Parts {
			if mp.Column == dp.Column && mp.Expr == dp.Expr && !mp.Desc {
				key := dp.Column + dp.Expr
				report(CodeMissedDesc, diff.Warning, "Key %s of index %s is created ascending but the schema declares it DESC; %s.", key, dx.Name,
					fix(mx.Pos, fmt.Sprintf("write sa.text(%q) in the column list", key+" DESC"), "write "+key+" DESC"))
			}
		}
	}
	if dx.Unique && !mx.Unique {
		report(CodeMissedUnique, diff.Warning, "Index %s is created without UNIQUE but the schema declares it unique; %s.", dx.Name,
			fix(mx.Pos, "add unique=True to op.create_index", "write CREATE UNIQUE INDEX"))
	}
}

func without(want, have []string) []string {
	var out []string
	for _, w := range want {
		if !slices.Contains(have, w) {
			out = append(out, w)
		}
	}
	return out
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + x + "'"
	}
	return strings.Join(q, ", ")
}

// drift reports one change between the migrations' state and the schema.
func (a *analysis) drift(c *diff.Change, names sides) {
	code, sev := CodeDriftChanged, diff.Warning
	what := render.Describe(a.d, c)
	if c.Index != nil && c.Index.Clustered != nil && *c.Index.Clustered {
		what += " (CLUSTERED)"
	}
	var msg string
	switch render.Op(c) {
	case "+":
		code = CodeDriftMissing
		msg = fmt.Sprintf("The schema has what no migration creates: to match it, a migration must %s; add it to a migration (or remove it from the schema).", what)
	case "-":
		code = CodeDriftExtra
		msg = fmt.Sprintf("Migrations create what the schema lacks: to match it, a migration must %s; add it to the schema (or drop it in a migration).", what)
	default:
		msg = fmt.Sprintf("Migrations create this differently from the schema: to match it, a migration must %s; fix the migration or the schema.", what)
	}
	a.add(Finding{Code: code, Severity: sev, Pos: changePos(c, names), Object: changeObject(c), Message: msg})
}

// sides looks up the tables of the migrations' final state and of the
// desired schema by name.
type sides struct{ final, desired *schema.Lookup }

// changePos locates a drift change: at the migration line that created the
// object when there is one, else at the schema's declaration.
func changePos(c *diff.Change, names sides) schema.Pos {
	var cands []schema.Pos
	if c.OldColumn != nil {
		cands = append(cands, c.OldColumn.Pos)
	}
	if c.Column != nil {
		if mt := names.final.Table(changeTable(c)); mt != nil {
			if mc := mt.Column(c.Column.Name); mc != nil {
				cands = append(cands, mc.Pos)
			}
		}
		cands = append(cands, c.Column.Pos)
	}
	if c.Index != nil {
		cands = append(cands, c.Index.Pos)
	}
	if c.PrimaryKey != nil {
		cands = append(cands, c.PrimaryKey.Pos)
	}
	if c.Unique != nil {
		cands = append(cands, c.Unique.Pos)
	}
	if c.Check != nil {
		cands = append(cands, c.Check.Pos)
	}
	if c.Exclude != nil {
		cands = append(cands, c.Exclude.Pos)
	}
	if c.ForeignKey != nil {
		cands = append(cands, c.ForeignKey.Pos)
	}
	if c.TableDef != nil {
		cands = append(cands, c.TableDef.Pos)
	}
	if c.Enum != nil {
		cands = append(cands, c.Enum.Pos)
	}
	if c.Schema != nil {
		cands = append(cands, c.Schema.Pos)
	}
	t := changeTable(c)
	if mt := names.final.Table(t); mt != nil {
		cands = append(cands, mt.Pos)
	}
	if dt := names.desired.Table(t); dt != nil {
		cands = append(cands, dt.Pos)
	}
	for _, p := range cands {
		if !p.IsZero() {
			return p
		}
	}
	return schema.Pos{}
}
