package diff

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// phase is a step of a plan: every change of a phase runs before any change of
// the next one, which is what makes the plan run on PostgreSQL.
type phase int

// The phases, in the order they run.
const (
	phaseCreateSchemas phase = iota
	phaseExtensions          // create and alter extensions
	// phaseDropDependents drops policies and triggers, then the views and
	// materialized views that go away or are created again (dependents
	// before what they read), before anything they read changes.
	phaseDropDependents
	phaseEnums // create enums, add values
	// phaseTypes creates and alters domains, composite types and
	// sequences, before the tables whose columns use them.
	phaseTypes
	// phaseFunctions creates or replaces functions and procedures, before
	// the defaults, checks, generated columns and indexes that call them
	// (bodies are not checked at creation: check_function_bodies = off).
	// A function whose signature uses a table's row type waits for
	// phaseViews.
	phaseFunctions
	phaseDropForeignKeys
	phaseDropKeys // drop indexes, checks, uniques, primary keys
	// phaseDropReplacedFunctions drops the functions whose signature
	// changes while a column default that stays calls them: after the
	// default is dropped (phaseDropKeys), before it is set again
	// (phaseColumns), bound to the new function then.
	phaseDropReplacedFunctions
	// phaseDropEnumComputed drops the computed columns that compare a column
	// of a recreated enum with a literal, after the indexes on them.
	phaseDropEnumComputed
	// phaseRecreateEnums recreates enums, after the indexes, checks and
	// computed columns that compare their columns with a literal are
	// dropped (the retype cannot carry those over) and before the renames
	// (the uses name tables and columns as they are in the source).
	phaseRecreateEnums
	phaseRenames // rename tables, then columns
	phaseCreateTables
	phaseColumns // per table: drop, add, alter columns
	// phaseColumnsAfterAlter adds again the computed columns dropped for the
	// ALTER COLUMN of a column they use.
	phaseColumnsAfterAlter
	// phasePartitions creates partitions and attaches tables to their
	// parents, after every parent exists with its columns in place (a
	// table attached must have exactly its parent's columns).
	phasePartitions
	phaseAddKeys // per table: add primary key, uniques, checks
	phaseCreateIndexes
	phaseAddForeignKeys
	// phaseViews creates views and materialized views (and their indexes)
	// in dependency order, after the tables and columns they read.
	phaseViews
	// phaseTriggers creates triggers and policies and switches row-level
	// security, after the tables, views and functions they use.
	phaseTriggers
	phaseDropTables
	phaseDropFunctions // after the tables, defaults and checks that call them
	phaseDropTypes     // domains, composite types, sequences
	phaseDropEnums
	phaseDropExtensions
	phaseDropSchemas
	phaseComments
	phaseCount
)

// Compare returns the plan whose changes, applied in order, turn from into to.
// Both databases are canonical (schema.Normalize). The renamed_from hints of to
// make renames instead of drops and adds.
func Compare(from, to *schema.Database, opts Options) (*Plan, error) {
	return compare(from, to, to, false, opts)
}

// Down returns the plan that turns to back into from: the comparison the other
// way, with the renamed_from hints of to undone (a table to.users renamed from
// accounts is renamed back to accounts).
func Down(from, to *schema.Database, opts Options) (*Plan, error) {
	return compare(to, from, to, true, opts)
}

// differ holds one comparison while it runs.
type differ struct {
	opts Options
	orig *schema.Database // the source database as given
	src  *schema.Database // the source with the hinted renames done: compared with dst by name
	dst  *schema.Database
	// origTables, srcTables and dstTables look up the tables of orig, src
	// (set with src, by applyRenames) and dst by name.
	origTables, srcTables, dstTables *schema.Lookup
	// fkTables lists, per table name, the source tables (after renames) whose
	// foreign keys may use the table's columns: the table itself and those
	// referencing it, in d.src.Tables order.
	fkTables map[schema.QName][]*schema.Table
	// origName maps a renamed table's new name to its name in orig.
	origName map[schema.QName]schema.QName
	// recreated holds, per table (new name), the columns dropped and added again.
	recreated map[schema.QName]map[string]bool
	// retyped holds, per table, the columns whose type changes or that are recreated.
	retyped map[schema.QName]map[string]bool
	// altered holds, per table, the columns an ALTER COLUMN changes on SQL
	// Server while indexes or constraints use them: those are dropped before
	// and created again after (SQL Server refuses the ALTER otherwise).
	altered map[schema.QName]map[string]bool
	// lengthened holds, per table, the altered columns whose ALTER COLUMN
	// only lengthens a varchar, nvarchar or varbinary (lengthensOnly): the
	// indexes, uniques and checks naming them stay in place, only the
	// primary key and foreign keys move.
	lengthened map[schema.QName]map[string]bool
	// droppedKeys holds, per table, the column sets of the primary keys,
	// uniques and unique indexes dropped (removed or changed).
	droppedKeys map[schema.QName][][]string
	// enumRetyped holds, per table (new name), the columns a RecreateEnum retypes.
	enumRetyped map[schema.QName]map[string]bool
	phases      [phaseCount][]*Change
	// rebuilt holds the tables dropped and created again because their
	// partitioning changes, with their partitions (markRebuilt).
	rebuilt map[schema.QName]bool
	// reverse is set for a Down plan: the hints (renamed_from, using_down)
	// come from the source, the database the up plan targets.
	reverse bool
}

// compare turns src into dst, taking rename hints from hintDB (undone when reverse).
func compare(src, dst, hintDB *schema.Database, reverse bool, opts Options) (*Plan, error) {
	if src == nil || dst == nil {
		return nil, errors.New("diff: missing database")
	}
	if src.Dialect != dst.Dialect {
		return nil, fmt.Errorf("diff: cannot compare a %q schema with a %q schema", src.Dialect, dst.Dialect)
	}
	h, err := collectHints(hintDB)
	if err != nil {
		return nil, err
	}
	d := &differ{
		opts:        opts,
		reverse:     reverse,
		orig:        src,
		dst:         dst,
		origTables:  schema.NewLookup(src),
		dstTables:   schema.NewLookup(dst),
		origName:    map[schema.QName]schema.QName{},
		recreated:   map[schema.QName]map[string]bool{},
		retyped:     map[schema.QName]map[string]bool{},
		altered:     map[schema.QName]map[string]bool{},
		lengthened:  map[schema.QName]map[string]bool{},
		droppedKeys: map[schema.QName][][]string{},
		enumRetyped: map[schema.QName]map[string]bool{},
	}
	d.applyRenames(h, reverse)
	d.fkTables = foreignKeyTables(d.src)
	d.markRebuilt()
	d.compareSchemas()
	d.compareEnums()
	d.compareTypeObjects()
	d.compareTables()
	d.comparePolicies()
	d.compareForeignKeys()
	if err := d.compareViews(); err != nil {
		return nil, err
	}
	d.compareTriggers(d.compareFunctions())
	d.addDependentHazards()
	p := d.plan()
	p.Warnings = slices.Concat(src.Warnings, dst.Warnings)
	return p, nil
}

// add appends c to phase p.
func (d *differ) add(p phase, c *Change) { d.phases[p] = append(d.phases[p], c) }

// plan returns the changes phase by phase, each phase sorted by object name
// (stable: changes of one object keep the order they were added in).
func (d *differ) plan() *Plan {
	p := &Plan{Dialect: d.dst.Dialect, Changes: []*Change{}}
	for _, changes := range d.phases {
		slices.SortStableFunc(changes, compareChanges)
		p.Changes = append(p.Changes, changes...)
	}
	markNewEnumValueUses(p.Changes)
	if d.opts.Online && d.dst.Dialect == schema.Postgres {
		p.Changes = onlineChanges(p.Changes, d.partitioned())
	}
	return p
}

// compareChanges orders two changes of one phase: by dependency order
// (Change.Order), then schema-level changes first, then enum-level, then
// table-level; by name; then by kind.
func compareChanges(a, b *Change) int {
	ga, qa := changeKey(a)
	gb, qb := changeKey(b)
	return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(ga, gb), compareQName(qa, qb), cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)))
}

// changeKey returns the level and the name of the object a change acts on.
func changeKey(c *Change) (int, schema.QName) {
	if level, q, ok := typeObjectKey(c); ok {
		return level, q
	}
	switch {
	case c.Schema != nil:
		return 0, schema.QName{Name: c.Schema.Name}
	case c.Enum != nil:
		return 1, c.Enum.QName()
	}
	return 2, c.Table
}

// kindRank orders the kinds of change that share a phase and a table.
func kindRank(k Kind) int {
	switch k {
	case DropIndex, AddPrimaryKey, DropColumn, RenameTable, CommentTable:
		return 0
	case DropCheck, DropExclude, AddUnique, AddColumn, RenameColumn, CommentColumn:
		return 1
	case DropUnique, AddCheck, AddExclude, AlterColumn:
		return 2
	case DropPrimaryKey, RenameIndex, RenameConstraint, RenameDefault:
		return 3
	}
	return 0
}

// origTable returns the source table (as given) of the table named name after renames.
func (d *differ) origTable(name schema.QName) *schema.Table {
	if old, ok := d.origName[name]; ok {
		name = old
	}
	return d.origTables.Table(name)
}

// mark records name in the per-table set m.
func mark(m map[schema.QName]map[string]bool, table schema.QName, name string) {
	if m[table] == nil {
		m[table] = map[string]bool{}
	}
	m[table][name] = true
}

// pairByName calls visit for every name in src or dst, in name order, with
// the object of each side called that (nil when a side has none).
func pairByName[T any](src, dst []*T, name func(*T) string, visit func(s, d *T)) {
	bySrc, byDst := map[string]*T{}, map[string]*T{}
	var names []string
	for _, s := range src {
		bySrc[name(s)] = s
		names = append(names, name(s))
	}
	for _, x := range dst {
		if _, ok := bySrc[name(x)]; !ok {
			names = append(names, name(x))
		}
		byDst[name(x)] = x
	}
	slices.Sort(names)
	for _, n := range slices.Compact(names) {
		visit(bySrc[n], byDst[n])
	}
}

// qnameKey is a sort key of a qualified name that orders by schema, then name.
func qnameKey(q schema.QName) string { return q.Schema + "\x00" + q.Name }

// compareSchemas creates, drops and comments schemas. The dialect's default
// schema is never created nor dropped.
func (d *differ) compareSchemas() {
	def := d.dst.Dialect.DefaultSchema()
	pairByName(d.src.Schemas, d.dst.Schemas, func(s *schema.Schema) string { return s.Name }, func(s, t *schema.Schema) {
		switch {
		case s == nil:
			if t.Name != def {
				d.add(phaseCreateSchemas, &Change{Kind: CreateSchema, Schema: t})
			}
			if t.Comment != "" {
				d.add(phaseComments, &Change{Kind: CommentSchema, Schema: t, Comment: t.Comment})
			}
		case t == nil:
			if s.Name != def {
				d.add(phaseDropSchemas, &Change{Kind: DropSchema, Schema: s, Hazards: []Hazard{d.dropSchemaHazard(s.Name)}})
			}
		case s.Comment != t.Comment:
			d.add(phaseComments, &Change{Kind: CommentSchema, Schema: t, Comment: t.Comment, OldComment: s.Comment})
		}
	})
}

// compareEnums creates and drops enums, and adds values to them or recreates them.
func (d *differ) compareEnums() {
	key := func(e *schema.Enum) string { return qnameKey(e.QName()) }
	pairByName(d.src.Enums, d.dst.Enums, key, func(s, t *schema.Enum) {
		switch {
		case s == nil:
			d.add(phaseEnums, &Change{Kind: CreateEnum, Enum: t})
			d.commentEnum(nil, t)
		case t == nil:
			d.add(phaseDropEnums, &Change{Kind: DropEnum, Enum: s})
			return
		case slices.Equal(s.Values, t.Values):
		case isSubsequence(s.Values, t.Values):
			for i, v := range t.Values {
				if slices.Contains(s.Values, v) {
					continue
				}
				before := ""
				for _, next := range t.Values[i+1:] {
					if slices.Contains(s.Values, next) {
						before = next
						break
					}
				}
				d.add(phaseEnums, &Change{Kind: AddEnumValue, Enum: t, Value: v, ValueBefore: before})
			}
		default:
			uses := d.enumUses(s.QName())
			d.add(phaseRecreateEnums, &Change{Kind: RecreateEnum, Enum: t, OldEnum: s, Uses: uses, Hazards: recreateEnumHazards(s, t, uses)})
			d.commentEnum(nil, t) // the new type has no comment yet
			return
		}
		if s != nil {
			d.commentEnum(s, t)
		}
	})
}

// isSubsequence reports whether every element of sub appears in list, in the same order.
func isSubsequence(sub, list []string) bool {
	i := 0
	for _, v := range list {
		if i < len(sub) && sub[i] == v {
			i++
		}
	}
	return i == len(sub)
}

// enumUses returns every column of the source (as given: enums are recreated
// before renames) whose type is the enum or an array of it, and marks each
// in enumRetyped. A use restores its default after the retype only when the
// target column keeps it: a default the target changes or drops is the
// AlterColumn's to set (the old one may be a value the new type lacks).
func (d *differ) enumUses(enum schema.QName) []ColumnRef {
	var uses []ColumnRef
	tables := slices.Clone(d.orig.Tables)
	slices.SortFunc(tables, func(a, b *schema.Table) int { return compareQName(a.QName(), b.QName()) })
	for _, t := range tables {
		for i, c := range t.Columns {
			if c.Type != enum.String() && c.Type != enum.String()+"[]" {
				continue
			}
			u := ColumnRef{Table: t.QName(), Column: c}
			if name, col := d.targetOf(t.QName(), i); col != nil {
				mark(d.enumRetyped, name, col.Name)
				u.RestoreDefault = c.Default != nil && equalDefault(c.Default, col.Default)
			}
			uses = append(uses, u)
		}
	}
	return uses
}

// targetOf returns the column of the target database that column i of the
// source table orig (as given) becomes, with its table's name after renames;
// nil when the table or column is dropped.
func (d *differ) targetOf(orig schema.QName, i int) (schema.QName, *schema.Column) {
	name := orig
	for to, from := range d.origName {
		if from == orig {
			name = to
		}
	}
	s, t := d.srcTables.Table(name), d.dstTables.Table(name)
	if s == nil || t == nil || i >= len(s.Columns) {
		return name, nil
	}
	return name, t.Column(s.Columns[i].Name)
}

// usesRetypedEnum reports whether one of exprs mentions a column of table
// that a RecreateEnum retypes: PostgreSQL cannot carry a comparison with an
// enum literal over the retype (operator does not exist: st = st__schemadiff_old),
// so the index, check or computed column is dropped before and created after.
func (d *differ) usesRetypedEnum(table schema.QName, exprs ...string) bool {
	for col := range d.enumRetyped[table] {
		for _, e := range exprs {
			if e != "" && mentionsColumn(e, col) {
				return true
			}
		}
	}
	return false
}

// compareTables creates, drops and alters tables.
func (d *differ) compareTables() {
	key := func(t *schema.Table) string { return qnameKey(t.QName()) }
	pairByName(d.src.Tables, d.dst.Tables, key, func(s, t *schema.Table) {
		switch {
		case s == nil:
			d.createTable(t)
		case t == nil:
			d.dropTable(s, phaseDropTables)
		case d.rebuilt[t.QName()]:
			d.dropTable(s, phaseDropKeys) // before the table is created again
			d.createTable(t)
		default:
			d.alterTable(s, t)
		}
	})
}

// createTable creates t, then its indexes (the clustered one first) and
// comments (its foreign keys come with all the others).
func (d *differ) createTable(t *schema.Table) {
	def, later := uncheckedChecks(t)
	d.add(tablePhase(t), &Change{Kind: CreateTable, Table: t.QName(), TableDef: def, Hazards: primaryKeyClusteringHazards(t)})
	d.setTableOptions(&schema.Table{}, t, true)
	d.setRowSecurity(nil, t)
	for _, c := range t.Columns {
		d.setColumnStorage(t.QName(), c)
	}
	for _, ck := range later {
		d.add(phaseAddKeys, &Change{Kind: AddCheck, Table: t.QName(), Check: ck,
			Hazards: addConstraintStateHazards(nil, t.QName(), "check constraint", ck.Name, ck.ConstraintState)})
	}
	var creates []*Change
	for _, x := range sortedByName(t.Indexes, indexName) {
		creates = append(creates, &Change{Kind: CreateIndex, Table: t.QName(), Index: x})
		d.commentIndex(t.QName(), "", x)
	}
	if pk := t.PrimaryKey; pk != nil {
		d.commentConstraint(t.QName(), "", pk.Comment, &Change{PrimaryKey: pk})
	}
	for _, u := range t.Uniques {
		d.commentConstraint(t.QName(), "", u.Comment, &Change{Unique: u})
	}
	for _, ck := range t.Checks {
		d.commentConstraint(t.QName(), "", ck.Comment, &Change{Check: ck})
	}
	for _, x := range t.Excludes {
		d.commentConstraint(t.QName(), "", x.Comment, &Change{Exclude: x})
	}
	for _, c := range clusteredFirst(creates) {
		d.add(phaseCreateIndexes, c)
	}
	if t.Comment != "" {
		d.add(phaseComments, &Change{Kind: CommentTable, Table: t.QName(), Comment: t.Comment})
	}
	for _, c := range t.Columns {
		if c.Comment != "" {
			d.add(phaseComments, &Change{Kind: CommentColumn, Table: t.QName(), Column: c, Comment: c.Comment})
		}
	}
}

// sortedByName returns list sorted by name.
func sortedByName[T any](list []*T, name func(*T) string) []*T {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b *T) int { return cmp.Compare(name(a), name(b)) })
	return out
}

// indexName pairs indexes (always named) by name.
func indexName(x *schema.Index) string { return x.Name }

// alterTable changes table s (source, renamed) into t.
func (d *differ) alterTable(s, t *schema.Table) {
	d.comparePartitionOf(s, t)
	s, t = d.partitionColumns(s, t)
	d.compareColumns(s, t)
	d.setRowSecurity(s, t)
	d.renameKeys(s, t)
	d.compareKeys(s, t)
	d.compareExcludes(s, t)
	d.setTableOptions(s, t, false)
	if s.Comment != t.Comment {
		d.add(phaseComments, &Change{Kind: CommentTable, Table: t.QName(), Comment: t.Comment, OldComment: s.Comment})
	}
}

// compareColumns drops, adds and alters the columns of a table. A column whose
// computed expression changes, or that becomes or stops being computed, is
// dropped and added again; so is, on SQL Server, a column whose IDENTITY is
// added, removed or changed (SQL Server cannot alter it), and a computed
// column that mentions a column altered in place in a way the database
// refuses while it exists (blockedByComputed): it is dropped before the ALTER
// COLUMN and added again after it.
func (d *differ) compareColumns(s, t *schema.Table) {
	name := t.QName()
	var earlyDrops, drops, adds, alters, lateAdds []*Change
	for _, sc := range s.Columns {
		tc := t.Column(sc.Name)
		switch {
		case tc == nil:
			drops = append(drops, &Change{Kind: DropColumn, Table: name, Column: sc, Hazards: []Hazard{dropColumnHazard(name, sc, nil)}})
		case !equalComputed(sc.Computed, tc.Computed) ||
			d.dst.Dialect == schema.SQLServer && identityRecreated(sc.Identity, tc.Identity):
			mark(d.recreated, name, sc.Name)
			mark(d.retyped, name, sc.Name)
			drops = append(drops, &Change{Kind: DropColumn, Table: name, Column: sc, Hazards: []Hazard{dropColumnHazard(name, sc, tc)}})
		}
	}
	inPlace := d.alteredInPlace(s, t)
	blocked := d.blockedByComputed(s, t)
	for _, sc := range s.Columns {
		tc := t.Column(sc.Name)
		if sc.Computed == nil || tc == nil || d.recreated[name][sc.Name] {
			continue
		}
		if used := slices.DeleteFunc(slices.Clone(blocked), func(col string) bool { return !mentionsColumn(sc.Computed.Expr, col) }); len(used) > 0 {
			mark(d.recreated, name, sc.Name)
			mark(d.retyped, name, sc.Name)
			drops = append(drops, &Change{Kind: DropColumn, Table: name, Column: sc, Hazards: []Hazard{computedAroundAlterHazard(name, sc.Name, used)}})
		} else if d.usesRetypedEnum(name, sc.Computed.Expr) {
			// Dropped before the enum's columns are retyped (phaseRecreateEnums).
			mark(d.recreated, name, sc.Name)
			orig := d.origTable(name)
			earlyDrops = append(earlyDrops, &Change{Kind: DropColumn, Table: orig.QName(), Column: origOf(s.Columns, orig.Columns, sc),
				Hazards: []Hazard{dropColumnHazard(name, sc, tc)}})
		}
	}
	for _, tc := range t.Columns {
		sc := s.Column(tc.Name)
		if sc == nil || d.recreated[name][tc.Name] {
			c := &Change{Kind: AddColumn, Table: name, Column: tc, Hazards: d.addColumnHazards(name, tc)}
			if tc.Computed != nil && slices.ContainsFunc(blocked, func(col string) bool { return mentionsColumn(tc.Computed.Expr, col) }) {
				lateAdds = append(lateAdds, c) // after the ALTER COLUMN of the column it uses
			} else {
				adds = append(adds, c)
			}
			if tc.Comment != "" {
				d.add(phaseComments, &Change{Kind: CommentColumn, Table: name, Column: tc, Comment: tc.Comment})
			}
			d.setColumnStorage(name, tc)
			continue
		}
		alter := columnAlter(sc, tc)
		if alter.Default && !alter.Type && !alter.Collation && sc.DefaultName != "" && tc.DefaultName != "" && equalDefault(sc.Default, tc.Default) {
			// Only the DEFAULT constraint's name changed (SQL Server, e.g. after a
			// table or column rename): rename it.
			alter.Default = false
			d.add(phaseRenames, &Change{Kind: RenameDefault, Table: name, Column: tc, OldColumn: sc, RenamedFrom: cmp.Or(sc.DefaultSystemName, sc.DefaultName)})
		}
		if alter != (ColumnAlter{}) {
			if alter.Type {
				mark(d.retyped, name, tc.Name)
				alter.Using = tc.Using
				if d.reverse {
					alter.Using = sc.UsingDown
				}
			}
			hs := d.alterColumnHazards(name, sc, tc, alter.Using)
			if slices.Contains(inPlace, tc.Name) {
				lengthens := alter.Type && !alter.Null && !alter.Collation && lengthensOnly(sc.Type, tc.Type)
				if users := d.columnUsers(s, sc.Name, lengthens); len(users) > 0 {
					mark(d.altered, name, tc.Name)
					if lengthens {
						mark(d.lengthened, name, tc.Name)
					}
					hs = append(hs, alterColumnInUseHazard(name, tc.Name, users))
				}
			}
			alters = append(alters, &Change{Kind: AlterColumn, Table: name, Column: tc, OldColumn: sc, Alter: alter, Hazards: hs})
		}
		if sc.Comment != tc.Comment {
			d.add(phaseComments, &Change{Kind: CommentColumn, Table: name, Column: tc, Comment: tc.Comment, OldComment: sc.Comment})
		}
	}
	// Computed columns go first: they may depend on the other dropped ones.
	slices.SortStableFunc(drops, func(a, b *Change) int {
		return cmp.Compare(b2i(a.Column.Computed == nil), b2i(b.Column.Computed == nil))
	})
	for _, c := range slices.Concat(drops, adds, alters) {
		d.add(phaseColumns, c)
	}
	for _, c := range earlyDrops {
		d.add(phaseDropEnumComputed, c)
	}
	for _, c := range lateAdds {
		d.add(phaseColumnsAfterAlter, c)
	}
}

// alteredInPlace returns the columns of table s (source, renamed) that an
// ALTER COLUMN changes on SQL Server in type, nullability or collation: what
// SQL Server refuses while indexes, constraints or computed columns use them.
// It is empty on PostgreSQL and for columns dropped and added again.
func (d *differ) alteredInPlace(s, t *schema.Table) []string {
	if d.dst.Dialect != schema.SQLServer {
		return nil
	}
	var cols []string
	for _, tc := range t.Columns {
		sc := s.Column(tc.Name)
		if sc == nil || d.recreated[t.QName()][tc.Name] {
			continue
		}
		if a := columnAlter(sc, tc); a.Type || a.Null || a.Collation {
			cols = append(cols, tc.Name)
		}
	}
	return cols
}

// blockedByComputed returns the columns of t whose in-place ALTER COLUMN a
// computed column that uses them blocks, so that such computed columns are
// dropped before and added again after: on SQL Server every type, null or
// collation change (Msg 5074); on PostgreSQL a type or collation change
// ("cannot alter type of a column used by a generated column").
func (d *differ) blockedByComputed(s, t *schema.Table) []string {
	if d.dst.Dialect == schema.SQLServer {
		return d.alteredInPlace(s, t)
	}
	var cols []string
	for _, tc := range t.Columns {
		sc := s.Column(tc.Name)
		if sc == nil || d.recreated[t.QName()][tc.Name] {
			continue
		}
		if a := columnAlter(sc, tc); a.Type || a.Collation {
			cols = append(cols, tc.Name)
		}
	}
	return cols
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// columnAlter says which attributes differ between two versions of a column
// (the computed expression aside: that change recreates the column).
func columnAlter(s, t *schema.Column) ColumnAlter {
	return ColumnAlter{
		Type:        s.Type != t.Type && !(t.Computed != nil && (s.Type == "" || t.Type == "")), // a computed column may leave its type to the expression
		Null:        s.Null != t.Null,
		Default:     !equalDefault(s.Default, t.Default) || s.DefaultName != t.DefaultName,
		Identity:    !equalIdentity(s.Identity, t.Identity),
		Collation:   s.Collation != t.Collation,
		Storage:     s.Storage != t.Storage || s.Type != t.Type && t.Storage != "",
		Compression: s.Compression != t.Compression,
	}
}

// equalPtr reports whether a and b are both nil or point to equal values.
func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// usesRecreated reports whether an object of table naming these columns (or
// whose expressions mention them) depends on a column recreated in this plan
// (the database drops it with the column, or refuses to drop the column), or
// on a column altered in place on SQL Server while in use: either way it
// must be dropped and added again. It is the rule for primary keys, foreign
// keys and index filters, which even a lengthening disturbs.
func (d *differ) usesRecreated(table schema.QName, columns []string, exprs ...string) bool {
	return d.dependsOnChanged(table, false, columns, exprs)
}

// keyUsesRecreated is usesRecreated for an index's key and INCLUDE columns, a
// unique constraint or a check: those stay in place when their column is
// only lengthened (see lengthensOnly).
func (d *differ) keyUsesRecreated(table schema.QName, columns []string, exprs ...string) bool {
	return d.dependsOnChanged(table, true, columns, exprs)
}

// indexUsesRecreated reports whether index x of table must be dropped and
// created again for a column recreated or altered in place: its key and
// INCLUDE columns as keyUsesRecreated, its filter as usesRecreated.
func (d *differ) indexUsesRecreated(table schema.QName, x *schema.Index) bool {
	var exprs []string
	for _, p := range x.Parts {
		exprs = append(exprs, p.Expr)
	}
	return d.keyUsesRecreated(table, indexColumns(x), exprs...) || d.usesRecreated(table, nil, x.Where) ||
		d.usesRetypedEnum(table, append(exprs, x.Where)...)
}

// dependsOnChanged is usesRecreated, ignoring the lengthened columns when
// keptByLengthening.
func (d *differ) dependsOnChanged(table schema.QName, keptByLengthening bool, columns, exprs []string) bool {
	for _, col := range slices.Concat(slices.Sorted(maps.Keys(d.recreated[table])), slices.Sorted(maps.Keys(d.altered[table]))) {
		if keptByLengthening && d.lengthened[table][col] && !d.recreated[table][col] {
			continue
		}
		if slices.Contains(columns, col) {
			return true
		}
		for _, e := range exprs {
			if e != "" && mentionsColumn(e, col) {
				return true
			}
		}
	}
	return false
}

// compareKeys drops and adds the primary key, uniques, checks and indexes of
// a table: any difference (or a dependency on a recreated or, on SQL Server,
// altered column) is a drop and an add. Named objects pair by name; unnamed
// ones (SQL Server: the server named them) by definition.
func (d *differ) compareKeys(s, t *schema.Table) {
	name := t.QName()
	orig := d.origTable(name)
	existing := orig.QName() // drops run before the renames: they act on the old name

	sp, tp := s.PrimaryKey, t.PrimaryKey
	pkKept := equalPrimaryKey(sp, tp) && (sp == nil || !d.usesRecreated(name, sp.Columns))
	if tp != nil {
		old := ""
		if pkKept {
			old = sp.Comment
		}
		d.commentConstraint(name, old, tp.Comment, &Change{PrimaryKey: tp})
	}
	if !pkKept {
		if sp != nil {
			d.droppedKeys[name] = append(d.droppedKeys[name], sp.Columns)
			d.add(phaseDropKeys, &Change{Kind: DropPrimaryKey, Table: existing, PrimaryKey: orig.PrimaryKey,
				Hazards: clusteredRebuildHazards(name, "dropping primary key "+sp.Name, sp.Clustered)})
		}
		if tp != nil {
			hs := []Hazard{uniqueMayFailHazard(name, "primary key", tp.Name)}
			hs = append(hs, primaryKeyClusteringHazards(t)...)
			hs = append(hs, clusteredRebuildHazards(name, "adding primary key "+tp.Name, tp.Clustered)...)
			d.add(phaseAddKeys, &Change{Kind: AddPrimaryKey, Table: name, PrimaryKey: tp, Hazards: hs})
		}
	}

	pairByName(s.Uniques, t.Uniques, uniqueKey, func(su, tu *schema.Unique) {
		if su != nil && tu != nil && equalUnique(su, tu) && !d.keyUsesRecreated(name, su.Columns) {
			d.commentConstraint(name, su.Comment, tu.Comment, &Change{Unique: tu})
			return
		}
		if tu != nil {
			d.commentConstraint(name, "", tu.Comment, &Change{Unique: tu})
		}
		if su != nil {
			d.droppedKeys[name] = append(d.droppedKeys[name], su.Columns)
			d.add(phaseDropKeys, &Change{Kind: DropUnique, Table: existing, Unique: origOf(s.Uniques, orig.Uniques, su),
				Hazards: clusteredRebuildHazards(name, "dropping unique constraint "+su.Name, su.Clustered)})
		}
		if tu != nil {
			hs := []Hazard{uniqueMayFailHazard(name, "unique constraint", tu.Name)}
			hs = append(hs, clusteredRebuildHazards(name, "adding unique constraint "+tu.Name, tu.Clustered)...)
			d.add(phaseAddKeys, &Change{Kind: AddUnique, Table: name, Unique: tu, Hazards: hs})
		}
	})

	pairByName(s.Checks, t.Checks, checkKey, func(sc, tc *schema.Check) {
		kept := sc != nil && tc != nil && !d.keyUsesRecreated(name, nil, sc.Expr) && !d.usesRetypedEnum(name, sc.Expr)
		var state *Change // SQL Server: only NOCHECK or disabled changes
		if kept {
			state = setCheckState(name, sc, tc)
		}
		switch {
		case kept && equalCheck(sc, tc):
		case state != nil:
			d.add(phaseAddKeys, state)
		case kept && sc.NotValid && !tc.NotValid && equalCheck(validated(sc), tc):
			d.add(phaseAddKeys, &Change{Kind: ValidateConstraint, Table: name, Check: tc, Hazards: []Hazard{
				hazard(HazardCheckMayFail, Warning, "Validating check constraint %s on table %s fails if existing rows violate it.", tc.Name, name)}})
		default:
			kept = false // dropped and added
		}
		if kept {
			d.commentConstraint(name, sc.Comment, tc.Comment, &Change{Check: tc})
			return
		}
		if tc != nil {
			d.commentConstraint(name, "", tc.Comment, &Change{Check: tc})
		}
		if sc != nil {
			d.add(phaseDropKeys, &Change{Kind: DropCheck, Table: existing, Check: origOf(s.Checks, orig.Checks, sc)})
		}
		if tc != nil {
			hs := []Hazard{checkMayFailHazard(name, tc)}
			if tc.NoCheck || tc.NotValid { // existing rows are not checked
				hs = nil
			}
			d.add(phaseAddKeys, &Change{Kind: AddCheck, Table: name, Check: tc, Hazards: addConstraintStateHazards(hs, name, "check constraint", tc.Name, tc.ConstraintState)})
		}
	})

	concurrently := d.concurrentIndexes(name)
	var drops, creates []*Change
	pairByName(s.Indexes, t.Indexes, indexName, func(sx, tx *schema.Index) {
		kept := sx != nil && tx != nil && !d.indexUsesRecreated(name, sx)
		switch {
		case kept && equalIndex(sx, tx):
		case kept && indexOptionsOnly(sx, tx): // SQL Server index options
			d.add(phaseCreateIndexes, rebuildIndexChange(name, tx))
		case kept && d.dst.Dialect == schema.Postgres && equalIndex(withStorage(sx, tx.With), tx):
			d.add(phaseCreateIndexes, &Change{Kind: AlterIndexStorage, Table: name, Index: tx, OldIndex: origOf(s.Indexes, orig.Indexes, sx)})
		default:
			kept = false // dropped and created
		}
		if kept {
			d.commentIndex(name, sx.Comment, tx)
			return
		}
		if tx != nil { // created (again): its comment, if any, is set anew
			d.commentIndex(name, "", tx)
		}
		if sx != nil {
			if sx.Unique {
				d.droppedKeys[name] = append(d.droppedKeys[name], keyColumns(sx))
			}
			var hs []Hazard
			if tx == nil { // a changed index carries its hazards on the create
				hs = append(d.dropIndexHazards(name, sx), clusteredRebuildHazards(name, "dropping index "+sx.Name, sx.Clustered)...)
			}
			drops = append(drops, &Change{Kind: DropIndex, Table: existing, Index: origOf(s.Indexes, orig.Indexes, sx), Concurrently: concurrently, Hazards: hs})
		}
		if tx != nil {
			c := &Change{Kind: CreateIndex, Table: name, Index: tx, Concurrently: concurrently, Hazards: d.createIndexHazards(name, sx, tx)}
			if sx != nil {
				c.Reason = indexChangeReason(sx, tx)
			}
			creates = append(creates, c)
		}
	})
	// A clustered index is built before the nonclustered ones (building it
	// rebuilds them) and dropped after them.
	slices.SortStableFunc(drops, func(a, b *Change) int { return cmp.Compare(b2i(isClustered(a.Index)), b2i(isClustered(b.Index))) })
	for _, c := range drops {
		d.add(phaseDropKeys, c)
	}
	for _, c := range clusteredFirst(creates) {
		d.add(phaseCreateIndexes, c)
	}
}

// onlineIndexes reports whether indexes of existing tables are built without
// blocking writes: CONCURRENTLY on PostgreSQL (Options.Concurrently or
// Online), WITH (ONLINE = ON) on SQL Server (Online and OnlineIndexes).
func (d *differ) onlineIndexes() bool {
	if d.dst.Dialect == schema.SQLServer {
		return d.opts.Online && d.opts.OnlineIndexes
	}
	return d.opts.Concurrently || d.opts.Online
}

// indexChangeReason says what differs between index old and its new
// definition x ("columns, predicate changed"), or why an unchanged one is
// built again (a column it uses is recreated or altered).
func indexChangeReason(old, x *schema.Index) string {
	var what []string
	for _, c := range []struct {
		name    string
		changed bool
	}{
		{"columns", !slices.EqualFunc(old.Parts, x.Parts, func(a, b schema.IndexPart) bool { return a.Column == b.Column && a.Expr == b.Expr })},
		{"sort order", len(old.Parts) == len(x.Parts) && !slices.EqualFunc(old.Parts, x.Parts, func(a, b schema.IndexPart) bool { return a.Desc == b.Desc && a.Nulls == b.Nulls })},
		{"predicate", old.Where != x.Where},
		{"method", old.Using != x.Using},
		{"include", !slices.Equal(old.Include, x.Include)},
		{"uniqueness", old.Unique != x.Unique},
		{"clustering", !equalPtr(old.Clustered, x.Clustered)},
		{"operator classes or collations", len(old.Parts) == len(x.Parts) && !slices.EqualFunc(old.Parts, x.Parts, func(a, b schema.IndexPart) bool { return a.Opclass == b.Opclass && a.Collation == b.Collation })},
		{"nulls not distinct", old.NullsNotDistinct != x.NullsNotDistinct},
		{"storage parameters", !slices.Equal(old.With, x.With)},
	} {
		if c.changed {
			what = append(what, c.name)
		}
	}
	if len(what) == 0 {
		return "unchanged: a column it uses is recreated or altered"
	}
	return strings.Join(what, ", ") + " changed"
}

// isClustered reports whether an index is a clustered one (SQL Server).
func isClustered(x *schema.Index) bool { return x != nil && x.Clustered != nil && *x.Clustered }

// clusteredFirst returns CreateIndex changes with the clustered ones first,
// in their order otherwise.
func clusteredFirst(creates []*Change) []*Change {
	out := slices.Clone(creates)
	slices.SortStableFunc(out, func(a, b *Change) int { return cmp.Compare(b2i(!isClustered(a.Index)), b2i(!isClustered(b.Index))) })
	return out
}

// origOf returns the object of orig (a table's list as given) that x, an
// object of src (the same list after renames, in the same order), was
// copied from.
func origOf[T any](src, orig []*T, x *T) *T {
	if i := slices.Index(src, x); i >= 0 && i < len(orig) {
		return orig[i]
	}
	return x
}

// uniqueKey pairs unique constraints: by name, or unnamed (SQL Server: named
// by the server) by definition.
func uniqueKey(u *schema.Unique) string {
	if u.Name != "" {
		return u.Name
	}
	return fmt.Sprintf("\x00%q %v", u.Columns, u.Clustered != nil && *u.Clustered)
}

// checkKey pairs check constraints: by name, or unnamed by expression.
func checkKey(c *schema.Check) string {
	if c.Name != "" {
		return c.Name
	}
	return "\x00" + c.Expr
}

// foreignKeyKey pairs foreign keys: by name, or unnamed by definition.
func foreignKeyKey(f *schema.ForeignKey) string {
	if f.Name != "" {
		return f.Name
	}
	return fmt.Sprintf("\x00%q %s %q %s %s %v %v", f.Columns, f.RefQName(), f.RefColumns, f.OnDelete, f.OnUpdate, f.Deferrable, f.InitiallyDeferred)
}

// columnUsers names the objects that use column col of the source table s
// and that an ALTER COLUMN of it on SQL Server moves: its primary key,
// uniques, indexes, checks and foreign keys, the foreign keys of other tables
// that reference it, and the computed columns that mention it. When the
// ALTER COLUMN only lengthens the column (lengthensOnly), the uniques, checks
// and indexes that merely name it stay and are left out; an index whose
// filter mentions it still moves.
func (d *differ) columnUsers(s *schema.Table, col string, lengthens bool) []string {
	var users []string
	if pk := s.PrimaryKey; pk != nil && slices.Contains(pk.Columns, col) {
		users = append(users, "primary key "+pk.Name)
	}
	for _, u := range s.Uniques {
		if slices.Contains(u.Columns, col) && !lengthens {
			users = append(users, "unique constraint "+constraintLabel(u.Name, u.SystemName))
		}
	}
	for _, x := range s.Indexes {
		named := slices.Contains(indexColumns(x), col) || slices.ContainsFunc(x.Parts, func(p schema.IndexPart) bool { return p.Expr != "" && mentionsColumn(p.Expr, col) })
		if named && !lengthens || x.Where != "" && mentionsColumn(x.Where, col) {
			users = append(users, "index "+x.Name)
		}
	}
	for _, c := range s.Checks {
		if mentionsColumn(c.Expr, col) && !lengthens {
			users = append(users, "check "+constraintLabel(c.Name, c.SystemName))
		}
	}
	for _, c := range s.Columns {
		if c.Computed != nil && mentionsColumn(c.Computed.Expr, col) {
			users = append(users, "computed column "+c.Name)
		}
	}
	for _, t := range d.fkTables[s.QName()] {
		for _, f := range t.ForeignKeys {
			if t == s && slices.Contains(f.Columns, col) || f.RefQName() == s.QName() && slices.Contains(f.RefColumns, col) {
				users = append(users, "foreign key "+constraintLabel(f.Name, f.SystemName)+" of "+t.QName().String())
			}
		}
	}
	return users
}

// foreignKeyTables maps every table name of db to the tables whose foreign
// keys may use its columns: itself and the tables referencing it, each once,
// in db.Tables order.
func foreignKeyTables(db *schema.Database) map[schema.QName][]*schema.Table {
	m := map[schema.QName][]*schema.Table{}
	add := func(q schema.QName, t *schema.Table) {
		if l := m[q]; len(l) == 0 || l[len(l)-1] != t {
			m[q] = append(l, t)
		}
	}
	for _, t := range db.Tables {
		add(t.QName(), t)
		for _, f := range t.ForeignKeys {
			add(f.RefQName(), t)
		}
	}
	return m
}

// constraintLabel names a constraint in messages: its name, else the name
// the server gave it, else "(unnamed)".
func constraintLabel(name, system string) string {
	return cmp.Or(name, system, "(unnamed)")
}

// keyColumns returns the columns of an index's key parts.
func keyColumns(x *schema.Index) []string {
	var cols []string
	for _, p := range x.Parts {
		if p.Column != "" {
			cols = append(cols, p.Column)
		}
	}
	return cols
}

// indexColumns returns the columns an index names (key parts and INCLUDE).
func indexColumns(x *schema.Index) []string {
	return append(keyColumns(x), x.Include...)
}

// compareForeignKeys drops and adds foreign keys: those removed, added or
// changed; all those of dropped tables (before the tables go) and of created
// tables (after every table exists); and those whose own columns are
// recreated or whose referenced columns or key are retyped, dropped or changed
// in this plan, which must be dropped first and added again after.
func (d *differ) compareForeignKeys() {
	key := func(t *schema.Table) string { return qnameKey(t.QName()) }
	pairByName(d.src.Tables, d.dst.Tables, key, func(s, t *schema.Table) {
		var sFKs, tFKs []*schema.ForeignKey
		if s != nil {
			sFKs = s.ForeignKeys
		}
		if t != nil {
			tFKs = t.ForeignKeys
		}
		if s != nil && t != nil {
			d.renameForeignKeys(s, t)
		}
		pairByName(sFKs, tFKs, foreignKeyKey, func(sf, tf *schema.ForeignKey) {
			kept := sf != nil && tf != nil && !d.foreignKeyDisturbed(t.QName(), sf)
			var state *Change // SQL Server: only NOCHECK or disabled changes
			if kept {
				state = setForeignKeyState(t.QName(), sf, tf)
			}
			switch {
			case kept && equalForeignKey(sf, tf):
			case state != nil:
				d.add(phaseAddForeignKeys, state)
			case kept && d.dst.Dialect == schema.Postgres && equalForeignKey(withDeferral(sf, tf), tf):
				d.add(phaseAddForeignKeys, &Change{Kind: AlterForeignKeyDeferrable, Table: t.QName(), ForeignKey: tf})
			case kept && sf.NotValid && !tf.NotValid && equalForeignKey(validated(sf), tf):
				d.add(phaseAddForeignKeys, &Change{Kind: ValidateConstraint, Table: t.QName(), ForeignKey: tf, Hazards: []Hazard{
					hazard(HazardForeignKeyMayFail, Warning, "Validating foreign key %s on table %s fails if existing rows reference missing rows of %s.", tf.Name, t.QName(), tf.RefQName())}})
			default:
				kept = false // dropped and added
			}
			if kept {
				d.commentConstraint(t.QName(), sf.Comment, tf.Comment, &Change{ForeignKey: tf})
				return
			}
			if tf != nil {
				d.commentConstraint(t.QName(), "", tf.Comment, &Change{ForeignKey: tf})
			}
			if sf != nil {
				orig := d.origTable(s.QName())
				d.add(phaseDropForeignKeys, &Change{Kind: DropForeignKey, Table: orig.QName(), ForeignKey: origOf(sFKs, orig.ForeignKeys, sf)})
			}
			if tf != nil {
				c := &Change{Kind: AddForeignKey, Table: t.QName(), ForeignKey: tf}
				if s != nil {
					h := foreignKeyMayFailHazard(t.QName(), tf)
					if sf != nil && equalForeignKey(sf, tf) {
						c.Reason = "unchanged: " + d.foreignKeyDisturbance(t.QName(), sf)
						h.Message += " It is added again unchanged because " + strings.TrimPrefix(c.Reason, "unchanged: ") + "."
					}
					c.Hazards = []Hazard{h}
					if tf.NoCheck || tf.NotValid { // existing rows are not checked
						c.Hazards = nil
					}
				}
				c.Hazards = addConstraintStateHazards(c.Hazards, t.QName(), "foreign key", tf.Name, tf.ConstraintState)
				d.add(phaseAddForeignKeys, c)
			}
		})
	})
}

// foreignKeyDisturbed reports whether an unchanged foreign key of table must
// still be dropped and added again: its columns are recreated, or its
// referenced columns are retyped or recreated, or the referenced key is dropped.
func (d *differ) foreignKeyDisturbed(table schema.QName, fk *schema.ForeignKey) bool {
	return d.foreignKeyDisturbance(table, fk) != ""
}

// foreignKeyDisturbance says why an unchanged foreign key of table must be
// dropped and added again (see foreignKeyDisturbed), or returns "".
func (d *differ) foreignKeyDisturbance(table schema.QName, fk *schema.ForeignKey) string {
	if d.usesRecreated(table, fk.Columns) {
		return "its columns (" + strings.Join(fk.Columns, ", ") + ") are recreated or retyped"
	}
	ref := fk.RefQName()
	for _, c := range fk.RefColumns {
		if d.retyped[ref][c] {
			return "the column it references, " + ref.String() + "." + c + ", changes"
		}
	}
	for _, cols := range d.droppedKeys[ref] {
		if sameSet(cols, fk.RefColumns) {
			return "the key it references on " + ref.String() + " (" + strings.Join(fk.RefColumns, ", ") + ") is dropped and added again"
		}
	}
	return ""
}

// sameSet reports whether a and b hold the same names, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// validated returns a copy of a check or foreign key with NotValid cleared:
// what VALIDATE CONSTRAINT turns it into.
func validated[T schema.Check | schema.ForeignKey](c *T) *T {
	v := *c
	switch x := any(&v).(type) {
	case *schema.Check:
		x.NotValid = false
	case *schema.ForeignKey:
		x.NotValid = false
	}
	return &v
}

// withStorage returns a copy of index x with the storage parameters with:
// x equals its new definition this way when only those differ.
func withStorage(x *schema.Index, with []string) *schema.Index {
	v := *x
	v.With = with
	return &v
}

// withDeferral returns a copy of foreign key f with the DEFERRABLE and
// INITIALLY DEFERRED of to.
func withDeferral(f, to *schema.ForeignKey) *schema.ForeignKey {
	v := *f
	v.Deferrable, v.InitiallyDeferred = to.Deferrable, to.InitiallyDeferred
	return &v
}

// commentIndex adds a CommentIndex when index x of table is to have another
// comment than old (the comment it has in the database: "" for an index
// created by the plan).
func (d *differ) commentIndex(table schema.QName, old string, x *schema.Index) {
	if x.Comment != old {
		d.add(phaseComments, &Change{Kind: CommentIndex, Table: table, Index: x, Comment: x.Comment, OldComment: old})
	}
}

// commentConstraint adds c, a CommentConstraint of the constraint it holds,
// when that constraint of table is to have another comment than old (the
// comment it has in the database: "" for one the plan adds).
func (d *differ) commentConstraint(table schema.QName, old, comment string, c *Change) {
	if comment != old {
		c.Kind, c.Table, c.Comment, c.OldComment = CommentConstraint, table, comment, old
		d.add(phaseComments, c)
	}
}
