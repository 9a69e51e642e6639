package schema

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LoadOptions tune Load.
type LoadOptions struct {
	// Dialect is used when no schema file names one (e.g. from --dialect or
	// the config file). A dialect named in the files wins.
	Dialect Dialect
	// Loaded, when set, is called with the number of tables decoded each
	// time a file, or a piece of a big file, has been parsed and decoded —
	// from several goroutines at once: progress reporting.
	Loaded func(n int)
}

// Load reads desired-schema files and returns the schema they describe
// together. Each path is a file (.hcl, .yaml, .yml) or a folder, whose schema
// files are read recursively in name order (other files are ignored).
//
// Load fills what reference resolution needs (the default schema of tables,
// enums and foreign-key targets) and validates the result; it does not
// normalize. Problems in the files are returned as Diagnostics, all of them,
// each with its file:line:col.
func Load(opts LoadOptions, paths ...string) (*Database, error) {
	return load(opts, chunkBytes, paths...)
}

// load is Load, cutting HCL files of 2×chunk bytes and more into pieces.
func load(opts LoadOptions, chunk int, paths ...string) (*Database, error) {
	files, err := schemaFiles(paths)
	if err != nil {
		return nil, err
	}
	l := newLoader()
	db := &Database{}
	var dialect Dialect
	var dialectPos Pos
	parts, err := loadPieces(files, chunk, opts.Loaded)
	if err != nil {
		return nil, err
	}
	size := 0
	for _, p := range parts {
		size += len(p.l.pos)
	}
	l.pos = make(map[posKey]Pos, size) // sized once: growing it costs more than filling it
	for _, p := range parts {
		l.merge(p.l)
		p.l = nil // its positions are copied: free them before validation
		db.Schemas = append(db.Schemas, p.db.Schemas...)
		db.Enums = append(db.Enums, p.db.Enums...)
		db.Tables = append(db.Tables, p.db.Tables...)
		db.Views = append(db.Views, p.db.Views...)
		db.Functions = append(db.Functions, p.db.Functions...)
		db.Triggers = append(db.Triggers, p.db.Triggers...)
		db.Policies = append(db.Policies, p.db.Policies...)
		mergeTypeObjects(db, p.db)
		switch d, pos := p.dialect, p.dialectPos; {
		case d == "":
		case dialect == "":
			dialect, dialectPos = d, pos
		case d != dialect:
			l.errorf(pos, "", fmt.Sprintf("first given as %q at %s; all files must agree", dialect, dialectPos),
				"dialect %q conflicts with dialect %q", d, dialect)
		}
	}
	if dialect == "" {
		dialect = opts.Dialect
	}
	if dialect == "" && len(l.diags) == 0 {
		var pos Pos
		if len(files) > 0 {
			pos.File = files[0]
		}
		l.errorf(pos, "", `add dialect = "postgres" (or "sqlserver") to a schema file, or pass --dialect`, "no dialect given")
	}
	if len(l.diags) > 0 {
		return nil, sortDiags(l.diags, files)
	}
	db.Dialect = dialect
	fillDefaults(db)
	l.validate(db)
	if len(l.diags) > 0 {
		return nil, sortDiags(l.diags, files)
	}
	return db, nil
}

// sortDiags orders diagnostics by file (in reading order), line and column,
// keeping the order of those at one place.
func sortDiags(ds Diagnostics, files []string) Diagnostics {
	order := map[string]int{}
	for i, f := range files {
		order[f] = i + 1
	}
	key := func(d Diagnostic) [3]int {
		if d.Pos.File == "" {
			return [3]int{len(files) + 1}
		}
		return [3]int{order[d.Pos.File], d.Pos.Line, d.Pos.Column}
	}
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := key(ds[i]), key(ds[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	return ds
}

// schemaFiles expands paths into the schema files to read, in order.
func schemaFiles(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("load schema: no file or folder given")
	}
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("load schema: %w", err)
		}
		if !info.IsDir() {
			if !isSchemaFile(p) {
				return nil, fmt.Errorf("load schema: %s: not a schema file (want .hcl, .yaml or .yml)", p)
			}
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && isSchemaFile(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load schema: %w", err)
		}
		if len(found) == 0 {
			// An empty desired schema would plan to drop everything.
			return nil, fmt.Errorf("no schema files in %s (want .hcl, .yaml or .yml files)", p)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

func isSchemaFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".hcl", ".yaml", ".yml":
		return true
	}
	return false
}

// fillDefaults sets the schema of tables, enums and foreign-key targets that
// the files leave to the dialect's default.
func fillDefaults(db *Database) {
	def := db.Dialect.DefaultSchema()
	for _, e := range db.Enums {
		if e.Schema == "" {
			e.Schema = def
		}
	}
	fillFunctionDefaults(db)
	fillTypeObjectSchemas(db, def)
	for _, t := range db.Tables {
		if t.Schema == "" {
			t.Schema = def
		}
		for _, fk := range t.ForeignKeys {
			if fk.RefSchema == "" {
				fk.RefSchema = t.Schema
			}
		}
	}
	for _, v := range db.Views {
		if v.Schema == "" {
			v.Schema = def
		}
	}
	for _, p := range db.Policies {
		if p.Schema == "" {
			p.Schema = def
		}
	}
}

// loader collects the diagnostics of one Load, and the source positions of
// attributes that validation points at.
type loader struct {
	diags Diagnostics
	pos   map[posKey]Pos
	// names looks up the tables and enums of the database being validated.
	names *Lookup
}

// posKey names an attribute of a model object, e.g. (*Column, "type") or
// (*Index, "parts.1").
type posKey struct {
	obj  any
	attr string
}

func newLoader() *loader { return &loader{pos: map[posKey]Pos{}} }

func (l *loader) errorf(pos Pos, object, hint, format string, args ...any) {
	l.diags = append(l.diags, Diagnostic{Pos: pos, Object: object, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// merge takes over the diagnostics and positions of o, which loaded
// another part of the schema.
func (l *loader) merge(o *loader) {
	l.diags = append(l.diags, o.diags...)
	maps.Copy(l.pos, o.pos)
}

// setPos records where attr of obj was written.
func (l *loader) setPos(obj any, attr string, pos Pos) {
	if !pos.IsZero() {
		l.pos[posKey{obj, attr}] = pos
	}
}

// at returns where attr of obj was written, else fallback.
func (l *loader) at(obj any, attr string, fallback Pos) Pos {
	if p, ok := l.pos[posKey{obj, attr}]; ok {
		return p
	}
	return fallback
}

// object is one object of a schema file — an HCL body or a YAML mapping —
// seen the same way for both languages, so that one decoder builds the model.
// Keys use the HCL names; YAML names lists of nested objects in the plural
// ("columns" for "column"). Getters report wrong value types themselves and
// return ok=false then, or when the key is absent.
type object interface {
	// pos is where the object starts.
	pos() Pos
	// desc describes the object for diagnostics ("table users column email").
	desc() string
	// label reads the object's name: an HCL block label, the YAML name key.
	// It checks that there are between min and max labels (max is 0 or 1).
	label(min, max int) (string, Pos)
	str(key string) (string, Pos, bool)
	boolean(key string) (bool, Pos, bool)
	integer(key string) (int64, Pos, bool)
	strList(key string) ([]string, []Pos, bool)
	// def reads a column default: a literal or sql("...") / {sql: "..."}.
	def(key string) (*Default, Pos, bool)
	// has reports whether key is present (without reading it).
	has(key string) bool
	// children are the repeated nested objects called key.
	children(key string) []object
	// child is the single nested object called key.
	child(key string) (object, bool)
	// done reports every key of the object that was never asked for.
	done()
}

// file decodes one file's top-level object into db and returns the dialect
// the file names, if any.
func (l *loader) file(db *Database, o object) (Dialect, Pos) {
	d, pos, ok := o.str("dialect")
	if ok && d != string(Postgres) && d != string(SQLServer) {
		l.errorf(pos, "", `use "postgres" or "sqlserver"`, "unknown dialect %q", d)
		d = ""
	}
	for _, c := range o.children("schema") {
		s := &Schema{Pos: c.pos()}
		s.Name, _ = c.label(1, 1)
		s.Comment, _, _ = c.str("comment")
		c.done()
		db.Schemas = append(db.Schemas, s)
	}
	for _, c := range o.children("enum") {
		db.Enums = append(db.Enums, l.enum(c))
	}
	l.typeObjects(db, o)
	for _, c := range o.children("table") {
		db.Tables = append(db.Tables, l.table(c))
	}
	db.Views = append(db.Views, l.views(o)...)
	for _, c := range o.children("function") {
		db.Functions = append(db.Functions, l.function(c, false))
	}
	for _, c := range o.children("procedure") {
		db.Functions = append(db.Functions, l.function(c, true))
	}
	for _, c := range o.children("trigger") {
		db.Triggers = append(db.Triggers, l.trigger(c))
	}
	for _, c := range o.children("policy") {
		db.Policies = append(db.Policies, l.policy(c))
	}
	o.done()
	return Dialect(d), pos
}

func (l *loader) enum(o object) *Enum {
	e := &Enum{Pos: o.pos()}
	e.Name, _ = o.label(1, 1)
	e.Schema, _, _ = o.str("schema")
	e.Comment, _, _ = o.str("comment")
	values, pos, ok := o.strList("values")
	if !ok {
		l.errorf(o.pos(), o.desc(), `add values = ["a", "b"]`, "missing required attribute values")
	}
	e.Values = values
	for i, p := range pos {
		l.setPos(e, fmt.Sprintf("values.%d", i), p)
	}
	o.done()
	return e
}

func (l *loader) table(o object) *Table {
	t := &Table{Pos: o.pos()}
	t.Name, _ = o.label(1, 1)
	t.Schema, _, _ = o.str("schema")
	t.Comment, _, _ = o.str("comment")
	t.RenamedFrom, _, _ = o.str("renamed_from")
	l.loadTableOptions(o, t)
	l.loadRowSecurity(o, t)
	l.loadPartitioning(o, t)
	for _, c := range o.children("column") {
		t.Columns = append(t.Columns, l.column(c))
	}
	if c, ok := o.child("primary_key"); ok {
		pk := &PrimaryKey{Pos: c.pos()}
		c.label(0, 0)
		pk.Name, _, _ = c.str("name")
		pk.Columns = l.columnList(c, pk, "columns", true)
		pk.Clustered = l.optBool(c, pk, "clustered")
		pk.Desc = l.keyDesc(c, pk)
		pk.Deferrable = l.flag(c, pk, "deferrable")
		pk.InitiallyDeferred = l.flag(c, pk, "initially_deferred")
		pk.Comment = l.text(c, pk, "comment")
		c.done()
		t.PrimaryKey = pk
	}
	for _, c := range o.children("unique") {
		u := &Unique{Pos: c.pos()}
		u.Name, _ = c.label(0, 1)
		u.Columns = l.columnList(c, u, "columns", true)
		u.Clustered = l.optBool(c, u, "clustered")
		u.Desc = l.keyDesc(c, u)
		u.NullsNotDistinct = l.flag(c, u, "nulls_not_distinct")
		u.Deferrable = l.flag(c, u, "deferrable")
		u.InitiallyDeferred = l.flag(c, u, "initially_deferred")
		u.Comment = l.text(c, u, "comment")
		c.done()
		t.Uniques = append(t.Uniques, u)
	}
	for _, c := range o.children("index") {
		t.Indexes = append(t.Indexes, l.index(c))
	}
	for _, c := range o.children("foreign_key") {
		t.ForeignKeys = append(t.ForeignKeys, l.foreignKey(c))
	}
	for _, c := range o.children("check") {
		ck := &Check{Pos: c.pos()}
		ck.Name, _ = c.label(0, 1)
		ck.Expr, _ = l.required(c, "expr", `add expr = "..."`)
		ck.ConstraintState = l.constraintState(c, ck)
		ck.NotValid = l.flag(c, ck, "not_valid")
		ck.NoInherit = l.flag(c, ck, "no_inherit")
		ck.Comment = l.text(c, ck, "comment")
		c.done()
		t.Checks = append(t.Checks, ck)
	}
	for _, c := range o.children("exclude") {
		t.Excludes = append(t.Excludes, l.exclude(c))
	}
	o.done()
	return t
}

func (l *loader) column(o object) *Column {
	c := &Column{Pos: o.pos()}
	c.Name, _ = o.label(1, 1)
	var pos Pos
	c.Type, pos, _ = o.str("type")
	l.setPos(c, "type", pos)
	c.Null, _, _ = o.boolean("null")
	if d, pos, ok := o.def("default"); ok {
		c.Default = d
		l.setPos(c, "default", pos)
	}
	if io, ok := o.child("identity"); ok {
		io.label(0, 0)
		l.setPos(c, "identity", io.pos())
		id := &Identity{}
		id.Always, pos, _ = io.boolean("always")
		l.setPos(c, "identity.always", pos)
		id.Seed, pos, _ = io.integer("seed")
		l.setPos(c, "identity.seed", pos)
		id.Increment, pos, _ = io.integer("increment")
		l.setPos(c, "identity.increment", pos)
		for _, bound := range []struct {
			key string
			to  **int64
		}{{"min_value", &id.MinValue}, {"max_value", &id.MaxValue}} {
			if v, pos, ok := io.integer(bound.key); ok {
				*bound.to = &v
				l.setPos(c, "identity."+bound.key, pos)
			}
		}
		id.Cache, pos, _ = io.integer("cache")
		l.setPos(c, "identity.cache", pos)
		id.Cycle, pos, _ = io.boolean("cycle")
		l.setPos(c, "identity.cycle", pos)
		id.NotForReplication, pos, _ = io.boolean("not_for_replication")
		l.setPos(c, "identity.not_for_replication", pos)
		io.done()
		c.Identity = id
	}
	if co, ok := o.child("computed"); ok {
		co.label(0, 0)
		l.setPos(c, "computed", co.pos())
		cp := &Computed{}
		cp.Expr, _ = l.required(co, "expr", `add expr = "..."`)
		cp.Persisted, pos, _ = co.boolean("persisted")
		l.setPos(c, "computed.persisted", pos)
		co.done()
		c.Computed = cp
	}
	c.Collation, _, _ = o.str("collation")
	c.Comment, _, _ = o.str("comment")
	l.loadColumnStorage(o, c)
	c.Unique, pos, _ = o.boolean("unique")
	l.setPos(c, "unique", pos)
	c.RenamedFrom, _, _ = o.str("renamed_from")
	c.Using, pos, _ = o.str("using")
	l.setPos(c, "using", pos)
	c.UsingDown, pos, _ = o.str("using_down")
	l.setPos(c, "using_down", pos)
	c.DefaultName, pos, _ = o.str("default_name")
	l.setPos(c, "default_name", pos)
	o.done()
	return c
}

func (l *loader) index(o object) *Index {
	ix := &Index{Pos: o.pos()}
	ix.Name, _ = o.label(0, 1)
	var pos Pos
	ix.Unique, _, _ = o.boolean("unique")
	l.indexOptions(o, ix)
	ix.Parts = l.keyParts(o, ix, "parts", "an index", !ix.Columnstore, nil)
	ix.Include = l.columnList(o, ix, "include", false)
	var wherePos Pos
	ix.Where, wherePos, _ = o.str("where")
	l.setPos(ix, "where", wherePos)
	ix.Using, pos, _ = o.str("using")
	l.setPos(ix, "using", pos)
	ix.Clustered = l.optBool(o, ix, "clustered")
	ix.NullsNotDistinct = l.flag(o, ix, "nulls_not_distinct")
	ix.Comment = l.text(o, ix, "comment")
	ix.With = l.columnList(o, ix, "with", false) // positions under with.i
	if len(ix.With) > 0 {
		l.setPos(ix, "with", l.at(ix, "with.0", ix.Pos))
	}
	o.done()
	return ix
}

// keyParts reads the keys of an index or partition key (what, in
// messages): plain columns = [...] or on { … } blocks (keyPart), recording
// their positions under key.i of owner; check, when set, is called on each
// on block's key.
func (l *loader) keyParts(o object, owner any, key, what string, required bool, check func(p object, part IndexPart)) []IndexPart {
	var keys []IndexPart
	cols, colPos, hasCols := o.strList("columns")
	for i, col := range cols {
		keys = append(keys, IndexPart{Column: col})
		l.setPos(owner, fmt.Sprintf("%s.%d", key, i), colPos[i])
	}
	parts := o.children("on")
	switch {
	case hasCols && len(parts) > 0:
		l.errorf(parts[0].pos(), o.desc(), "use columns for plain columns, or on blocks only", "%s takes columns or on, not both", what)
	case !hasCols && len(parts) == 0 && !o.has("columns") && required:
		l.errorf(o.pos(), o.desc(), `add columns = ["..."] or on { column = "..." } blocks`, "missing required attribute columns")
	}
	for _, p := range parts {
		p.label(0, 0)
		part := l.keyPart(p, owner, fmt.Sprintf("%s.%d", key, len(keys)))
		if check != nil {
			check(p, part)
		}
		p.done()
		keys = append(keys, part)
	}
	return keys
}

// keyPart reads the attributes of an index key (index `on` blocks, exclude
// `element` blocks) from p, recording their positions under key of owner
// (key: "parts.0"); the caller reads p's other attributes and calls done.
func (l *loader) keyPart(p object, owner any, key string) IndexPart {
	var part IndexPart
	var cpos, epos, npos, opos, cpos2 Pos
	part.Column, cpos, _ = p.str("column")
	part.Expr, epos, _ = p.str("expr")
	part.Desc, _, _ = p.boolean("desc")
	part.Nulls, npos, _ = p.str("nulls")
	part.Opclass, opos, _ = p.str("opclass")
	part.Collation, cpos2, _ = p.str("collation")
	l.setPos(owner, key+".opclass", opos)
	l.setPos(owner, key+".collation", cpos2)
	if p.has("column") == p.has("expr") {
		l.errorf(p.pos(), p.desc(), `write column = "..." or expr = "..."`, "an index part takes exactly one of column and expr")
	}
	if part.Nulls != "" && part.Nulls != "first" && part.Nulls != "last" {
		l.errorf(npos, p.desc(), `use "first" or "last"`, "invalid nulls %q", part.Nulls)
	}
	l.setPos(owner, key, cpos)
	l.setPos(owner, key+".expr", epos)
	l.setPos(owner, key+".nulls", npos)
	return part
}

func (l *loader) foreignKey(o object) *ForeignKey {
	fk := &ForeignKey{Pos: o.pos()}
	fk.Name, _ = o.label(0, 1)
	fk.Columns = l.columnList(o, fk, "columns", true)
	ref, pos := l.required(o, "ref_table", `add ref_table = "table" or "schema.table"`)
	l.setPos(fk, "ref_table", pos)
	if ref != "" {
		q := ParseQName(ref, "")
		fk.RefSchema, fk.RefTable = q.Schema, q.Name
	}
	fk.RefColumns = l.columnList(o, fk, "ref_columns", true)
	for _, key := range []string{"on_delete", "on_update"} {
		v, pos, _ := o.str(key)
		l.setPos(fk, key, pos)
		if key == "on_delete" {
			fk.OnDelete = v
		} else {
			fk.OnUpdate = v
		}
	}
	fk.Deferrable, pos, _ = o.boolean("deferrable")
	l.setPos(fk, "deferrable", pos)
	fk.InitiallyDeferred, pos, _ = o.boolean("initially_deferred")
	l.setPos(fk, "initially_deferred", pos)
	fk.ConstraintState = l.constraintState(o, fk)
	fk.MatchFull = l.flag(o, fk, "match_full")
	fk.NotValid = l.flag(o, fk, "not_valid")
	fk.Comment = l.text(o, fk, "comment")
	o.done()
	return fk
}

// required reads a string attribute that must be there.
func (l *loader) required(o object, key, hint string) (string, Pos) {
	v, pos, ok := o.str(key)
	if !ok && !o.has(key) {
		l.errorf(o.pos(), o.desc(), hint, "missing required attribute %s", key)
	}
	return v, pos
}

// columnList reads a list of column names, recording each one's position
// under key.i of owner.
func (l *loader) columnList(o object, owner any, key string, required bool) []string {
	cols, pos, ok := o.strList(key)
	if !ok && required && !o.has(key) {
		l.errorf(o.pos(), o.desc(), fmt.Sprintf(`add %s = ["..."]`, key), "missing required attribute %s", key)
	}
	for i, p := range pos {
		l.setPos(owner, fmt.Sprintf("%s.%d", key, i), p)
	}
	return cols
}

// optBool reads a boolean whose absence matters (nil: not said).
func (l *loader) optBool(o object, owner any, key string) *bool {
	v, pos, ok := o.boolean(key)
	if !ok {
		return nil
	}
	l.setPos(owner, key, pos)
	return &v
}

// flag reads a boolean attribute (false when absent), recording its
// position under key of owner.
func (l *loader) flag(o object, owner any, key string) bool {
	v, pos, _ := o.boolean(key)
	l.setPos(owner, key, pos)
	return v
}

// text reads a string attribute ("" when absent), recording its position
// under key of owner.
func (l *loader) text(o object, owner any, key string) string {
	v, pos, _ := o.str(key)
	l.setPos(owner, key, pos)
	return v
}

// describeKey names a nested object in diagnostics.
func describeKey(key string) string {
	if key == "on" {
		return "key part"
	}
	return strings.ReplaceAll(key, "_", " ")
}

// unknownKey reports a key of an object that the decoder never asked for,
// with a did-you-mean hint among those it did ask for.
func (l *loader) unknownKey(pos Pos, desc, what, key string, asked map[string]bool) {
	known := make([]string, 0, len(asked))
	for k := range asked {
		known = append(known, k)
	}
	sort.Strings(known)
	hint := "remove it"
	if m := nearest(key, known); m != "" {
		hint = "did you mean " + m + "?"
	} else if len(known) > 0 {
		hint = "expected one of " + strings.Join(known, ", ")
	}
	l.errorf(pos, desc, hint, "unknown %s %q", what, key)
}

// nearest returns the candidate nearest to s by edit distance (editDistance
// of types.go), if it is near enough to be a likely typo.
func nearest(s string, candidates []string) string {
	best, bestDist := "", len(s)/3+2
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
