package review

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// opKind names what a migration statement does to the schema.
type opKind int

// The kinds of op.
const (
	opCreateSchema opKind = iota
	opDropSchema
	opCreateEnum
	opDropEnum
	opAddEnumValue
	opCreateTable
	opDropTable
	opRenameTable
	opAddColumn
	opDropColumn
	opRenameColumn
	opAlterColumn
	opAddConstraint // one of pk, uq, ck, fk; or a SQL Server default (col + def)
	opDropConstraint
	opCreateIndex
	opDropIndex
	opRenameIndex
	// opRenameConstraint renames constraint name (primary key, unique, check,
	// foreign key or SQL Server default) of table to newName; with no table
	// name, any table of table.Schema.
	opRenameConstraint
	// opRenameObject is sp_rename of an OBJECT: a table when table names
	// one, else a constraint of that schema called table.Name.
	opRenameObject
	opComment
	// opTableOptions changes the PostgreSQL options of table (tableOpts).
	opTableOptions
	// opRenameEnum renames enum table to newName ("name" or "schema.name");
	// the columns of that type follow.
	opRenameEnum
	// opRenameEnumValue renames value of enum table to newName.
	opRenameEnumValue
	// opStatement marks the start of a SQL statement (stmt says what it is);
	// it changes no schema and is read by the lint rules (lint.go).
	opStatement
	// opRebuildIndex is SQL Server's ALTER INDEX name ON table REBUILD
	// WITH (value): it sets the index options value names.
	opRebuildIndex
	// opConstraintState enables or disables check or foreign key name of
	// table (all of them when name is ""): value is "disable",
	// "enable-check" (trusted) or "enable-nocheck".
	opConstraintState
	// opIdentityReplication sets NOT FOR REPLICATION of the identity column
	// of table: value is "1" or "0" (sp_identitycolumnforreplication).
	opIdentityReplication
	// opValidateConstraint validates the NOT VALID check or foreign key
	// called name of table (ALTER TABLE … VALIDATE CONSTRAINT).
	opValidateConstraint
	// opAlterIndexStorage sets (value "set": the idx.With entries) or
	// resets (value "reset": the idx.With names) storage parameters of
	// index name (ALTER INDEX … SET / RESET).
	opAlterIndexStorage
	// opAlterDeferrable sets DEFERRABLE / INITIALLY DEFERRED of foreign key
	// name of table to those of fk (ALTER TABLE … ALTER CONSTRAINT).
	opAlterDeferrable
	// opCreateView creates view (replace: CREATE OR REPLACE; ifExist: IF
	// NOT EXISTS); opDropView drops the view table (of view's kind).
	opCreateView
	opDropView
	opCreateFunction // fn (replace: OR REPLACE)
	opDropFunction   // fn: schema, name and arguments
	opCreateTrigger  // trg (replace: OR REPLACE)
	opDropTrigger    // trg: schema, table and name
	opTriggerState   // trg: schema, table and name; value: Trigger.Enabled
	// opDB is a change of row-level security or partitioning (rls.go):
	// dbFn makes it on the state.
	opDB
	// opTypeObject creates, alters or drops an extension, a sequence, a
	// domain or a composite type: its edit does it (state_types.go).
	opTypeObject
)

// op is one change a migration statement makes, read from SQL or Alembic.
type op struct {
	kind    opKind
	pos     schema.Pos
	table   schema.QName
	name    string // schema, column, constraint or index name acted on
	newName string // renames
	ifExist bool   // IF EXISTS / IF NOT EXISTS: no conflict when absent / present

	tbl   *schema.Table
	col   *schema.Column
	alter colAlter
	enum  *schema.Enum
	value string // enum value; comment text
	idx   *schema.Index
	pk    *schema.PrimaryKey
	uq    *schema.Unique
	ck    *schema.Check
	ex    *schema.Exclude
	fk    *schema.ForeignKey
	// def is a SQL Server ADD CONSTRAINT … DEFAULT … FOR col (col in name).
	def *schema.Default
	// concurrently marks CREATE/DROP INDEX CONCURRENTLY, and SQL Server's
	// CREATE INDEX … WITH (ONLINE = ON): an index build that does not block
	// writes.
	concurrently bool
	// target of a comment: "schema", "table", "column" (column in name) or
	// "type" (an enum, in table).
	target string
	// notValid marks a check or foreign key added NOT VALID: existing rows
	// are not checked (nor scanned) until VALIDATE CONSTRAINT.
	notValid bool
	// usingIndex names the index a PRIMARY KEY or UNIQUE constraint is
	// added with (PostgreSQL ADD CONSTRAINT … USING INDEX): the index becomes
	// the constraint's, and is renamed to it.
	usingIndex string
	// noTx marks an op that runs outside the transaction its migration
	// runs in (Alembic's autocommit_block).
	noTx bool
	// stmt describes the statement an opStatement marks.
	stmt *stmtInfo
	// view is the view an opCreateView creates (on opDropView, only its
	// kind); replace marks CREATE OR REPLACE.
	view    *schema.View
	replace bool
	// tableOpts is the change of an opTableOptions.
	tableOpts func(*schema.TableOptions)
	// dbFn is the change of an opDB.
	dbFn func(s *state, o op)
	// rejected marks an op that conflicted with the state and changed nothing.
	rejected bool
	// fn and trg are the function and trigger of the function and trigger
	// ops (and of a comment on one); replace (above) is CREATE OR REPLACE.
	fn  *schema.Function
	trg *schema.Trigger
	typeObjectOp
}

// colAlter says what an ALTER COLUMN changes; nil fields stay as they are.
type colAlter struct {
	typ         *string
	null        *bool
	def         *schema.Default
	dropDefault bool
	identity    *schema.Identity
	dropIdent   bool
	collation   *string // with typ: the new collation ("" the type's default)
	// using is, with typ, the USING expression that converts the values
	// ("" a cast). applyAlter records it as the column's Using, which diff's
	// no-cast rule reads (diff.noCastHazard) and no comparison sees.
	using string
	// storage and compression: SET STORAGE and SET COMPRESSION ("" the
	// server's default compression).
	storage, compression *string
	// editIdentity changes the column's identity (ALTER COLUMN … SET
	// GENERATED / SET sequence option), in order.
	editIdentity []func(*schema.Identity)
}

// state is the schema the migrations build, statement by statement.
type state struct {
	db *schema.Database
	// tables maps a name to the first table of db.Tables of that name, kept
	// in step with every op that adds, drops or renames tables, so that an
	// op finds its table in constant time (a scan per statement made a
	// review of thousands of tables quadratic).
	tables map[schema.QName]*schema.Table
	// dups is set once db.Tables may hold two tables of one name (the state
	// was made from such a database, or a table was renamed to a taken
	// name): a drop then removes every table of its name, looking at all.
	// Otherwise it removes its one table, looked for from the end, where the
	// down part of a migration finds the tables its up part created: a scan
	// of every table per drop made reviews of thousands of drops quadratic.
	dups bool
	// report receives conflicts; nil applies quietly (down checks).
	report func(Finding)
}

// newState returns the state of an empty database of dialect d.
func newState(d schema.Dialect) *state {
	return stateOf(&schema.Database{Dialect: d})
}

// stateOf returns a state that starts from db (which it then changes).
func stateOf(db *schema.Database) *state {
	s := &state{db: db, tables: make(map[schema.QName]*schema.Table, len(db.Tables))}
	for _, t := range db.Tables {
		if _, dup := s.tables[t.QName()]; !dup {
			s.tables[t.QName()] = t
		} else {
			s.dups = true
		}
	}
	return s
}

// removeTable removes t, and every other table of its name (see dups), from
// the state.
func (s *state) removeTable(t *schema.Table) {
	q := t.QName()
	delete(s.tables, q)
	if s.dups {
		s.db.Tables = slices.DeleteFunc(s.db.Tables, func(x *schema.Table) bool { return x.QName() == q })
		return
	}
	for i := len(s.db.Tables) - 1; i >= 0; i-- {
		if s.db.Tables[i] == t {
			s.db.Tables = slices.Delete(s.db.Tables, i, i+1)
			return
		}
	}
}

// lookup returns the table called q, or nil.
func (s *state) lookup(q schema.QName) *schema.Table { return s.tables[q] }

// reindex looks the tables called qs up again after a rename: the first
// table of each name now, if any.
func (s *state) reindex(qs ...schema.QName) {
	for _, q := range qs {
		delete(s.tables, q)
		if t := s.db.Table(q); t != nil {
			s.tables[q] = t
		}
	}
}

func cloneTable(t *schema.Table) *schema.Table {
	c := *t
	c.Columns = nil
	for _, col := range t.Columns {
		c.Columns = append(c.Columns, cloneColumn(col))
	}
	if t.PrimaryKey != nil {
		pk := *t.PrimaryKey
		pk.Columns = slices.Clone(pk.Columns)
		c.PrimaryKey = &pk
	}
	c.Uniques = cloneEach(t.Uniques, func(u schema.Unique) schema.Unique { u.Columns = slices.Clone(u.Columns); return u })
	c.Indexes = cloneEach(t.Indexes, func(x schema.Index) schema.Index {
		x.Parts = slices.Clone(x.Parts)
		x.Include = slices.Clone(x.Include)
		return x
	})
	c.ForeignKeys = cloneEach(t.ForeignKeys, func(f schema.ForeignKey) schema.ForeignKey {
		f.Columns = slices.Clone(f.Columns)
		f.RefColumns = slices.Clone(f.RefColumns)
		return f
	})
	c.Checks = cloneEach(t.Checks, func(k schema.Check) schema.Check { return k })
	c.Excludes = cloneEach(t.Excludes, func(x schema.Exclude) schema.Exclude {
		x.Elements = slices.Clone(x.Elements)
		x.Include = slices.Clone(x.Include)
		x.With = slices.Clone(x.With)
		return x
	})
	return &c
}

func cloneColumn(c *schema.Column) *schema.Column {
	out := *c
	if c.Default != nil {
		d := *c.Default
		out.Default = &d
	}
	if c.Identity != nil {
		i := *c.Identity
		out.Identity = &i
	}
	if c.Computed != nil {
		k := *c.Computed
		out.Computed = &k
	}
	return &out
}

func cloneEach[T any](xs []*T, deep func(T) T) []*T {
	var out []*T
	for _, x := range xs {
		c := deep(*x)
		out = append(out, &c)
	}
	return out
}

// conflict reports a finding about op o, when the state reports.
func (s *state) conflict(o op, code string, sev diff.Severity, object, format string, args ...any) {
	if s.report != nil {
		s.report(Finding{Code: code, Severity: sev, Pos: o.pos, Object: object, Message: fmt.Sprintf(format, args...)})
	}
}

// table returns the table o acts on, reporting when it does not exist.
func (s *state) table(o op) *schema.Table {
	t := s.lookup(o.table)
	if t == nil && !o.ifExist {
		s.conflict(o, CodeDropMissing, diff.Error, "table "+o.table.String(),
			"Table %s is altered but no earlier migration creates it; create it first or fix the name.", o.table)
	}
	return t
}

// apply changes the state as o does.
func (s *state) apply(o op) {
	defer s.foldSerialSequences()
	db := s.db
	switch o.kind {
	case opCreateFunction, opDropFunction, opCreateTrigger, opDropTrigger, opTriggerState:
		s.applyFunction(o)
	case opCreateSchema:
		if db.Schema(o.name) != nil {
			if !o.ifExist {
				s.conflict(o, CodeDuplicate, diff.Error, "schema "+o.name, "Schema %s is created twice; remove the second CREATE SCHEMA.", o.name)
			}
			return
		}
		db.Schemas = append(db.Schemas, &schema.Schema{Name: o.name, Pos: o.pos})
	case opDropSchema:
		if db.Schema(o.name) == nil && !o.ifExist {
			s.conflict(o, CodeDropMissing, diff.Error, "schema "+o.name, "Schema %s is dropped but no earlier migration creates it; remove the drop.", o.name)
		}
		db.Schemas = slices.DeleteFunc(db.Schemas, func(x *schema.Schema) bool { return x.Name == o.name })
		db.Tables = slices.DeleteFunc(db.Tables, func(t *schema.Table) bool { return t.Schema == o.name })
		maps.DeleteFunc(s.tables, func(q schema.QName, _ *schema.Table) bool { return q.Schema == o.name })
		db.Enums = slices.DeleteFunc(db.Enums, func(e *schema.Enum) bool { return e.Schema == o.name })
		db.Views = slices.DeleteFunc(db.Views, func(v *schema.View) bool { return v.Schema == o.name })
		dropSchemaFunctions(db, o.name)
		dropTypeObjectsIn(db, o.name)
	case opCreateEnum:
		if db.Enum(o.enum.QName()) != nil {
			if !o.ifExist {
				s.conflict(o, CodeDuplicate, diff.Error, "enum "+o.enum.QName().String(), "Enum %s is created twice; remove the second CREATE TYPE.", o.enum.QName())
			}
			return
		}
		e := *o.enum
		e.Values = slices.Clone(o.enum.Values)
		e.Pos = o.pos
		db.Enums = append(db.Enums, &e)
	case opDropEnum:
		if db.Enum(o.table) == nil && s.dropCompositeType(o.table) {
			return // DROP TYPE of a composite type
		}
		if db.Enum(o.table) == nil && !o.ifExist {
			s.conflict(o, CodeDropMissing, diff.Error, "enum "+o.table.String(), "Enum %s is dropped but no earlier migration creates it; remove the drop.", o.table)
		}
		db.Enums = slices.DeleteFunc(db.Enums, func(e *schema.Enum) bool { return e.QName() == o.table })
	case opAddEnumValue:
		e := db.Enum(o.table)
		if e == nil {
			s.conflict(o, CodeDropMissing, diff.Error, "enum "+o.table.String(), "Enum %s gets a value but no earlier migration creates it; create it first.", o.table)
			return
		}
		if slices.Contains(e.Values, o.value) {
			if !o.ifExist {
				s.conflict(o, CodeDuplicate, diff.Error, "enum "+o.table.String(), "Enum %s already has value '%s'; remove the ADD VALUE or write IF NOT EXISTS.", o.table, o.value)
			}
			return
		}
		at := len(e.Values)
		if o.name != "" { // BEFORE (newName empty) or AFTER (newName "after")
			if i := slices.Index(e.Values, o.name); i >= 0 {
				at = i
				if o.newName == "after" {
					at = i + 1
				}
			}
		}
		e.Values = slices.Insert(e.Values, at, o.value)
	case opCreateTable:
		if s.lookup(o.tbl.QName()) != nil {
			if !o.ifExist {
				s.conflict(o, CodeDuplicate, diff.Error, "table "+o.tbl.QName().String(), "Table %s is created twice; remove the second CREATE TABLE.", o.tbl.QName())
			}
			return
		}
		t := cloneTable(o.tbl)
		t.Pos = o.pos
		placeAt(t, o.pos)
		if t.PrimaryKey != nil {
			keyNotNull(t, t.PrimaryKey.Columns)
		}
		if db.Dialect == schema.SQLServer && t.PrimaryKey != nil && t.PrimaryKey.Clustered == nil {
			// SQL Server makes a primary key clustered unless another index already is.
			v := !hasClustered(t)
			t.PrimaryKey.Clustered = &v
		}
		if db.Schema(t.Schema) == nil && t.Schema != db.Dialect.DefaultSchema() {
			db.Schemas = append(db.Schemas, &schema.Schema{Name: t.Schema, Pos: o.pos})
		}
		db.Tables = append(db.Tables, t)
		s.tables[t.QName()] = t
	case opDropTable:
		if s.lookup(o.table) == nil && !o.ifExist {
			s.conflict(o, CodeDropMissing, diff.Error, "table "+o.table.String(), "Table %s is dropped but no earlier migration creates it; remove the drop or fix the name.", o.table)
		}
		t := s.lookup(o.table)
		if t != nil {
			s.removeTable(t)
		}
		db.Triggers = slices.DeleteFunc(db.Triggers, func(t *schema.Trigger) bool { return t.TableQName() == o.table })
		s.dropTableDependents(o.table, t == nil || t.PartitionBy != nil)
	case opDB:
		o.dbFn(s, o)
	case opRenameTable:
		if t := s.table(o); t != nil {
			from, to := t.QName(), schema.ParseQName(o.newName, t.Schema)
			if t.RenamedFrom == "" {
				t.RenamedFrom = from.Name
				if from.Schema != to.Schema {
					t.RenamedFrom = from.String()
				}
			}
			if x := s.lookup(to); x != nil && x != t {
				s.dups = true
			}
			t.Schema, t.Name = to.Schema, to.Name
			moveTriggers(db, from, to)
			s.reindex(from, to)
			s.retargetForeignKeys(from, func(fk *schema.ForeignKey) { fk.RefSchema, fk.RefTable = to.Schema, to.Name })
			for _, x := range db.Policies {
				if x.TableQName() == from {
					x.Schema, x.Table = to.Schema, to.Name
				}
			}
		}
	case opAddColumn:
		t := s.table(o)
		if t == nil {
			return
		}
		if t.Column(o.col.Name) != nil {
			if !o.ifExist {
				s.conflict(o, CodeDuplicate, diff.Error, objColumn(t, o.col.Name), "Column %s.%s is added twice; remove the second ADD.", t.QName(), o.col.Name)
			}
			return
		}
		c := cloneColumn(o.col)
		if c.Pos.IsZero() {
			c.Pos = o.pos
		}
		t.Columns = append(t.Columns, c)
	case opDropColumn:
		t := s.table(o)
		if t == nil {
			return
		}
		if t.Column(o.name) == nil && !o.ifExist {
			s.conflict(o, CodeDropMissing, diff.Error, objColumn(t, o.name), "Column %s.%s is dropped but no migration creates it; remove the drop or fix the name.", t.QName(), o.name)
		}
		t.Columns = slices.DeleteFunc(t.Columns, func(c *schema.Column) bool { return c.Name == o.name })
		dropDependents(t, o.name)
	case opRenameColumn:
		if t := s.table(o); t != nil {
			if c := s.column(o, t); c != nil {
				if c.RenamedFrom == "" {
					c.RenamedFrom = c.Name
				}
				diff.RenameColumnIn(db.Dialect, t, o.name, o.newName)
				c.Pos = o.pos // drift of the column comes from here now
				s.retargetForeignKeys(t.QName(), func(fk *schema.ForeignKey) {
					for i, rc := range fk.RefColumns {
						if rc == o.name {
							fk.RefColumns[i] = o.newName
						}
					}
				})
			}
		}
	case opAlterColumn:
		if t := s.table(o); t != nil {
			if c := s.column(o, t); c != nil {
				applyAlter(db.Dialect, c, o.alter)
				c.Pos = o.pos
			}
		}
	case opAddConstraint:
		if t := s.table(o); t != nil {
			s.addConstraint(o, t)
		}
	case opDropConstraint:
		if t := s.table(o); t != nil {
			s.dropConstraint(o, t)
		}
	case opCreateView, opDropView:
		s.applyView(o)
	case opCreateIndex:
		if s.viewIndexOp(o) {
			return
		}
		if t := s.table(o); t != nil {
			s.createIndex(o, t, o.idx)
		}
	case opDropIndex:
		if !s.viewIndexOp(o) {
			s.dropIndex(o)
		}
	case opRenameIndex:
		for _, t := range db.Tables {
			if x := findIndex(t, o.name); x != nil && (o.table.Name == "" || t.QName() == o.table) {
				x.Name = o.newName
				return
			}
		}
		if db.Dialect == schema.Postgres && renameConstraint(db, o.table, o.name, o.newName, true) {
			return // ALTER INDEX on a primary key's or unique constraint's index renames the constraint
		}
		s.conflict(o, CodeDropMissing, diff.Error, "index "+o.name, "Index %s is renamed but no migration creates it; fix the name.", o.name)
	case opAlterIndexStorage:
		for _, t := range db.Tables {
			if x := findIndex(t, o.name); x != nil && (o.table.Schema == "" || t.Schema == o.table.Schema) {
				x.With = alterStorage(x.With, o.idx.With, o.value == "reset")
				return
			}
		}
		s.conflict(o, CodeDropMissing, diff.Error, "index "+o.name, "Index %s is altered but no migration creates it; fix the name.", o.name)
	case opAlterDeferrable:
		if t := s.table(o); t != nil {
			for _, f := range t.ForeignKeys {
				if f.Name == o.name {
					f.Deferrable, f.InitiallyDeferred = o.fk.Deferrable, o.fk.InitiallyDeferred
					return
				}
			}
			s.conflict(o, CodeDropMissing, diff.Error, "constraint "+o.name, "Foreign key %s is altered but no migration creates it; fix the name.", o.name)
		}
	case opValidateConstraint:
		if t := s.table(o); t != nil && !validateConstraint(t, o.name) {
			s.conflict(o, CodeDropMissing, diff.Error, "constraint "+o.name, "Constraint %s is validated but no migration creates it; fix the name.", o.name)
		}
	case opRenameConstraint:
		if o.table.Name != "" && s.table(o) == nil {
			return
		}
		if !renameConstraint(db, o.table, o.name, o.newName, false) {
			s.conflict(o, CodeDropMissing, diff.Error, "constraint "+o.name, "Constraint %s is renamed but no migration creates it; fix the name.", o.name)
		}
	case opRenameObject:
		if s.lookup(o.table) == nil {
			if !renameConstraint(db, schema.QName{Schema: o.table.Schema}, o.table.Name, o.newName, false) {
				s.conflict(o, CodeDropMissing, diff.Error, "object "+o.table.String(),
					"sp_rename renames %s, but no earlier migration creates a table or constraint of that name (a constraint created without a name gets one SQL Server makes up); fix the name.", o.table)
			}
			return
		}
		o.kind = opRenameTable
		s.apply(o)
	case opComment:
		s.comment(o)
	case opRebuildIndex:
		s.rebuildIndex(o)
	case opConstraintState:
		s.constraintState(o)
	case opIdentityReplication:
		s.identityReplication(o)
	case opTableOptions:
		if t := s.table(o); t != nil {
			o.tableOpts(&t.TableOptions)
		}
	case opRenameEnum:
		e := db.Enum(o.table)
		if e == nil {
			s.conflict(o, CodeDropMissing, diff.Error, "enum "+o.table.String(), "Enum %s is renamed but no earlier migration creates it; fix the name.", o.table)
			return
		}
		to := schema.ParseQName(o.newName, e.Schema)
		for _, t := range db.Tables {
			for _, c := range t.Columns {
				if base, arr := splitArray(c.Type); s.typeEnum(t, base) == o.table {
					c.Type = to.String() + arr // PostgreSQL columns follow a renamed type
				}
			}
		}
		e.Schema, e.Name = to.Schema, to.Name
	case opTypeObject:
		o.edit(s, o)
	case opRenameEnumValue:
		e := db.Enum(o.table)
		i := -1
		if e != nil {
			i = slices.Index(e.Values, o.value)
		}
		if i < 0 {
			s.conflict(o, CodeDropMissing, diff.Error, "enum "+o.table.String(), "Enum %s has no value '%s' to rename; fix the name.", o.table, o.value)
			return
		}
		e.Values[i] = o.newName
	}
}

// splitArray splits a column type into its base and its array suffix ("[]" or "").
func splitArray(typ string) (base, arr string) {
	base = strings.TrimSpace(typ)
	for strings.HasSuffix(base, "]") {
		i := strings.LastIndexByte(base, '[')
		if i < 0 {
			break
		}
		base, arr = strings.TrimSpace(base[:i]), "[]"
	}
	return base, arr
}

// typeEnum returns the name of the enum a column type of t names, as
// PostgreSQL resolves it (qualified, or t's schema, then the default one);
// a zero QName when it names none.
func (s *state) typeEnum(t *schema.Table, base string) schema.QName {
	if strings.Contains(base, ".") {
		q := schema.ParseQName(base, "")
		if s.db.Enum(q) != nil {
			return q
		}
		return schema.QName{}
	}
	for _, sc := range []string{t.Schema, s.db.Dialect.DefaultSchema()} {
		if s.db.Enum(schema.QName{Schema: sc, Name: base}) != nil {
			return schema.QName{Schema: sc, Name: base}
		}
	}
	return schema.QName{}
}

// retargetForeignKeys calls f on every foreign key of the state that
// references table ref: renames carry over to the keys that point at the
// renamed table or column, as they do in the database.
func (s *state) retargetForeignKeys(ref schema.QName, f func(*schema.ForeignKey)) {
	for _, t := range s.db.Tables {
		for _, fk := range t.ForeignKeys {
			if (schema.QName{Schema: cmp.Or(fk.RefSchema, t.Schema), Name: fk.RefTable}) == ref {
				f(fk)
			}
		}
	}
}

// clearRenames forgets the renames of db's tables and columns: the state
// before a migration carries none, the state after carries that migration's,
// so that diff sees a rename and not a drop and a create.
func clearRenames(db *schema.Database) {
	for _, t := range db.Tables {
		t.RenamedFrom = ""
		for _, c := range t.Columns {
			c.RenamedFrom = ""
		}
	}
}

// alterStorage returns the storage parameters with after ALTER INDEX … SET
// (params: name=value entries) or RESET (params: names).
func alterStorage(with, params []string, reset bool) []string {
	with = schema.CanonicalStorageParams(with)
	names := make([]string, len(params))
	for i, p := range params {
		n, _, _ := strings.Cut(p, "=")
		names[i] = strings.ToLower(strings.Trim(strings.TrimSpace(n), `"`))
	}
	out := slices.DeleteFunc(with, func(w string) bool {
		n, _, _ := strings.Cut(w, "=")
		return slices.Contains(names, n)
	})
	if !reset {
		out = append(out, params...)
	}
	return schema.CanonicalStorageParams(out)
}

// setConstraintComment sets the comment of the constraint of t called name.
func setConstraintComment(t *schema.Table, name, comment string) {
	if pk := t.PrimaryKey; pk != nil && pk.Name == name {
		pk.Comment = comment
	}
	for _, u := range t.Uniques {
		if u.Name == name {
			u.Comment = comment
		}
	}
	for _, c := range t.Checks {
		if c.Name == name {
			c.Comment = comment
		}
	}
	for _, x := range t.Excludes {
		if x.Name == name {
			x.Comment = comment
		}
	}
	for _, f := range t.ForeignKeys {
		if f.Name == name {
			f.Comment = comment
		}
	}
}

// validateConstraint clears NotValid on the check or foreign key of t
// called name, and reports whether it found one.
func validateConstraint(t *schema.Table, name string) bool {
	for _, c := range t.Checks {
		if c.Name == name {
			c.NotValid = false
			return true
		}
	}
	for _, f := range t.ForeignKeys {
		if f.Name == name {
			f.NotValid = false
			return true
		}
	}
	return false
}

// renameConstraint renames the constraint called from (primary key, unique,
// check, foreign key, SQL Server default) of table in db to to; a table with
// no name means any table of its schema. keysOnly limits it to primary keys
// and uniques (whose index PostgreSQL's ALTER INDEX renames). It reports
// whether it found one.
func renameConstraint(db *schema.Database, table schema.QName, from, to string, keysOnly bool) bool {
	for _, t := range db.Tables {
		if t.Schema != table.Schema || table.Name != "" && t.Name != table.Name {
			continue
		}
		if pk := t.PrimaryKey; pk != nil && (pk.Name == from || pk.SystemName == from) {
			pk.Name, pk.SystemName = to, ""
			return true
		}
		for _, u := range t.Uniques {
			if u.Name == from || u.SystemName == from {
				u.Name, u.SystemName = to, ""
				return true
			}
		}
		if keysOnly {
			continue
		}
		for _, c := range t.Checks {
			if c.Name == from || c.SystemName == from {
				c.Name, c.SystemName = to, ""
				return true
			}
		}
		for _, x := range t.Excludes {
			if x.Name == from {
				x.Name = to
				return true
			}
		}
		for _, f := range t.ForeignKeys {
			if f.Name == from || f.SystemName == from {
				f.Name, f.SystemName = to, ""
				return true
			}
		}
		for _, c := range t.Columns {
			if c.Default != nil && (c.DefaultName == from || c.DefaultSystemName == from) {
				c.DefaultName, c.DefaultSystemName = to, ""
				return true
			}
		}
	}
	return false
}

func objColumn(t *schema.Table, col string) string {
	return "table " + t.QName().String() + " column " + col
}

// column returns the column o.name of t, reporting when it does not exist.
func (s *state) column(o op, t *schema.Table) *schema.Column {
	c := t.Column(o.name)
	if c == nil {
		s.conflict(o, CodeDropMissing, diff.Error, objColumn(t, o.name), "Column %s.%s is altered but no migration creates it; fix the name.", t.QName(), o.name)
	}
	return c
}

// applyAlter changes column c of dialect d as a does. A PostgreSQL serial
// column is an integer column whose default takes the next value of the
// sequence it owns: retyped it stays serial (of the new width), without its
// default it is a plain integer, and an integer column given a nextval()
// default is serial again.
func applyAlter(d schema.Dialect, c *schema.Column, a colAlter) {
	if a.typ != nil {
		typ := *a.typ
		if d == schema.Postgres && serialBase[canonical(d, c.Type)] != "" {
			for ser, base := range serialBase {
				if canonical(d, typ) == base {
					typ = ser
				}
			}
		}
		c.Type = typ
		// The conversion of this change only: a later ALTER TYPE sets its own.
		c.Using = a.using
		c.Storage = "" // a type change sets the new type's storage
	}
	if a.collation != nil {
		c.Collation = *a.collation
	}
	if a.storage != nil {
		c.Storage = *a.storage
	}
	if a.compression != nil {
		c.Compression = *a.compression
	}
	if a.null != nil {
		c.Null = *a.null
	}
	if a.dropDefault {
		c.Default, c.DefaultName = nil, ""
		if base := serialBase[canonical(d, c.Type)]; d == schema.Postgres && base != "" {
			c.Type = base
		}
	}
	if a.def != nil {
		def := *a.def
		c.Default = &def
		if d == schema.Postgres && strings.HasPrefix(strings.ToLower(strings.TrimSpace(def.Value)), "nextval(") {
			for ser, base := range serialBase {
				if canonical(d, c.Type) == base {
					c.Type, c.Default = ser, nil
				}
			}
		}
	}
	if a.dropIdent {
		c.Identity = nil
	}
	if a.identity != nil {
		i := *a.identity
		c.Identity = &i
	}
	if len(a.editIdentity) > 0 && c.Identity != nil {
		i := *c.Identity
		for _, edit := range a.editIdentity {
			edit(&i)
		}
		c.Identity = &i
	}
}

// serialBase maps PostgreSQL's serial types to the integer type they stand for.
var serialBase = map[string]string{"smallserial": "smallint", "serial": "integer", "bigserial": "bigint"}

// canonical returns the canonical spelling of typ, or typ lower-cased when it
// is not a built-in type.
func canonical(d schema.Dialect, typ string) string {
	if c, err := schema.CanonicalType(d, typ); err == nil {
		return c
	}
	return strings.ToLower(strings.TrimSpace(typ))
}

// hasClustered reports whether a unique constraint or index of t is clustered.
func hasClustered(t *schema.Table) bool {
	for _, u := range t.Uniques {
		if u.Clustered != nil && *u.Clustered {
			return true
		}
	}
	for _, x := range t.Indexes {
		if x.Clustered != nil && *x.Clustered {
			return true
		}
	}
	return false
}

// clusteredName names the clustered index or key of t, or "".
func clusteredName(t *schema.Table) string {
	if pk := t.PrimaryKey; pk != nil && pk.Clustered != nil && *pk.Clustered {
		return "primary key " + orUnnamed(pk.Name)
	}
	for _, u := range t.Uniques {
		if u.Clustered != nil && *u.Clustered {
			return "unique constraint " + orUnnamed(u.Name)
		}
	}
	for _, x := range t.Indexes {
		if x.Clustered != nil && *x.Clustered {
			return "index " + x.Name
		}
	}
	return ""
}

func orUnnamed(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return s
}

// hasConstraint reports whether t has a constraint (or SQL Server default) called name.
func hasConstraint(t *schema.Table, name string) bool {
	if name == "" {
		return false
	}
	if t.PrimaryKey != nil && t.PrimaryKey.Name == name {
		return true
	}
	for _, u := range t.Uniques {
		if u.Name == name {
			return true
		}
	}
	for _, c := range t.Checks {
		if c.Name == name {
			return true
		}
	}
	for _, x := range t.Excludes {
		if x.Name == name {
			return true
		}
	}
	for _, f := range t.ForeignKeys {
		if f.Name == name {
			return true
		}
	}
	for _, c := range t.Columns {
		if c.DefaultName == name {
			return true
		}
	}
	return false
}

func (s *state) addConstraint(o op, t *schema.Table) {
	name := constraintName(o)
	if name != "" && (hasConstraint(t, name) || s.db.Dialect == schema.SQLServer && findIndex(t, name) != nil) {
		s.conflict(o, CodeDuplicate, diff.Error, "table "+t.QName().String()+" constraint "+name,
			"Constraint %s on table %s is created twice; remove the second one.", name, t.QName())
		return
	}
	switch {
	case o.usingIndex != "" && !s.indexToConstraint(o, t):
		return
	case o.pk != nil:
		if t.PrimaryKey != nil {
			s.conflict(o, CodeDuplicate, diff.Error, "table "+t.QName().String()+" primary key",
				"Table %s already has primary key %s; drop it first or remove this one.", t.QName(), orUnnamed(t.PrimaryKey.Name))
			return
		}
		pk := *o.pk
		pk.Pos = o.pos
		if s.db.Dialect == schema.SQLServer {
			if pk.Clustered == nil {
				v := !hasClustered(t)
				pk.Clustered = &v
			} else if *pk.Clustered {
				s.checkClustered(o, t, "primary key "+orUnnamed(pk.Name))
			}
		}
		t.PrimaryKey = &pk
		keyNotNull(t, pk.Columns)
	case o.uq != nil:
		u := *o.uq
		u.Pos = o.pos
		if u.Clustered != nil && *u.Clustered {
			s.checkClustered(o, t, "unique constraint "+orUnnamed(u.Name))
		}
		t.Uniques = append(t.Uniques, &u)
	case o.ck != nil:
		c := *o.ck
		c.Pos = o.pos
		t.Checks = append(t.Checks, &c)
	case o.ex != nil:
		x := *o.ex
		x.Pos = o.pos
		t.Excludes = append(t.Excludes, &x)
	case o.fk != nil:
		f := *o.fk
		f.Pos = o.pos
		t.ForeignKeys = append(t.ForeignKeys, &f)
	case o.def != nil:
		c := t.Column(o.value)
		if c == nil {
			s.conflict(o, CodeDropMissing, diff.Error, objColumn(t, o.value), "Default %s is for column %s.%s, which no migration creates; fix the name.", name, t.QName(), o.value)
			return
		}
		d := *o.def
		c.Default, c.DefaultName = &d, o.name
	}
}

func constraintName(o op) string {
	switch {
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
	}
	return o.name
}

// checkClustered reports a second clustered index on t (SQL Server Msg 1902).
func (s *state) checkClustered(o op, t *schema.Table, what string) {
	if have := clusteredName(t); have != "" {
		s.conflict(o, CodeClusteredConflict, diff.Error, "table "+t.QName().String(),
			"Cannot create clustered %s: table %s already has clustered %s (SQL Server Msg 1902); make one of them NONCLUSTERED (mssql_clustered=False / clustered = false).", what, t.QName(), have)
	}
}

func (s *state) dropConstraint(o op, t *schema.Table) {
	n := o.name
	switch {
	case t.PrimaryKey != nil && (t.PrimaryKey.Name == n || n == "" && o.pk != nil):
		t.PrimaryKey = nil
	case slices.ContainsFunc(t.Uniques, func(u *schema.Unique) bool { return u.Name == n }):
		t.Uniques = slices.DeleteFunc(t.Uniques, func(u *schema.Unique) bool { return u.Name == n })
	case slices.ContainsFunc(t.Checks, func(c *schema.Check) bool { return c.Name == n }):
		t.Checks = slices.DeleteFunc(t.Checks, func(c *schema.Check) bool { return c.Name == n })
	case slices.ContainsFunc(t.Excludes, func(x *schema.Exclude) bool { return x.Name == n }):
		t.Excludes = slices.DeleteFunc(t.Excludes, func(x *schema.Exclude) bool { return x.Name == n })
	case slices.ContainsFunc(t.ForeignKeys, func(f *schema.ForeignKey) bool { return f.Name == n }):
		t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(f *schema.ForeignKey) bool { return f.Name == n })
	case slices.ContainsFunc(t.Columns, func(c *schema.Column) bool { return c.DefaultName == n }):
		for _, c := range t.Columns {
			if c.DefaultName == n {
				c.Default, c.DefaultName = nil, ""
			}
		}
	default:
		if !o.ifExist {
			s.conflict(o, CodeDropMissing, diff.Error, "table "+t.QName().String()+" constraint "+n,
				"Constraint %s of table %s is dropped but no migration creates it; remove the drop or fix the name.", n, t.QName())
		}
	}
}

// indexToConstraint turns the index o.usingIndex of t into the primary key
// or unique constraint o adds (ADD CONSTRAINT … USING INDEX): the constraint
// takes its columns and name (when it has none), the index goes. It reports
// whether there was such an index (a drop-missing conflict otherwise).
func (s *state) indexToConstraint(o op, t *schema.Table) bool {
	x := findIndex(t, o.usingIndex)
	if x == nil {
		s.conflict(o, CodeDropMissing, diff.Error, objIndex(t.QName(), o.usingIndex),
			"Constraint %s is added USING INDEX %s, which no earlier migration creates; create the index first (CREATE UNIQUE INDEX CONCURRENTLY).", orUnnamed(constraintName(o)), o.usingIndex)
		return false
	}
	var cols []string
	for _, p := range x.Parts {
		cols = append(cols, p.Column)
	}
	t.Indexes = slices.DeleteFunc(t.Indexes, func(y *schema.Index) bool { return y == x })
	switch {
	case o.pk != nil:
		o.pk.Columns = cols
		if o.pk.Name == "" {
			o.pk.Name = x.Name
		}
	case o.uq != nil:
		o.uq.Columns = cols
		if o.uq.Name == "" {
			o.uq.Name = x.Name
		}
	}
	return true
}

func findIndex(t *schema.Table, name string) *schema.Index {
	for _, x := range t.Indexes {
		if x.Name == name {
			return x
		}
	}
	return nil
}

func (s *state) createIndex(o op, t *schema.Table, idx *schema.Index) {
	if idx.Name != "" && (findIndex(t, idx.Name) != nil || hasConstraint(t, idx.Name)) {
		if !o.ifExist {
			prev := findIndex(t, idx.Name)
			at := ""
			if prev != nil && !prev.Pos.IsZero() {
				at = " (first at " + prev.Pos.String() + ")"
			}
			s.conflict(o, CodeDuplicate, diff.Error, "table "+t.QName().String()+" index "+idx.Name,
				"Index %s on table %s is created twice%s; remove this create_index.", idx.Name, t.QName(), at)
		}
		return
	}
	x := *idx
	x.Parts = slices.Clone(idx.Parts)
	x.Include = slices.Clone(idx.Include)
	x.Pos = o.pos
	if x.Clustered != nil && *x.Clustered {
		s.checkClustered(o, t, "index "+x.Name)
	}
	t.Indexes = append(t.Indexes, &x)
}

func (s *state) dropIndex(o op) {
	for _, t := range s.db.Tables {
		if o.table.Name != "" && t.QName() != o.table {
			continue
		}
		if o.table.Name == "" && t.Schema != o.table.Schema && o.table.Schema != "" {
			continue
		}
		if findIndex(t, o.name) != nil {
			t.Indexes = slices.DeleteFunc(t.Indexes, func(x *schema.Index) bool { return x.Name == o.name })
			return
		}
	}
	if !o.ifExist {
		s.conflict(o, CodeDropMissing, diff.Error, "index "+o.name, "Index %s is dropped but no migration creates it; remove the drop or fix the name.", o.name)
	}
}

func (s *state) comment(o op) {
	switch o.target {
	case "function", "trigger":
		s.commentFunction(o)
	case "schema":
		if sc := s.db.Schema(o.name); sc != nil {
			sc.Comment = o.value
		}
	case "table":
		if t := s.table(o); t != nil {
			t.Comment = o.value
		}
	case "column":
		if t := s.table(o); t != nil {
			if c := s.column(o, t); c != nil {
				c.Comment = o.value
			}
		}
	case "type":
		if e := s.db.Enum(o.table); e != nil {
			e.Comment = o.value
		} else {
			s.commentTypeObject(o)
		}
	case "extension", "sequence", "domain":
		s.commentTypeObject(o)
	case "constraint":
		if t := s.table(o); t != nil {
			setConstraintComment(t, o.name, o.value)
		}
	case "view":
		if v := s.db.View(o.table); v != nil {
			v.Comment = o.value
		}
	case "index":
		if s.viewIndexOp(o) {
			return
		}
		for _, t := range s.db.Tables {
			if x := findIndex(t, o.name); x != nil && t.Schema == o.table.Schema {
				x.Comment = o.value
				return
			}
		}
	}
}

// placeAt gives the parts of a new table that carry no position of their own
// the position of the statement that creates them.
func placeAt(t *schema.Table, pos schema.Pos) {
	for _, c := range t.Columns {
		if c.Pos.IsZero() {
			c.Pos = pos
		}
	}
	if t.PrimaryKey != nil && t.PrimaryKey.Pos.IsZero() {
		t.PrimaryKey.Pos = pos
	}
	for _, u := range t.Uniques {
		if u.Pos.IsZero() {
			u.Pos = pos
		}
	}
	for _, c := range t.Checks {
		if c.Pos.IsZero() {
			c.Pos = pos
		}
	}
	for _, x := range t.Excludes {
		if x.Pos.IsZero() {
			x.Pos = pos
		}
	}
	for _, f := range t.ForeignKeys {
		if f.Pos.IsZero() {
			f.Pos = pos
		}
	}
}

// keyNotNull makes the columns of a primary key NOT NULL, as both databases do.
func keyNotNull(t *schema.Table, cols []string) {
	for _, name := range cols {
		if c := t.Column(name); c != nil {
			c.Null = false
		}
	}
}

// dropDependents removes the indexes and constraints on column col of t,
// which go with the column (PostgreSQL drops them; SQL Server refuses the
// drop until they are gone, so a valid migration has dropped them already).
func dropDependents(t *schema.Table, col string) {
	uses := func(cols []string) bool { return slices.Contains(cols, col) }
	if t.PrimaryKey != nil && uses(t.PrimaryKey.Columns) {
		t.PrimaryKey = nil
	}
	t.Uniques = slices.DeleteFunc(t.Uniques, func(u *schema.Unique) bool { return uses(u.Columns) })
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(f *schema.ForeignKey) bool { return uses(f.Columns) })
	t.Indexes = slices.DeleteFunc(t.Indexes, func(x *schema.Index) bool {
		return uses(x.Include) || slices.ContainsFunc(x.Parts, func(p schema.IndexPart) bool { return p.Column == col })
	})
}
