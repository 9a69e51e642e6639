package review

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/pyread"
	"github.com/schemadiff/schemadiff/schema"
)

// revisionFile is what review reads from an Alembic revision file.
type revisionFile struct {
	revision  string
	parents   []string // down_revision: none for the first revision, two or more for a merge
	parentPos schema.Pos
	up, down  parsed
	hasDown   bool
}

// readAlembic reads an Alembic revision file: its identifiers and the op.*
// calls of upgrade() and downgrade(), in dialect d.
func readAlembic(file, src string, d schema.Dialect) revisionFile {
	var rf revisionFile
	lines, _ := pyread.Lex(src) // an unterminated string ends at its line: the rest is still read
	userTypes := map[string]bool{}
	for _, l := range lines {
		t := l.Toks
		if l.Indent == 0 && len(t) > 2 && t[0].Kind == pyread.Name && t[0].Text == "class" && t[1].Kind == pyread.Name &&
			slices.ContainsFunc(t[2:], func(x pyread.Tok) bool { return x.Kind == pyread.Name && strings.HasSuffix(x.Text, "UserDefinedType") }) {
			userTypes[t[1].Text] = true
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.Indent != 0 {
			continue
		}
		toks := l.Toks
		switch {
		case len(toks) >= 2 && toks[0].Kind == pyread.Name && toks[0].Text == "def" && toks[1].Kind == pyread.Name:
			end := i + 1
			for end < len(lines) && lines[end].Indent > 0 {
				end++
			}
			switch toks[1].Text {
			case "upgrade":
				rf.up = readAlembicBody(file, lines[i+1:end], d, userTypes)
			case "downgrade":
				rf.down = readAlembicBody(file, lines[i+1:end], d, userTypes)
				rf.hasDown = true
			}
			i = end - 1
		default:
			name, val, ok := l.Assignment()
			if !ok {
				continue
			}
			v, err := pyread.ParseExpr(val)
			if err != nil {
				continue
			}
			switch name {
			case "revision":
				rf.revision = v.Str
			case "down_revision":
				rf.parentPos = schema.Pos{File: file, Line: l.Line}
				switch v.Kind {
				case pyread.VString:
					rf.parents = []string{v.Str}
				case pyread.VTuple, pyread.VList:
					for _, it := range v.Items {
						rf.parents = append(rf.parents, it.Str)
					}
				}
			}
		}
	}
	return rf
}

// alembicReader interprets the statements of one function body.
type alembicReader struct {
	file string
	d    schema.Dialect
	out  parsed
	// vars are the local variables assigned so far (mood = sa.Enum(…)),
	// for column types given by name.
	vars map[string]*pyread.Value
	// userTypes are the classes of the revision that subclass
	// UserDefinedType (generate's SQLType): Name('spec') is the type spec.
	userTypes map[string]bool
	// autocommit is the indentation of the open `with …autocommit_block():`
	// line, whose statements run outside the revision's transaction; -1
	// when none is open.
	autocommit int
	// session is what the op.execute("SET ANSI_NULLS|QUOTED_IDENTIFIER …")
	// of the revision said last: the settings a T-SQL module keeps.
	session schema.ModuleSettings
}

// batch is an open `with op.batch_alter_table(...) as alias:` block.
type batch struct {
	indent int
	alias  string
	table  schema.QName
}

func readAlembicBody(file string, lines []pyread.Line, d schema.Dialect, userTypes map[string]bool) parsed {
	r := &alembicReader{file: file, d: d, vars: map[string]*pyread.Value{}, userTypes: userTypes, autocommit: -1}
	r.out.wrapped, r.out.wrapReason = true, "Alembic runs each revision in a transaction; put it in `with op.get_context().autocommit_block():`"
	var batches []batch
	for _, l := range lines {
		if r.autocommit >= 0 && l.Indent <= r.autocommit {
			r.autocommit = -1
		}
		for len(batches) > 0 && l.Indent <= batches[len(batches)-1].indent {
			batches = batches[:len(batches)-1]
		}
		r.statement(l, &batches)
	}
	return r.out
}

func (r *alembicReader) pos(line int) schema.Pos { return schema.Pos{File: r.file, Line: line} }

func (r *alembicReader) unparsed(line int, what, why string) {
	r.out.findings = append(r.out.findings, Finding{Code: CodeUnparsed, Severity: diff.Error, Pos: r.pos(line), Object: what,
		Message: fmt.Sprintf("Review cannot follow this statement (%s); check by hand what it does to the schema.", why)})
}

func (r *alembicReader) statement(l pyread.Line, batches *[]batch) {
	toks := l.Toks
	first := toks[0]
	if first.Kind == pyread.Name {
		switch first.Text {
		case "pass", "return", "import", "from", "global", "nonlocal":
			return
		case "with":
			r.with(l, batches)
			return
		case "if", "for", "while", "try", "else", "elif", "except", "finally", "def", "raise", "assert", "del":
			r.unparsed(l.Line, first.Text, "control flow is not followed")
			return
		}
	}
	if first.Kind == pyread.String && len(toks) == 1 { // docstring
		return
	}
	if name, val, ok := l.Assignment(); ok {
		// A local variable: kept for later use as a column type; an op call
		// on the right (users = op.create_table(…), for bulk_insert) still runs.
		v, err := pyread.ParseExpr(val)
		if err != nil {
			return
		}
		r.vars[name] = v
		if v.Kind == pyread.VCall {
			r.call(v, *batches)
		}
		return
	}
	v, err := pyread.ParseExpr(toks)
	if err != nil {
		r.unparsed(l.Line, "", err.Error())
		return
	}
	if v.Kind != pyread.VCall {
		return
	}
	r.call(v, *batches)
}

// with opens a batch_alter_table block.
func (r *alembicReader) with(l pyread.Line, batches *[]batch) {
	toks := l.Toks[1:]
	if n := len(toks); n > 0 && toks[n-1].Kind == pyread.Op && toks[n-1].Text == ":" {
		toks = toks[:n-1]
	}
	alias := ""
	for j := len(toks) - 2; j >= 0; j-- {
		if toks[j].Kind == pyread.Name && toks[j].Text == "as" && toks[j+1].Kind == pyread.Name {
			alias, toks = toks[j+1].Text, toks[:j]
			break
		}
	}
	v, err := pyread.ParseExpr(toks)
	if err == nil && v.Kind == pyread.VCall && alias == "" && v.LastName() == "autocommit_block" {
		r.autocommit = l.Indent // its statements run outside the transaction, as written
		return
	}
	if err != nil || v.Kind != pyread.VCall || !strings.HasSuffix(v.Name, "batch_alter_table") || alias == "" {
		r.unparsed(l.Line, "with", "only `with op.batch_alter_table(...) as name:` blocks are followed")
		return
	}
	defer func() {
		if rec := recover(); rec != nil {
			pe, ok := rec.(parseError)
			if !ok {
				panic(rec)
			}
			r.unparsed(l.Line, "with", pe.msg)
		}
	}()
	*batches = append(*batches, batch{indent: l.Indent, alias: alias, table: r.tableName(v.Arg(0), v.Kw("table_name"), v.Kw("schema"))})
}

// tableName builds a qualified table name from a name and a schema= argument.
func (r *alembicReader) tableName(name, name2, sch *pyread.Value) schema.QName {
	if name == nil {
		name = name2
	}
	if name == nil || name.Kind != pyread.VString || name.Str == "" {
		panic(parseError{"the table name is not a string literal"})
	}
	q := schema.QName{Schema: r.d.DefaultSchema(), Name: name.Str}
	if s := strValue(sch); s != "" {
		q.Schema = s
	}
	return q
}

// strValue is the string a value holds ("" when it is not a string). A name
// marked final, op.f('ix_…') (batch_op.f, conv(…)) as autogenerate writes
// it, is the string inside.
func strValue(v *pyread.Value) string {
	if v != nil && v.Kind == pyread.VCall && len(v.Args) == 1 &&
		(v.LastName() == "f" && strings.Contains(v.Name, ".") || v.LastName() == "conv") {
		return strValue(v.Arg(0))
	}
	if v == nil || v.Kind != pyread.VString {
		return ""
	}
	return v.Str
}

// strList reads a list or tuple of strings (or one string).
func strList(v *pyread.Value) []string {
	if v == nil {
		return nil
	}
	if v.Kind == pyread.VString {
		return []string{v.Str}
	}
	var out []string
	for _, it := range v.Items {
		out = append(out, strValue(it))
	}
	return out
}

// args binds a call's arguments to parameter names: positional first, then
// keywords (a keyword wins).
func args(v *pyread.Value, names ...string) map[string]*pyread.Value {
	m := map[string]*pyread.Value{}
	for i, n := range names {
		if a := v.Arg(i); a != nil {
			m[n] = a
		}
	}
	for k, a := range v.Kwargs {
		m[k] = a
	}
	return m
}

func (r *alembicReader) emit(o op, line int) {
	o.pos, o.noTx = r.pos(line), r.autocommit >= 0
	r.out.ops = append(r.out.ops, o)
}

// createExclude reads op.create_exclude_constraint(name, table,
// (column, operator), …, where=, using=, ops=, deferrable=, initially=,
// schema=) (Alembic 1.8; in a batch block the table is implied).
func (r *alembicReader) createExclude(v *pyread.Value, a map[string]*pyread.Value, batch bool, line int) {
	first := 2
	if batch {
		first = 1
	}
	x := &schema.Exclude{Name: strValue(a["constraint_name"]), Using: strValue(a["using"]), Where: r.sqlText(a["where"]),
		Deferrable: a["deferrable"].Truthy(), InitiallyDeferred: strings.EqualFold(strValue(a["initially"]), "DEFERRED")}
	ops := dictItems(a["ops"])
	for _, e := range v.Args[min(first, len(v.Args)):] {
		if e.Kind != pyread.VTuple || len(e.Items) != 2 || e.Items[0].Kind != pyread.VString || e.Items[1].Kind != pyread.VString {
			panic(parseError{"an exclusion element that is not a (column, operator) pair of strings"})
		}
		col := e.Items[0].Str
		x.Elements = append(x.Elements, schema.ExcludeElement{IndexPart: schema.IndexPart{Column: col, Opclass: ops[col]}, Operator: e.Items[1].Str})
	}
	r.emit(op{kind: opAddConstraint, table: r.tableName(a["table_name"], nil, a["schema"]), ex: x}, line)
}

// call interprets one op.* (or batch alias) call.
func (r *alembicReader) call(v *pyread.Value, batches []batch) {
	name := v.Name
	var bt *batch
	for i := range batches {
		if strings.HasPrefix(name, batches[i].alias+".") {
			bt = &batches[i]
		}
	}
	if bt == nil && !strings.HasPrefix(name, "op.") {
		r.typeCall(v)
		return // print(), logging…: no schema change
	}
	fn := name[strings.LastIndexByte(name, '.')+1:]
	defer func() {
		if rec := recover(); rec != nil {
			pe, ok := rec.(parseError)
			if !ok {
				panic(rec)
			}
			r.unparsed(v.Line, name, pe.msg)
		}
	}()
	r.dialectOptions(v, fn)
	// In a batch block the table argument is implied: bind it up front.
	withTable := func(names ...string) map[string]*pyread.Value {
		if bt == nil {
			return args(v, names...)
		}
		a := args(v, slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "table_name" })...)
		a["table_name"] = &pyread.Value{Kind: pyread.VString, Str: bt.table.Name}
		if a["schema"] == nil {
			a["schema"] = &pyread.Value{Kind: pyread.VString, Str: bt.table.Schema}
		}
		return a
	}
	line := v.Line
	switch fn {
	case "create_table":
		r.createTable(v)
	case "drop_table":
		a := args(v, "table_name")
		r.emit(op{kind: opDropTable, table: r.tableName(a["table_name"], nil, a["schema"]), ifExist: a["if_exists"].Truthy()}, line)
	case "rename_table":
		a := args(v, "old_table_name", "new_table_name")
		r.emit(op{kind: opRenameTable, table: r.tableName(a["old_table_name"], nil, a["schema"]), newName: strValue(a["new_table_name"])}, line)
	case "add_column":
		a := withTable("table_name", "column")
		q := r.tableName(a["table_name"], nil, a["schema"])
		t := &schema.Table{Schema: q.Schema, Name: q.Name}
		col := r.column(a["column"], t)
		r.emit(op{kind: opAddColumn, table: q, col: col, ifExist: a["if_not_exists"].Truthy()}, line)
		for _, c := range tableConstraints(t) {
			c.kind, c.table = opAddConstraint, q
			r.emit(c, line)
		}
	case "drop_column":
		a := withTable("table_name", "column_name")
		r.emit(op{kind: opDropColumn, table: r.tableName(a["table_name"], nil, a["schema"]), name: strValue(a["column_name"]), ifExist: a["if_exists"].Truthy()}, line)
	case "alter_column":
		r.alterColumn(withTable("table_name", "column_name"), line)
	case "create_index":
		r.createIndex(withTable("index_name", "table_name", "columns"), line)
	case "drop_index":
		a := withTable("index_name", "table_name")
		o := op{kind: opDropIndex, name: strValue(a["index_name"]), ifExist: a["if_exists"].Truthy()}
		if a["table_name"] != nil {
			o.table = r.tableName(a["table_name"], nil, a["schema"])
		}
		o.concurrently = a["postgresql_concurrently"].Truthy()
		r.emit(o, line)
	case "create_primary_key":
		a := withTable("constraint_name", "table_name", "columns")
		r.emit(op{kind: opAddConstraint, table: r.tableName(a["table_name"], nil, a["schema"]),
			pk: &schema.PrimaryKey{Name: strValue(a["constraint_name"]), Columns: strList(a["columns"]), Clustered: r.clustered(a["mssql_clustered"])}}, line)
	case "create_unique_constraint":
		a := withTable("constraint_name", "table_name", "columns")
		r.emit(op{kind: opAddConstraint, table: r.tableName(a["table_name"], nil, a["schema"]),
			uq: &schema.Unique{Name: strValue(a["constraint_name"]), Columns: strList(a["columns"]), Clustered: r.clustered(a["mssql_clustered"]),
				Deferrable: a["deferrable"].Truthy(), InitiallyDeferred: strings.EqualFold(strValue(a["initially"]), "DEFERRED")}}, line)
	case "create_check_constraint":
		a := withTable("constraint_name", "table_name", "condition")
		r.emit(op{kind: opAddConstraint, table: r.tableName(a["table_name"], nil, a["schema"]),
			ck: &schema.Check{Name: strValue(a["constraint_name"]), Expr: r.sqlText(a["condition"]), NotValid: a["postgresql_not_valid"].Truthy()}, notValid: a["postgresql_not_valid"].Truthy()}, line)
	case "create_exclude_constraint":
		r.createExclude(v, withTable("constraint_name", "table_name"), bt != nil, line)
	case "create_foreign_key":
		var a map[string]*pyread.Value
		if bt != nil {
			a = args(v, "constraint_name", "referent_table", "local_cols", "remote_cols")
			a["source_table"] = &pyread.Value{Kind: pyread.VString, Str: bt.table.Name}
			a["source_schema"] = &pyread.Value{Kind: pyread.VString, Str: bt.table.Schema}
		} else {
			a = args(v, "constraint_name", "source_table", "referent_table", "local_cols", "remote_cols")
		}
		ref := r.tableName(a["referent_table"], nil, a["referent_schema"])
		fk := &schema.ForeignKey{Name: strValue(a["constraint_name"]), Columns: strList(a["local_cols"]),
			RefSchema: ref.Schema, RefTable: ref.Name, RefColumns: strList(a["remote_cols"]),
			OnDelete: strValue(a["ondelete"]), OnUpdate: strValue(a["onupdate"]),
			Deferrable: a["deferrable"].Truthy(), InitiallyDeferred: strings.EqualFold(strValue(a["initially"]), "DEFERRED"),
			MatchFull: strings.EqualFold(strValue(a["match"]), "FULL"), NotValid: a["postgresql_not_valid"].Truthy()}
		r.emit(op{kind: opAddConstraint, table: r.tableName(a["source_table"], nil, a["source_schema"]), fk: fk, notValid: fk.NotValid}, line)
	case "drop_constraint":
		a := withTable("constraint_name", "table_name")
		o := op{kind: opDropConstraint, table: r.tableName(a["table_name"], nil, a["schema"]), name: strValue(a["constraint_name"]), ifExist: a["if_exists"].Truthy()}
		if strValue(a["type_"]) == "primary" {
			o.pk = &schema.PrimaryKey{}
		}
		r.emit(o, line)
	case "execute":
		a := args(v, "sqltext")
		if ddl := a["sqltext"]; ddl != nil && ddl.Kind == pyread.VCall && (ddl.LastName() == "CreateSchema" || ddl.LastName() == "DropSchema") {
			kind := opCreateSchema
			if ddl.LastName() == "DropSchema" {
				kind = opDropSchema
			}
			r.emit(op{kind: kind, name: strValue(ddl.Arg(0)), ifExist: ddl.Kw("if_not_exists").Truthy() || ddl.Kw("if_exists").Truthy()}, line)
			return
		}
		sql := r.sqlText(a["sqltext"])
		if sql == "" {
			r.unparsed(line, name, "op.execute of something other than a literal")
			return
		}
		inner := readSQLSession(r.file, sql, line, r.d, &r.session)
		for i := range inner.ops {
			inner.ops[i].pos.Line, inner.ops[i].noTx = line, r.autocommit >= 0
		}
		for i := range inner.findings {
			inner.findings[i].Pos.Line = line
		}
		r.out.ops = append(r.out.ops, inner.ops...)
		r.out.findings = append(r.out.findings, inner.findings...)
	case "create_table_comment", "drop_table_comment":
		a := args(v, "table_name", "comment")
		r.emit(op{kind: opComment, target: "table", table: r.tableName(a["table_name"], nil, a["schema"]), value: strValue(a["comment"])}, line)
	case "get_bind", "get_context", "bulk_insert", "f", "inline_literal", "run_async":
	default:
		r.unparsed(line, name, "op."+fn+" is not followed")
	}
}

// typeCall follows sa.Enum(…, name='x').create(op.get_bind()) and
// postgresql.ENUM(name='x').drop(op.get_bind()): how revisions create and
// drop PostgreSQL enum types of their own.
func (r *alembicReader) typeCall(v *pyread.Value) {
	if r.d != schema.Postgres || v.Name != ".create" && v.Name != ".drop" || v.Fn == nil || v.Fn.Fn == nil {
		return
	}
	e := v.Fn.Fn
	if e.Kind != pyread.VCall || e.LastName() != "Enum" && e.LastName() != "ENUM" || strValue(e.Kw("name")) == "" {
		return
	}
	q := schema.QName{Schema: r.d.DefaultSchema(), Name: strValue(e.Kw("name"))}
	if s := strValue(e.Kw("schema")); s != "" {
		q.Schema = s
	}
	// checkfirst is False by default for sa.Enum, True for postgresql.ENUM.
	check := e.LastName() == "ENUM"
	if c := v.Kw("checkfirst"); c != nil {
		check = c.Truthy()
	}
	if v.Name == ".drop" {
		r.emit(op{kind: opDropEnum, table: q, ifExist: check}, v.Line)
		return
	}
	r.emit(op{kind: opCreateEnum, ifExist: check, enum: &schema.Enum{Schema: q.Schema, Name: q.Name, Values: strArgs(e)}}, v.Line)
}

// dialectOptions reports options of the other dialect on a call (and on the
// sa.* calls inside it): SQLAlchemy ignores them silently.
func (r *alembicReader) dialectOptions(v *pyread.Value, fn string) {
	other := "postgresql_"
	if r.d == schema.Postgres {
		other = "mssql_"
	}
	var walk func(v *pyread.Value)
	walk = func(v *pyread.Value) {
		if v == nil {
			return
		}
		for _, k := range sortedKeys(v.Kwargs) {
			a := v.Kwargs[k]
			if strings.HasPrefix(k, other) {
				want := "mssql_" + strings.TrimPrefix(k, other)
				if r.d == schema.Postgres {
					want = "postgresql_" + strings.TrimPrefix(k, other)
				}
				obj := ""
				if fn == "create_index" {
					obj = r.indexObject(v)
				}
				r.out.findings = append(r.out.findings, Finding{Code: CodeWrongDialectOption, Severity: diff.Error, Pos: r.pos(a.Line), Object: obj,
					Message: fmt.Sprintf("%s= is ignored on %s, so what it says is lost; write %s= instead.", k, dialectTitle(r.d), want)})
			}
			walk(a)
		}
		for _, a := range v.Args {
			walk(a)
		}
	}
	walk(v)
}

// indexObject names the index a create_index call creates, for findings.
func (r *alembicReader) indexObject(v *pyread.Value) string {
	a := args(v, "index_name", "table_name")
	return objIndex(r.tableName(a["table_name"], nil, a["schema"]), strValue(a["index_name"]))
}

func objIndex(t schema.QName, name string) string { return "table " + t.String() + " index " + name }

func dialectTitle(d schema.Dialect) string {
	if d == schema.SQLServer {
		return "SQL Server"
	}
	return "PostgreSQL"
}

func sortedKeys(m map[string]*pyread.Value) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// clustered reads mssql_clustered=True/False.
func (r *alembicReader) clustered(v *pyread.Value) *bool {
	if v == nil || v.Kind != pyread.VConst || v.Str == "None" || r.d != schema.SQLServer {
		return nil
	}
	b := v.Str == "True"
	return &b
}

// sqlText is the SQL a value holds: a string, sa.text('…'), sa.literal_column('…').
func (r *alembicReader) sqlText(v *pyread.Value) string {
	if v == nil {
		return ""
	}
	if v.Kind == pyread.VString {
		return v.Str
	}
	if v.Kind == pyread.VCall {
		switch v.LastName() {
		case "text", "literal_column", "DDL":
			return strValue(v.Arg(0))
		}
	}
	return ""
}

func (r *alembicReader) createTable(v *pyread.Value) {
	if v.Arg(0) == nil {
		panic(parseError{"create_table without a table name"})
	}
	q := r.tableName(v.Arg(0), nil, v.Kw("schema"))
	t := &schema.Table{Schema: q.Schema, Name: q.Name, Comment: strValue(v.Kw("comment"))}
	var pkCols []string
	var idx []op
	for _, a := range v.Args[1:] {
		if a.Kind != pyread.VCall {
			continue
		}
		switch a.LastName() {
		case "Column":
			c := r.column(a, t)
			t.Columns = append(t.Columns, c)
			if a.Kw("primary_key").Truthy() {
				pkCols = append(pkCols, c.Name)
			}
			if a.Kw("index").Truthy() {
				name := "ix_" + q.Name + "_" + c.Name
				unique := a.Kw("unique").Truthy()
				idx = append(idx, op{kind: opCreateIndex, table: q, idx: &schema.Index{Name: name, Unique: unique, Parts: []schema.IndexPart{{Column: c.Name}}}})
				if unique { // index=True, unique=True makes a unique index, not a constraint
					t.Uniques = t.Uniques[:len(t.Uniques)-1]
				}
			}
		case "PrimaryKeyConstraint":
			t.PrimaryKey = &schema.PrimaryKey{Name: strValue(a.Kw("name")), Columns: strArgs(a), Clustered: r.clustered(a.Kw("mssql_clustered")), Pos: r.pos(a.Line),
				Deferrable: a.Kw("deferrable").Truthy(), InitiallyDeferred: strings.EqualFold(strValue(a.Kw("initially")), "DEFERRED")}
		case "UniqueConstraint":
			t.Uniques = append(t.Uniques, &schema.Unique{Name: strValue(a.Kw("name")), Columns: strArgs(a), Clustered: r.clustered(a.Kw("mssql_clustered")), Pos: r.pos(a.Line),
				Deferrable: a.Kw("deferrable").Truthy(), InitiallyDeferred: strings.EqualFold(strValue(a.Kw("initially")), "DEFERRED")})
		case "CheckConstraint":
			t.Checks = append(t.Checks, &schema.Check{Name: strValue(a.Kw("name")), Expr: r.sqlText(a.Arg(0)), Pos: r.pos(a.Line),
				NotValid: a.Kw("postgresql_not_valid").Truthy()})
		case "ForeignKeyConstraint":
			ref := strList(a.Arg(1))
			fk := r.foreignKey(a, ref)
			fk.Columns, fk.Pos = strList(a.Arg(0)), r.pos(a.Line)
			t.ForeignKeys = append(t.ForeignKeys, fk)
		default:
			r.unparsed(a.Line, a.Name, a.Name+" in create_table is not followed")
		}
	}
	if len(pkCols) > 0 && t.PrimaryKey == nil {
		t.PrimaryKey = &schema.PrimaryKey{Columns: pkCols}
	}
	r.emit(op{kind: opCreateTable, table: q, tbl: t, ifExist: v.Kw("if_not_exists").Truthy()}, v.Line)
	for _, o := range idx {
		r.emit(o, v.Line)
	}
}

// strArgs reads the positional string arguments of a call.
func strArgs(v *pyread.Value) []string {
	var out []string
	for _, a := range v.Args {
		out = append(out, strValue(a))
	}
	return out
}

// foreignKey reads the options of sa.ForeignKey / sa.ForeignKeyConstraint;
// refs are "table.column" or "schema.table.column" targets.
func (r *alembicReader) foreignKey(a *pyread.Value, refs []string) *schema.ForeignKey {
	fk := &schema.ForeignKey{Name: strValue(a.Kw("name")), OnDelete: strValue(a.Kw("ondelete")), OnUpdate: strValue(a.Kw("onupdate")),
		Deferrable: a.Kw("deferrable").Truthy(), InitiallyDeferred: strings.EqualFold(strValue(a.Kw("initially")), "DEFERRED"),
		MatchFull: strings.EqualFold(strValue(a.Kw("match")), "FULL"), NotValid: a.Kw("postgresql_not_valid").Truthy()}
	for _, ref := range refs {
		parts := strings.Split(ref, ".")
		if len(parts) < 2 {
			panic(parseError{fmt.Sprintf("foreign key target %q is not table.column", ref)})
		}
		q := partsQName(parts[:len(parts)-1], r.d)
		fk.RefSchema, fk.RefTable = q.Schema, q.Name
		fk.RefColumns = append(fk.RefColumns, parts[len(parts)-1])
	}
	return fk
}

// column reads sa.Column(name, type, *constraints, **options); the
// constraints it declares (unique, foreign keys) go on t.
func (r *alembicReader) column(v *pyread.Value, t *schema.Table) *schema.Column {
	if v == nil || v.Kind != pyread.VCall || v.LastName() != "Column" {
		panic(parseError{"expected sa.Column(...)"})
	}
	c := &schema.Column{Name: strValue(v.Arg(0)), Null: true, Pos: r.pos(v.Line)}
	if c.Name == "" {
		panic(parseError{"sa.Column without a name"})
	}
	pos := r.pos(v.Line)
	for _, a := range v.Args[1:] {
		switch a.LastName() {
		case "ForeignKey":
			fk := r.foreignKey(a, []string{strValue(a.Arg(0))})
			fk.Columns = []string{c.Name}
			t.ForeignKeys = append(t.ForeignKeys, fk)
		case "Identity":
			c.Identity = identity(a)
		case "Computed":
			c.Computed = &schema.Computed{Expr: r.sqlText(a.Arg(0)), Persisted: a.Kw("persisted").Truthy()}
		default:
			if c.Type == "" {
				c.Type = r.typeOf(a)
			}
		}
	}
	if tv := v.Kw("type_"); tv != nil {
		c.Type = r.typeOf(tv)
	}
	for _, a := range v.Args[1:] {
		if coll := strValue(a.Kw("collation")); coll != "" {
			c.Collation = coll
		}
	}
	if c.Type == "" && (c.Computed == nil || r.d != schema.SQLServer) {
		panic(parseError{"sa.Column " + c.Name + " has no type"})
	}
	if n := v.Kw("nullable"); n != nil {
		c.Null = n.Truthy()
	} else if v.Kw("primary_key").Truthy() {
		c.Null = false
	}
	c.Default = r.serverDefault(v.Kw("server_default"))
	c.Comment = strValue(v.Kw("comment"))
	if d := v.Kw("default"); d != nil && !(d.Kind == pyread.VConst && d.Str == "None") {
		r.out.hints = append(r.out.hints, hint{kind: "client-default", table: t.QName(), column: c.Name, pos: pos, value: r.sqlOrRepr(d)})
	}
	if v.Kw("autoincrement").Truthy() && c.Identity == nil {
		r.out.hints = append(r.out.hints, hint{kind: "autoincrement", table: t.QName(), column: c.Name, pos: pos})
	}
	if v.Kw("unique").Truthy() {
		t.Uniques = append(t.Uniques, &schema.Unique{Columns: []string{c.Name}})
	}
	return c
}

// sqlOrRepr describes a client-side default for a message.
func (r *alembicReader) sqlOrRepr(v *pyread.Value) string {
	if s := r.sqlText(v); s != "" {
		return s
	}
	if v.Kind == pyread.VNumber || v.Kind == pyread.VConst {
		return v.Str
	}
	if v.Name != "" {
		return v.Name
	}
	return "a Python value"
}

// identity reads sa.Identity(always=, start=, increment=, minvalue=,
// maxvalue=, cache=, cycle=): every option SQLAlchemy's Identity takes that
// the model holds (schema.Identity), as render/alembic.go writes them.
func identity(a *pyread.Value) *schema.Identity {
	id := &schema.Identity{Always: a.Kw("always").Truthy(), Seed: 1, Increment: 1, Cycle: a.Kw("cycle").Truthy()}
	for key, dst := range map[string]*int64{"start": &id.Seed, "increment": &id.Increment, "cache": &id.Cache} {
		if n := identityOption(a, key); n != nil {
			*dst = *n
		}
	}
	id.MinValue, id.MaxValue = identityOption(a, "minvalue"), identityOption(a, "maxvalue")
	return id
}

// identityOption returns the whole number sa.Identity's option key gives,
// or nil when it is not given; anything else is a parse error.
func identityOption(a *pyread.Value, key string) *int64 {
	v := a.Kw(key)
	if v == nil || v.Kind == pyread.VConst && v.Str == "None" {
		return nil
	}
	var n int64
	if _, err := fmt.Sscan(v.Str, &n); err != nil || v.Kind != pyread.VNumber {
		panic(parseError{"sa.Identity " + key + "= is not a whole number"})
	}
	return &n
}

// serverDefault reads server_default=: a string is a literal, sa.text() an
// expression, sa.func.now() a function call, sa.false()/sa.true() booleans.
func (r *alembicReader) serverDefault(v *pyread.Value) *schema.Default {
	if v == nil || v.Kind == pyread.VConst && v.Str == "None" {
		return nil
	}
	switch {
	case v.Kind == pyread.VString:
		return &schema.Default{Kind: schema.DefaultString, Value: v.Str}
	case v.Kind == pyread.VCall && (v.LastName() == "text" || v.LastName() == "literal_column"):
		return &schema.Default{Kind: schema.DefaultExpr, Value: strValue(v.Arg(0))}
	case v.Kind == pyread.VCall && strings.Contains(v.Name, "func."):
		return &schema.Default{Kind: schema.DefaultExpr, Value: v.Name[strings.LastIndex(v.Name, "func.")+5:] + "()"}
	case v.Kind == pyread.VCall && (v.LastName() == "false" || v.LastName() == "true"):
		return &schema.Default{Kind: schema.DefaultBool, Value: v.LastName()}
	}
	panic(parseError{"server_default is not a string, sa.text(), sa.func.*() or sa.true()/sa.false()"})
}

func (r *alembicReader) alterColumn(a map[string]*pyread.Value, line int) {
	o := op{kind: opAlterColumn, table: r.tableName(a["table_name"], nil, a["schema"]), name: strValue(a["column_name"])}
	if n := a["nullable"]; n != nil {
		b := n.Truthy()
		o.alter.null = &b
	}
	if t := a["type_"]; t != nil {
		typ := r.typeOf(t)
		o.alter.typ = &typ
		o.alter.using = strValue(a["postgresql_using"])
	}
	if d, ok := a["server_default"]; ok {
		if d.Kind == pyread.VConst && (d.Str == "None" || d.Str == "False") {
			o.alter.dropDefault = true
		} else {
			o.alter.def = r.serverDefault(d)
		}
	}
	r.emit(o, line)
	if nn := strValue(a["new_column_name"]); nn != "" {
		r.emit(op{kind: opRenameColumn, table: o.table, name: o.name, newName: nn}, line)
	}
	if c, ok := a["comment"]; ok {
		r.emit(op{kind: opComment, target: "column", table: o.table, name: strValue(a["new_column_name"]) + o.name, value: strValue(c)}, line)
	}
}

func (r *alembicReader) createIndex(a map[string]*pyread.Value, line int) {
	q := r.tableName(a["table_name"], nil, a["schema"])
	x := &schema.Index{Name: strValue(a["index_name"]), Unique: a["unique"].Truthy()}
	cols := a["columns"]
	if cols == nil {
		panic(parseError{"create_index without columns"})
	}
	items := cols.Items
	if cols.Kind == pyread.VString || cols.Kind == pyread.VCall {
		items = []*pyread.Value{cols}
	}
	for _, it := range items {
		switch {
		case it.Kind == pyread.VString:
			x.Parts = append(x.Parts, schema.IndexPart{Column: it.Str})
		case it.Kind == pyread.VCall && (it.LastName() == "desc" || it.LastName() == "asc"):
			inner := r.sqlText(it.Arg(0))
			if it.Fn != nil && it.Fn.Fn != nil { // sa.column('x').desc()
				inner = r.sqlText(it.Fn.Fn)
				if inner == "" && it.Fn.Fn.Kind == pyread.VCall {
					inner = strValue(it.Fn.Fn.Arg(0))
				}
			}
			x.Parts = append(x.Parts, schema.IndexPart{Column: inner, Desc: it.LastName() == "desc"})
		default:
			expr := r.sqlText(it)
			if expr == "" {
				panic(parseError{"an index key that is not a column name or sa.text()"})
			}
			x.Parts = append(x.Parts, r.exprParts(expr)...)
		}
	}
	if r.d == schema.SQLServer {
		x.Clustered = r.clustered(a["mssql_clustered"])
		x.Where = r.sqlText(a["mssql_where"])
		x.Include = strList(a["mssql_include"])
	} else {
		x.Where = r.sqlText(a["postgresql_where"])
		x.Include = strList(a["postgresql_include"])
		x.Using = strValue(a["postgresql_using"])
		ops := dictItems(a["postgresql_ops"])
		for i := range x.Parts {
			if op, ok := ops[x.Parts[i].Column]; ok && x.Parts[i].Column != "" {
				x.Parts[i].Opclass = op
			}
		}
		with := dictItems(a["postgresql_with"])
		for _, k := range slices.Sorted(maps.Keys(with)) {
			x.With = append(x.With, k+"="+with[k])
		}
	}
	r.emit(op{kind: opCreateIndex, table: q, idx: x, ifExist: a["if_not_exists"].Truthy(), concurrently: a["postgresql_concurrently"].Truthy()}, line)
}

// exprParts reads an sa.text() index key as SQL does: "col DESC NULLS
// LAST" is a column with its order, anything else an expression.
func (r *alembicReader) exprParts(expr string) (parts []schema.IndexPart) {
	src := "(" + expr + ")"
	p := &sqlParser{file: r.file, src: src, toks: lexSQL(src, 1, r.d == schema.SQLServer), d: r.d}
	defer func() {
		if rec := recover(); rec != nil {
			if _, ok := rec.(parseError); !ok {
				panic(rec)
			}
			parts = []schema.IndexPart{{Expr: expr}}
		}
	}()
	parts = p.indexParts()
	if !p.eof() {
		return []schema.IndexPart{{Expr: expr}}
	}
	return parts
}

// dictItems reads a Python dict of string keys and string or number values
// ({"fillfactor": "70"}, {"fillfactor": 70}, {"title": "text_pattern_ops"});
// nil for anything else. Python's True and False read as true and false.
func dictItems(v *pyread.Value) map[string]string {
	if v == nil || v.Kind != pyread.VDict {
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(v.Items); i += 2 {
		val := v.Items[i+1]
		switch val.Kind {
		case pyread.VNumber:
			out[strValue(v.Items[i])] = val.Str
		case pyread.VConst:
			out[strValue(v.Items[i])] = strings.ToLower(val.Str)
		default:
			out[strValue(v.Items[i])] = strValue(val)
		}
	}
	return out
}
