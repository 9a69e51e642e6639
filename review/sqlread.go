package review

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// parsed is what a reader got from one migration part: the ops in order and
// the findings about the text itself (unparsed statements, wrong options…).
type parsed struct {
	ops      []op
	findings []Finding
	// hints are facts the model cannot hold, for the analysis (client-side
	// defaults, autoincrement without identity).
	hints []hint
	// wrapped is set when the migration tool runs the part in a transaction
	// of its own (goose and dbmate by default, Alembic on PostgreSQL);
	// wrapReason says so for messages.
	wrapped    bool
	wrapReason string
}

// hint records something a migration said that the model has no field for.
type hint struct {
	kind   string // "client-default" or "autoincrement"
	table  schema.QName
	column string
	pos    schema.Pos
	value  string
}

// parseError stops the reading of one statement.
type parseError struct{ msg string }

func (e parseError) Error() string { return e.msg }

// readSQL reads the DDL statements of src (one migration part of file,
// starting at line firstLine) in dialect d.
func readSQL(file, src string, firstLine int, d schema.Dialect) parsed {
	return readSQLSession(file, src, firstLine, d, &schema.ModuleSettings{})
}

// readSQLSession is readSQL in a session whose SET ANSI_NULLS and
// QUOTED_IDENTIFIER are session (which the statements read change): a
// file's, or that of the statement running EXEC(N'…').
func readSQLSession(file, src string, firstLine int, d schema.Dialect, session *schema.ModuleSettings) parsed {
	var out parsed
	objectIDs := map[string]string{} // T-SQL variables outlive the statement that declares them
	toks := lexSQL(src, firstLine, d == schema.SQLServer)
	stmts := splitStatements(toks)
	if d == schema.SQLServer {
		stmts = splitTSQL(toks)
	}
	for _, stmt := range stmts {
		p := &sqlParser{file: file, src: src, toks: stmt, d: d, objectIDs: objectIDs, session: session}
		p.statements(&out)
	}
	return out
}

// sqlParser reads the statements of one batch: one statement up to ';' or,
// in T-SQL, where statements need no ';', every statement up to GO.
type sqlParser struct {
	file  string
	src   string
	toks  []sqlTok
	i     int
	start int // the first token of the current statement
	d     schema.Dialect
	ops   []op
	// cond is set after IF … (and ELSE): the next statement runs only when
	// the condition holds, so what it creates may exist and what it drops
	// may be missing. condBlocks holds, for each open BEGIN … END block,
	// whether the block is conditional.
	cond       bool
	condBlocks []bool
	// prefix is set when the statement read was only IF …, ELSE, BEGIN or
	// END: the statement it leads to may follow on the same line.
	prefix bool
	// objectIDs are the T-SQL variables declared = OBJECT_ID(N'name'), by
	// lower-case name: what EXEC sp_identitycolumnforreplication names.
	// Every statement of a file shares the map.
	objectIDs map[string]string
	// session is what SET ANSI_NULLS and SET QUOTED_IDENTIFIER said last in
	// the file: the settings a T-SQL module created now keeps.
	session *schema.ModuleSettings
}

func (p *sqlParser) pos() schema.Pos { return schema.Pos{File: p.file, Line: p.toks[p.start].line} }

// statements parses the batch into out, statement by statement; what it
// cannot read becomes an unparsed finding at the statement's first line.
func (p *sqlParser) statements(out *parsed) {
	for !p.eof() {
		p.start, p.ops = p.i, nil
		if !p.statement(out) {
			return
		}
	}
}

// statement parses one statement into out and reports whether the batch
// goes on after it (T-SQL statements without ';').
func (p *sqlParser) statement(out *parsed) (more bool) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			out.findings = append(out.findings, Finding{
				Code: CodeUnparsed, Severity: diff.Error, Pos: p.pos(),
				Object:  firstWords(p.toks[p.start:], 3),
				Message: fmt.Sprintf("Review cannot read this statement (%s); check by hand what it does to the schema.", pe.msg),
			})
			// Go on with the next T-SQL statement of the batch, if one can be found.
			p.i, p.cond = max(p.i, p.start+1), false
			p.skipStatement()
			more = !p.eof()
		}
	}()
	wasCond := p.cond
	p.prefix = false
	p.parse()
	if wasCond && p.cond {
		p.cond = false // the conditional statement is done
	}
	if !p.eof() && !p.prefix && !p.atStatementStart() {
		p.fail("unexpected %q", p.peek().text)
	}
	if !p.prefix {
		out.ops = append(out.ops, op{kind: opStatement, pos: p.pos(), stmt: p.stmtInfo()})
	}
	out.ops = append(out.ops, p.ops...)
	return !p.eof()
}

// tsqlStarters are the keywords that start a T-SQL statement on a new line
// of a batch without ';'.
var tsqlStarters = []string{"CREATE", "ALTER", "DROP", "EXEC", "EXECUTE", "SET", "BEGIN", "COMMIT", "ROLLBACK",
	"IF", "ELSE", "END", "USE", "PRINT", "INSERT", "UPDATE", "DELETE", "MERGE", "GRANT", "REVOKE", "DENY", "DECLARE",
	"RAISERROR", "THROW", "RETURN", "TRUNCATE", "WAITFOR", "sp_rename", "DISABLE", "ENABLE"}

// atStatementStart reports whether, in T-SQL, the next token starts another
// statement of the batch: a statement keyword first on its line.
func (p *sqlParser) atStatementStart() bool {
	if p.d != schema.SQLServer || p.eof() || p.i == 0 {
		return false
	}
	t := p.toks[p.i]
	if !strings.Contains(p.src[p.toks[p.i-1].end:t.start], "\n") {
		return false
	}
	for _, kw := range tsqlStarters {
		if t.is(kw) {
			return true
		}
	}
	return false
}

// skipStatement skips what is left of a statement that changes no schema:
// to the end of the batch, or in T-SQL to the next statement.
func (p *sqlParser) skipStatement() {
	for !p.eof() && !p.atStatementStart() {
		p.i++
	}
}

// skipAction skips the rest of an ALTER TABLE action that changes no schema:
// up to a ',' outside parentheses or the end of the statement.
func (p *sqlParser) skipAction() {
	depth := 0
	for !p.eof() && !p.atStatementStart() {
		t := p.peek()
		if t.kind == tkPunct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
			case ",":
				if depth <= 0 {
					return
				}
			}
		}
		p.i++
	}
}

func firstWords(toks []sqlTok, n int) string {
	var ws []string
	for _, t := range toks {
		if len(ws) == n {
			break
		}
		ws = append(ws, strings.ToUpper(t.text))
	}
	return strings.Join(ws, " ")
}

func (p *sqlParser) fail(format string, args ...any) {
	panic(parseError{fmt.Sprintf(format, args...)})
}

func (p *sqlParser) eof() bool { return p.i >= len(p.toks) }

func (p *sqlParser) peek() sqlTok {
	if p.eof() {
		return sqlTok{kind: tkSep, text: "end of statement"}
	}
	return p.toks[p.i]
}

func (p *sqlParser) next() sqlTok {
	t := p.peek()
	if p.eof() {
		p.fail("unexpected end of statement")
	}
	p.i++
	return t
}

// at reports whether the next tokens are the keywords kws.
func (p *sqlParser) at(kws ...string) bool {
	for k, kw := range kws {
		if p.i+k >= len(p.toks) {
			return false
		}
		t := p.toks[p.i+k]
		if !(t.is(kw) || t.kind == tkPunct && t.text == kw) {
			return false
		}
	}
	return true
}

// accept consumes the keywords kws when they come next.
func (p *sqlParser) accept(kws ...string) bool {
	if p.at(kws...) {
		p.i += len(kws)
		return true
	}
	return false
}

func (p *sqlParser) expect(kws ...string) {
	if !p.accept(kws...) {
		p.fail("expected %s, found %q", strings.Join(kws, " "), p.peek().text)
	}
}

// ident reads one identifier (or a keyword used as one).
func (p *sqlParser) ident() string {
	t := p.next()
	switch t.kind {
	case tkIdent:
		if p.d == schema.Postgres {
			return strings.ToLower(t.text)
		}
		return t.text
	case tkQIdent:
		return t.text
	}
	p.fail("expected a name, found %q", t.text)
	return ""
}

// nameParts reads a dotted name: a.b.c.
func (p *sqlParser) nameParts() []string {
	parts := []string{p.ident()}
	for p.accept(".") {
		parts = append(parts, p.ident())
	}
	return parts
}

// qname reads [db.]schema.name or name.
func (p *sqlParser) qname() schema.QName {
	parts := p.nameParts()
	return partsQName(parts, p.d)
}

func partsQName(parts []string, d schema.Dialect) schema.QName {
	n := len(parts)
	if n == 1 {
		return schema.QName{Schema: d.DefaultSchema(), Name: parts[0]}
	}
	return schema.QName{Schema: parts[n-2], Name: parts[n-1]}
}

// str reads a string literal.
func (p *sqlParser) str() string {
	t := p.next()
	if t.kind != tkString {
		p.fail("expected a string, found %q", t.text)
	}
	return t.text
}

// parenRange reads a parenthesized group and returns the source text inside it.
func (p *sqlParser) parenText() string {
	if !p.at("(") {
		p.fail("expected (, found %q", p.peek().text)
	}
	open := p.next()
	depth := 1
	for {
		t := p.next()
		if t.kind == tkPunct && t.text == "(" {
			depth++
		}
		if t.kind == tkPunct && t.text == ")" {
			depth--
			if depth == 0 {
				return strings.TrimSpace(p.src[open.end:t.start])
			}
		}
	}
}

// skipParens skips a parenthesized group when one comes next.
func (p *sqlParser) skipParens() {
	if p.at("(") {
		p.parenText()
	}
}

// exprUntil reads source text up to (not including) a token at depth 0 for
// which stop is true, or the end of the statement.
func (p *sqlParser) exprUntil(stop func(t sqlTok) bool) string {
	if p.eof() {
		p.fail("expected an expression")
	}
	first, last := p.peek(), sqlTok{}
	depth := 0
	for !p.eof() && !(depth == 0 && last.end > 0 && p.atStatementStart()) {
		t := p.peek()
		if depth == 0 && (stop(t) || t.kind == tkPunct && (t.text == "," || t.text == ")")) {
			break
		}
		if t.kind == tkPunct && t.text == "(" {
			depth++
		}
		if t.kind == tkPunct && t.text == ")" {
			depth--
		}
		last = p.next()
	}
	if last.end == 0 {
		p.fail("expected an expression, found %q", first.text)
	}
	return strings.TrimSpace(p.src[first.start:last.end])
}

// nameList reads (a, b, c).
func (p *sqlParser) nameList() []string {
	p.expect("(")
	var names []string
	for {
		names = append(names, p.ident())
		p.accept("ASC") // SQL Server allows ASC/DESC in constraint columns
		p.accept("DESC")
		if !p.accept(",") {
			break
		}
	}
	p.expect(")")
	return names
}

func (p *sqlParser) emit(o op) {
	o.pos = p.pos()
	if p.cond || slices.Contains(p.condBlocks, true) {
		o.ifExist = true // IF EXISTS … / IF NOT EXISTS … guard the statement
	}
	p.ops = append(p.ops, o)
}

// parse reads the statement.
func (p *sqlParser) parse() {
	t := p.peek()
	switch {
	case p.typeObjectStatement():
		// extensions, sequences, domains (sqlread_types.go)
	case p.tsqlModuleStatement():
		// T-SQL views, functions, procedures, triggers (sqlread_tsql_modules.go)
	case p.outsideModel():
		// objects the schema model does not hold: no change to review
	case p.d == schema.SQLServer && (p.at("DISABLE", "TRIGGER") || p.at("ENABLE", "TRIGGER")):
		p.next()
		p.skipStatement() // a trigger's state: no change to the tables review follows
	case p.at("CREATE"):
		p.next()
		p.create()
	case p.at("DROP"):
		p.next()
		p.drop()
	case p.at("ALTER", "TABLE"):
		p.i += 2
		p.alterTable()
	case p.at("ALTER", "TYPE"):
		p.i += 2
		p.alterType()
	case p.at("ALTER", "SCHEMA"):
		// ALTER SCHEMA s TRANSFER [OBJECT::]t moves table t to schema s (SQL Server).
		p.i += 2
		to := p.ident()
		p.expect("TRANSFER")
		if p.accept("OBJECT") {
			for p.peek().text == ":" || p.peek().text == "::" {
				p.next()
			}
		}
		q := p.qname()
		p.emit(op{kind: opRenameTable, table: q, newName: to + "." + q.Name})
	case p.d == schema.Postgres && p.at("ALTER", "POLICY"):
		p.i += 2
		p.policy("alter")
	case p.at("ALTER", "INDEX"):
		p.i += 2
		p.accept("IF", "EXISTS")
		from := p.qname()
		switch {
		case p.d == schema.SQLServer && p.accept("ON"):
			p.alterIndexOn(from.Name)
		case p.accept("SET"), p.accept("RESET"):
			action := strings.ToLower(p.toks[p.i-1].text)
			x := &schema.Index{With: storageParams(p.parenText())}
			p.emit(op{kind: opAlterIndexStorage, name: from.Name, table: schema.QName{Schema: from.Schema}, idx: x, value: action})
		default:
			p.expect("RENAME", "TO")
			p.emit(op{kind: opRenameIndex, name: from.Name, newName: p.ident(), table: schema.QName{Schema: from.Schema}})
		}
	case p.at("COMMENT", "ON"):
		p.i += 2
		p.commentOn()
	case p.at("EXEC") || p.at("EXECUTE"):
		p.next()
		p.exec()
	case t.is("sp_rename") || t.is("sp_addextendedproperty") || t.is("sp_updateextendedproperty") || t.is("sp_dropextendedproperty"):
		p.exec()
	case p.d == schema.SQLServer && p.at("DECLARE"):
		p.declare()
	case p.d == schema.SQLServer && p.at("IF"):
		p.next()
		p.condition()
		p.cond, p.prefix = true, true
	case p.d == schema.SQLServer && p.at("ELSE"):
		p.next()
		p.cond, p.prefix = true, true
	case p.d == schema.SQLServer && (p.at("BEGIN", "TRY") || p.at("BEGIN", "CATCH")):
		p.i += 2
		p.condBlocks = append(p.condBlocks, p.cond)
		p.cond, p.prefix = false, true
	case p.d == schema.SQLServer && p.at("BEGIN") && !p.at("BEGIN", "TRAN") && !p.at("BEGIN", "TRANSACTION") && !p.at("BEGIN", "DISTRIBUTED"):
		p.next() // BEGIN … END block
		p.condBlocks = append(p.condBlocks, p.cond)
		p.cond, p.prefix = false, true
	case p.d == schema.SQLServer && p.at("END") && len(p.condBlocks) > 0:
		p.next()
		if !p.accept("TRY") {
			p.accept("CATCH")
		}
		p.condBlocks = p.condBlocks[:len(p.condBlocks)-1]
		p.prefix = true
	case p.at("BEGIN"), p.at("COMMIT"), p.at("ROLLBACK"), p.at("END"), p.at("START", "TRANSACTION"),
		p.at("SET"), p.at("USE"), p.at("PRINT"), p.at("SELECT"), p.at("INSERT"), p.at("UPDATE"),
		p.at("DELETE"), p.at("MERGE"), p.at("TRUNCATE"), p.at("GRANT"), p.at("REVOKE"), p.at("DENY"),
		p.at("ANALYZE"), p.at("VACUUM"), p.at("DECLARE"), p.at("RAISERROR"), p.at("THROW"), p.at("RETURN"),
		p.at("WAITFOR"), p.at("REINDEX"), p.at("CLUSTER"), p.at("REFRESH"), p.at("CHECKPOINT"), p.at("LOCK"),
		p.at("SAVEPOINT"), p.at("RELEASE"), p.at("RESET"), p.at("DISCARD"), p.at("NOTIFY"), p.at("LISTEN"),
		p.at("SAVE"), p.at("COPY"), p.at("WITH"), p.at("VALUES"), p.at("CALL"):
		p.next()
		p.skipStatement() // no schema change
	default:
		p.fail("%s statements are not understood", strings.ToUpper(t.text))
	}
}

// condition skips the condition of an IF, up to the statement it guards.
func (p *sqlParser) condition() {
	depth := 0
	for !p.eof() {
		t := p.peek()
		if depth == 0 && p.i > p.start+1 && t.kind == tkIdent {
			for _, kw := range tsqlStarters {
				if t.is(kw) && !t.is("IF") && !t.is("ELSE") && !t.is("END") {
					return
				}
			}
		}
		if t.kind == tkPunct && t.text == "(" {
			depth++
		}
		if t.kind == tkPunct && t.text == ")" {
			depth--
		}
		p.i++
	}
	p.fail("IF without a statement")
}

// otherObjects are objects the schema model does not hold: CREATE, ALTER and
// DROP of them change nothing review compares (PostgreSQL functions,
// views, sequences, extensions and policies are read before this list is
// looked at; on SQL Server, modules are skipped).
var otherObjects = [][]string{{"FUNCTION"}, {"PROCEDURE"}, {"PROC"}, {"TRIGGER"}, {"EVENT", "TRIGGER"}, {"VIEW"},
	{"MATERIALIZED", "VIEW"}, {"ROLE"}, {"USER"}, {"LOGIN"}, {"GROUP"},
	{"AGGREGATE"}, {"OPERATOR"}, {"RULE"}, {"PUBLICATION"}, {"SUBSCRIPTION"}, {"SYNONYM"}, {"STATISTICS"},
	{"FULLTEXT"}, {"CAST"}, {"LANGUAGE"}, {"TRANSFORM"}, {"CONVERSION"}, {"TEXT", "SEARCH"}, {"SERVER"},
	{"FOREIGN", "DATA", "WRAPPER"}, {"USER", "MAPPING"}, {"DATABASE"}, {"TABLESPACE"}, {"DEFAULT", "PRIVILEGES"},
	{"SYSTEM"}, {"TEMP", "TABLE"}, {"TEMPORARY", "TABLE"}, {"LARGE", "OBJECT"}}

// skipName returns the index of the token after IF EXISTS, ONLY and a dotted
// name starting at token k.
func (p *sqlParser) skipName(k int) int {
	for k+1 < len(p.toks) && p.toks[k].is("IF") && p.toks[k+1].is("EXISTS") || k < len(p.toks) && p.toks[k].is("ONLY") {
		if p.toks[k].is("IF") {
			k++
		}
		k++
	}
	for k < len(p.toks) && (p.toks[k].kind == tkIdent || p.toks[k].kind == tkQIdent) {
		k++
		if k < len(p.toks) && p.toks[k].text == "." {
			k++
			continue
		}
		break
	}
	return k
}

// outsideModel reports whether the statement creates, alters or drops an
// object outside the schema model (or only changes an owner), and skips it.
func (p *sqlParser) outsideModel() bool {
	j := p.i
	if !(p.at("CREATE") || p.at("ALTER") || p.at("DROP")) || p.isPgFunctionStatement() {
		return false
	}
	p.i++
	p.accept("OR", "REPLACE")
	p.accept("OR", "ALTER")
	p.accept("TRUSTED")
	p.accept("PROCEDURAL")
	p.accept("CONSTRAINT") // CREATE CONSTRAINT TRIGGER
	if p.isViewStatement(j) {
		p.i = j
		return false
	}
	for _, kws := range otherObjects {
		if p.at(kws...) {
			// A T-SQL module (procedure, function, trigger, view) is the whole batch.
			module := !p.toks[j].is("DROP") && (p.at("PROCEDURE") || p.at("PROC") || p.at("FUNCTION") || p.at("TRIGGER") || p.at("VIEW"))
			p.i += len(kws)
			if module || p.d != schema.SQLServer {
				p.i = len(p.toks)
			}
			p.skipStatement()
			return true
		}
	}
	// ALTER TYPE|SCHEMA x OWNER TO …; ALTER INDEX x [ON t] REBUILD|REORGANIZE|SET|RESET …
	// but SQL Server's REBUILD and SET (index options: alterIndexOn reads them) and PostgreSQL's
	// SET|RESET (storage parameters), which the model holds.
	if p.toks[j].is("ALTER") && (p.at("TYPE") || p.at("SCHEMA") || p.at("INDEX")) {
		index := p.at("INDEX")
		k := p.skipName(p.i + 1)
		if index && k < len(p.toks) && p.toks[k].is("ON") {
			k = p.skipName(k + 1)
		}
		storage := p.d == schema.Postgres && k+1 < len(p.toks) && p.toks[k+1].text == "("
		if k+1 < len(p.toks) && p.toks[k].is("OWNER") && p.toks[k+1].is("TO") || index && k < len(p.toks) &&
			(p.toks[k].is("REORGANIZE") || p.toks[k].is("REBUILD") && p.d != schema.SQLServer ||
				(p.toks[k].is("SET") || p.toks[k].is("RESET")) && !storage && !(p.d == schema.SQLServer && p.toks[k].is("SET"))) {
			p.i = k
			p.skipStatement()
			return true
		}
	}
	p.i = j
	return false
}

func (p *sqlParser) create() {
	switch {
	case p.createFunctionOrTrigger():
	case p.d == schema.Postgres && p.accept("POLICY"):
		p.policy("create")
	case p.accept("SCHEMA"):
		ine := p.accept("IF", "NOT", "EXISTS")
		name := p.ident()
		if p.accept("AUTHORIZATION") {
			p.ident()
		}
		p.emit(op{kind: opCreateSchema, name: name, ifExist: ine})
	case p.accept("TYPE"):
		q := p.qname()
		if p.at("AS", "(") {
			p.next()
			p.compositeType(q)
			return
		}
		p.expect("AS", "ENUM")
		p.expect("(")
		var vals []string
		for !p.accept(")") {
			vals = append(vals, p.str())
			p.accept(",")
		}
		p.emit(op{kind: opCreateEnum, enum: &schema.Enum{Schema: q.Schema, Name: q.Name, Values: vals}})
	case p.at("TABLE") || p.at("UNLOGGED", "TABLE"):
		unlogged := p.accept("UNLOGGED")
		p.next()
		p.createTable(unlogged)
	case p.at("OR", "REPLACE", "VIEW") || p.at("VIEW") || p.at("MATERIALIZED", "VIEW"):
		p.createView()
	default:
		p.createIndex()
	}
}

// createTable reads CREATE [UNLOGGED] TABLE after TABLE; PostgreSQL's
// WITH (storage parameters) is read, the rest after the column list skipped.
func (p *sqlParser) createTable(unlogged bool) {
	ine := p.accept("IF", "NOT", "EXISTS")
	q := p.qname()
	t := &schema.Table{Schema: q.Schema, Name: q.Name}
	t.Unlogged = unlogged
	var idxs []*schema.Index
	var parent schema.QName
	if p.d == schema.Postgres && p.accept("PARTITION", "OF") {
		parent = p.qname()
		if !p.at("(") {
			t.PartitionOf = &schema.PartitionOf{Parent: parent.String(), Bound: p.restText()}
			p.emit(op{kind: opCreateTable, tbl: t, ifExist: ine, table: q})
			return
		}
	}
	p.expect("(")
	for {
		switch {
		case p.at("CONSTRAINT") || p.at("PRIMARY") || p.at("UNIQUE") || p.at("CHECK") || p.at("EXCLUDE") || p.at("FOREIGN"):
			o := p.constraint()
			addToTable(t, o)
		case p.at("INDEX"): // SQL Server inline index
			p.next()
			x := &schema.Index{Name: p.ident()}
			x.Unique = p.accept("UNIQUE")
			x.Clustered = p.clustered()
			x.Parts = p.indexParts()
			idxs = append(idxs, x)
		default:
			t.Columns = append(t.Columns, p.column(t))
		}
		if !p.accept(",") {
			break
		}
	}
	p.expect(")")
	switch {
	case parent.Name != "":
		t.PartitionOf = &schema.PartitionOf{Parent: parent.String(), Bound: p.restText()}
	case p.d == schema.Postgres && p.accept("PARTITION", "BY"):
		strategy := p.ident()
		t.PartitionBy = schema.ParsePartitionKey(strategy + " (" + p.parenText() + ")")
	}
	if p.d == schema.Postgres && p.at("WITH", "(") {
		p.accept("WITH")
		t.StorageParameters = storageParams(p.parenText())
	}
	p.skipStatement() // WITH (...), ON filegroup, TABLESPACE …
	p.emit(op{kind: opCreateTable, tbl: t, ifExist: ine, table: q})
	for _, x := range idxs {
		p.emit(op{kind: opCreateIndex, table: q, idx: x})
	}
}

// addToTable puts a constraint read inside CREATE TABLE on t.
func addToTable(t *schema.Table, o op) {
	switch {
	case o.pk != nil:
		t.PrimaryKey = o.pk
	case o.uq != nil:
		t.Uniques = append(t.Uniques, o.uq)
	case o.ck != nil:
		t.Checks = append(t.Checks, o.ck)
	case o.ex != nil:
		t.Excludes = append(t.Excludes, o.ex)
	case o.fk != nil:
		t.ForeignKeys = append(t.ForeignKeys, o.fk)
	}
}

// clustered reads an optional CLUSTERED / NONCLUSTERED.
func (p *sqlParser) clustered() *bool {
	switch {
	case p.accept("CLUSTERED"):
		v := true
		return &v
	case p.accept("NONCLUSTERED"):
		v := false
		return &v
	}
	return nil
}

// constraint reads a table constraint: [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | EXCLUDE | FOREIGN KEY | DEFAULT … FOR col.
func (p *sqlParser) constraint() op {
	var name string
	if p.accept("CONSTRAINT") {
		name = p.ident()
	}
	var o op
	switch {
	case p.accept("PRIMARY", "KEY"):
		cl := p.clustered()
		o.pk = &schema.PrimaryKey{Name: name, Clustered: cl}
		if o.usingIndex = p.usingIndex(); o.usingIndex == "" {
			o.pk.Columns, o.pk.Desc = p.keyList()
		}
		o.pk.Deferrable, o.pk.InitiallyDeferred = p.deferrable()
	case p.accept("UNIQUE"):
		nnd := p.accept("NULLS", "NOT", "DISTINCT")
		p.accept("NULLS", "DISTINCT")
		cl := p.clustered()
		o.uq = &schema.Unique{Name: name, Clustered: cl, NullsNotDistinct: nnd}
		if o.usingIndex = p.usingIndex(); o.usingIndex == "" {
			o.uq.Columns, o.uq.Desc = p.keyList()
		}
		o.uq.Deferrable, o.uq.InitiallyDeferred = p.deferrable()
	case p.accept("CHECK"):
		nfr := p.accept("NOT", "FOR", "REPLICATION") // SQL Server: CHECK NOT FOR REPLICATION (expr)
		o.ck = &schema.Check{Name: name, Expr: p.parenText()}
		o.ck.NotForReplication = nfr
		for {
			switch {
			case p.accept("NO", "INHERIT"):
				o.ck.NoInherit = true
			case p.accept("NOT", "VALID"):
				o.ck.NotValid, o.notValid = true, true
			case p.accept("NOT", "FOR", "REPLICATION"):
			default:
				return p.constraintOptions(o)
			}
		}
	case p.accept("EXCLUDE"):
		o.ex = p.exclude(name)
	case p.accept("FOREIGN", "KEY"):
		cols := p.nameList()
		o.fk = p.references(name, cols)
		o.notValid = o.fk.NotValid
	case p.accept("DEFAULT"):
		expr := p.exprUntil(func(t sqlTok) bool { return t.is("FOR") })
		p.expect("FOR")
		o.def = &schema.Default{Kind: schema.DefaultExpr, Value: expr}
		o.name, o.value = name, p.ident()
		p.accept("WITH", "VALUES")
	default:
		p.fail("expected a constraint, found %q", p.peek().text)
	}
	return p.constraintOptions(o)
}

// deferrable reads the optional [NOT] DEFERRABLE and INITIALLY
// DEFERRED|IMMEDIATE clauses of a PostgreSQL constraint, in any order.
func (p *sqlParser) deferrable() (deferrable, initiallyDeferred bool) {
	for {
		switch {
		case p.accept("DEFERRABLE"):
			deferrable = true
		case p.accept("INITIALLY", "DEFERRED"):
			initiallyDeferred = true
		case p.accept("NOT", "DEFERRABLE"), p.accept("INITIALLY", "IMMEDIATE"):
		default:
			return deferrable, initiallyDeferred
		}
	}
}

// constraintOptions reads the SQL Server options that may end a constraint
// (WITH (…), ON filegroup) and returns o.
func (p *sqlParser) constraintOptions(o op) op {
	for p.accept("WITH") { // WITH (FILLFACTOR = …)
		p.skipParens()
	}
	if p.accept("ON") { // ON [PRIMARY]
		p.ident()
	}
	return o
}

// usingIndex reads USING INDEX name (PostgreSQL: a constraint made of an
// existing unique index) and returns the name, or "" when it does not come next.
func (p *sqlParser) usingIndex() string {
	if p.accept("USING", "INDEX") {
		return p.ident()
	}
	return ""
}

// references reads REFERENCES table [(cols)] and the actions after it.
func (p *sqlParser) references(name string, cols []string) *schema.ForeignKey {
	p.expect("REFERENCES")
	q := p.qname()
	fk := &schema.ForeignKey{Name: name, Columns: cols, RefSchema: q.Schema, RefTable: q.Name}
	if p.at("(") {
		fk.RefColumns = p.nameList()
	}
	for {
		switch {
		case p.accept("ON", "DELETE"):
			fk.OnDelete = p.action()
		case p.accept("ON", "UPDATE"):
			fk.OnUpdate = p.action()
		case p.accept("DEFERRABLE"):
			fk.Deferrable = true
		case p.accept("NOT", "FOR", "REPLICATION"):
			fk.NotForReplication = true
		case p.accept("NOT", "DEFERRABLE"), p.accept("INITIALLY", "IMMEDIATE"), p.accept("MATCH", "SIMPLE"):
		case p.accept("MATCH", "FULL"):
			fk.MatchFull = true
		case p.accept("NOT", "VALID"):
			fk.NotValid = true
		case p.accept("INITIALLY", "DEFERRED"):
			fk.InitiallyDeferred = true
		default:
			return fk
		}
	}
}

func (p *sqlParser) action() string {
	for _, a := range [][]string{{"NO", "ACTION"}, {"SET", "NULL"}, {"SET", "DEFAULT"}, {"CASCADE"}, {"RESTRICT"}} {
		if p.accept(a...) {
			return strings.Join(a, " ")
		}
	}
	p.fail("expected a referential action, found %q", p.peek().text)
	return ""
}

// columnStop reports whether t starts a column constraint (ends a type or default).
func columnStop(t sqlTok) bool {
	for _, kw := range []string{"NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
		"REFERENCES", "COLLATE", "GENERATED", "IDENTITY", "AS", "ROWGUIDCOL", "SPARSE", "PERSISTED"} {
		if t.is(kw) {
			return true
		}
	}
	return false
}

// typeText reads a column type up to the first column constraint.
func (p *sqlParser) typeText() string {
	var b strings.Builder
	depth := 0
	prevWord := false
	for !p.eof() && !(depth == 0 && b.Len() > 0 && p.atStatementStart()) {
		t := p.peek()
		if depth == 0 && (columnStop(t) || t.kind == tkPunct && (t.text == "," || t.text == ")")) || t.is("USING") {
			break
		}
		p.next()
		word := t.kind == tkIdent || t.kind == tkQIdent || t.kind == tkNumber
		if word && prevWord && depth == 0 {
			b.WriteByte(' ')
		}
		switch t.kind {
		case tkIdent:
			b.WriteString(strings.ToLower(t.text))
		default:
			b.WriteString(t.text)
		}
		prevWord = word
		if t.text == "(" {
			depth++
		}
		if t.text == ")" {
			depth--
			prevWord = depth == 0 // timestamp(3) without time zone
		}
	}
	if b.Len() == 0 {
		p.fail("expected a type, found %q", p.peek().text)
	}
	return b.String()
}

// column reads a column definition.
func (p *sqlParser) column(t *schema.Table) *schema.Column {
	c := &schema.Column{Null: true, Pos: schema.Pos{File: p.file, Line: p.peek().line}}
	c.Name = p.ident()
	if !p.at("AS") {
		c.Type = p.typeText()
	}
	for {
		var cname string
		if p.accept("CONSTRAINT") {
			cname = p.ident()
		}
		switch {
		case p.accept("NOT", "NULL"):
			c.Null = false
		case p.accept("NULL"):
			c.Null = true
		case p.accept("DEFAULT"):
			if p.at("NULL") && (p.i+1 >= len(p.toks) || columnStop(p.toks[p.i+1]) || p.toks[p.i+1].text == "," || p.toks[p.i+1].text == ")") {
				p.next()
				break
			}
			c.Default = &schema.Default{Kind: schema.DefaultExpr, Value: p.exprUntil(columnStop)}
			c.DefaultName = cname
		case p.accept("IDENTITY"):
			c.Identity = &schema.Identity{Seed: 1, Increment: 1}
			if p.accept("(") {
				c.Identity.Seed = p.int()
				p.expect(",")
				c.Identity.Increment = p.int()
				p.expect(")")
			}
			c.Identity.NotForReplication = p.accept("NOT", "FOR", "REPLICATION")
		case p.accept("GENERATED"):
			always := p.accept("ALWAYS")
			if !always {
				p.expect("BY", "DEFAULT")
			}
			p.expect("AS")
			if p.accept("IDENTITY") {
				c.Identity = &schema.Identity{Always: always}
				p.identityParens(c.Identity)
			} else {
				c.Computed = &schema.Computed{Expr: p.parenText(), Persisted: p.accept("STORED")}
			}
		case p.accept("AS"):
			c.Computed = &schema.Computed{Expr: p.parenText(), Persisted: p.accept("PERSISTED")}
		case p.accept("PERSISTED"):
			if c.Computed != nil {
				c.Computed.Persisted = true
			}
		case p.accept("PRIMARY", "KEY"):
			c.Null = false
			t.PrimaryKey = &schema.PrimaryKey{Name: cname, Columns: []string{c.Name}, Clustered: p.clustered()}
		case p.accept("UNIQUE"):
			t.Uniques = append(t.Uniques, &schema.Unique{Name: cname, Columns: []string{c.Name}, Clustered: p.clustered()})
		case p.accept("CHECK"):
			nfr := p.accept("NOT", "FOR", "REPLICATION")
			t.Checks = append(t.Checks, &schema.Check{Name: cname, Expr: p.parenText(), ConstraintState: schema.ConstraintState{NotForReplication: nfr}})
		case p.at("REFERENCES"):
			t.ForeignKeys = append(t.ForeignKeys, p.references(cname, []string{c.Name}))
		case p.accept("COLLATE"):
			c.Collation = p.ident()
		case p.accept("ROWGUIDCOL"), p.accept("SPARSE"):
		default:
			if cname != "" {
				p.fail("expected a constraint after CONSTRAINT %s", cname)
			}
			return c
		}
	}
}

func (p *sqlParser) int() int64 {
	neg := p.accept("-")
	t := p.next()
	n, err := strconv.ParseInt(t.text, 10, 64)
	if t.kind != tkNumber || err != nil {
		p.fail("expected an integer, found %q", t.text)
	}
	if neg {
		n = -n
	}
	return n
}

// createIndex reads CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX … (after CREATE).
func (p *sqlParser) createIndex() {
	x := &schema.Index{}
	x.Unique = p.accept("UNIQUE")
	x.Clustered = p.clustered()
	x.Columnstore = p.d == schema.SQLServer && p.accept("COLUMNSTORE")
	p.expect("INDEX")
	o := op{kind: opCreateIndex, idx: x}
	o.concurrently = p.accept("CONCURRENTLY")
	o.ifExist = p.accept("IF", "NOT", "EXISTS")
	if !p.at("ON") {
		x.Name = p.ident()
	}
	p.expect("ON")
	p.accept("ONLY")
	o.table = p.qname()
	if p.accept("USING") {
		x.Using = strings.ToLower(p.ident())
	}
	if !x.Columnstore || p.at("(") { // a clustered columnstore index names no columns
		x.Parts = p.indexParts()
	}
	for !p.eof() && !p.atStatementStart() {
		switch {
		case p.accept("INCLUDE"):
			x.Include = p.nameList()
		case p.accept("NULLS", "NOT", "DISTINCT"):
			x.NullsNotDistinct = true
		case p.accept("NULLS", "DISTINCT"):
		case p.accept("WITH"):
			if !p.at("(") {
				break
			}
			options := p.parenText()
			switch {
			case p.d == schema.Postgres:
				x.With = storageParams(options)
			case indexOptions(x, options):
				o.concurrently = true // SQL Server ONLINE = ON: builds without blocking writes
			}
		case p.accept("TABLESPACE"):
			p.ident()
		case p.accept("WHERE"):
			x.Where = p.exprUntil(func(t sqlTok) bool { return t.is("WITH") || t.is("ON") })
		case p.accept("ON"):
			p.ident()
			p.skipParens()
		default:
			p.fail("unexpected %q in CREATE INDEX", p.peek().text)
		}
	}
	p.emit(o)
}

// indexParts reads (col [ASC|DESC] [NULLS FIRST|LAST], (expr), func(x) [opclass], …).
func (p *sqlParser) indexParts() []schema.IndexPart {
	parts, _ := p.indexKeys(false)
	return parts
}

// exclude reads an EXCLUDE constraint after EXCLUDE (PostgreSQL): [USING
// method] (key WITH operator, …) [INCLUDE (…)] [WITH (…)] [WHERE (…)]
// [DEFERRABLE …].
func (p *sqlParser) exclude(name string) *schema.Exclude {
	x := &schema.Exclude{Name: name}
	if p.accept("USING") {
		x.Using = p.ident()
	}
	parts, ops := p.indexKeys(true)
	for i, part := range parts {
		x.Elements = append(x.Elements, schema.ExcludeElement{IndexPart: part, Operator: ops[i]})
	}
	if p.at("INCLUDE") {
		p.next()
		x.Include = p.nameList()
	}
	if p.at("WITH", "(") {
		p.next()
		x.With = storageParams(p.parenText())
	}
	if p.accept("WHERE") {
		x.Where = p.parenText()
	}
	x.Deferrable, x.InitiallyDeferred = p.deferrable()
	return x
}

// indexKeys reads a parenthesized list of index keys; withOps (EXCLUDE)
// reads the WITH operator after each key and returns the operators too.
func (p *sqlParser) indexKeys(withOps bool) ([]schema.IndexPart, []string) {
	p.expect("(")
	var parts []schema.IndexPart
	var ops []string
	for {
		var part schema.IndexPart
		t := p.peek()
		if (t.kind == tkIdent || t.kind == tkQIdent) && p.i+1 < len(p.toks) && p.isPartEnd(p.toks[p.i+1]) {
			part.Column = p.ident()
		} else if p.at("(") && p.d == schema.Postgres {
			part.Expr = p.parenText()
		} else {
			part.Expr = p.exprUntil(func(t sqlTok) bool { return t.is("ASC") || t.is("DESC") || t.is("NULLS") || t.is("COLLATE") })
		}
		if p.accept("COLLATE") {
			part.Collation = p.ident()
		}
		for !p.at(",") && !p.at(")") && !p.eof() && !(withOps && p.at("WITH")) {
			switch {
			case p.accept("ASC"):
			case p.accept("DESC"):
				part.Desc = true
			case p.accept("NULLS", "FIRST"):
				part.Nulls = "first"
			case p.accept("NULLS", "LAST"):
				part.Nulls = "last"
			default: // operator class, with its parameters
				part.Opclass = strings.Join(p.nameParts(), ".")
				if p.at("(") {
					part.Opclass += "(" + p.parenText() + ")"
				}
			}
		}
		parts = append(parts, part)
		if withOps {
			p.expect("WITH")
			ops = append(ops, p.operator())
		}
		if !p.accept(",") {
			break
		}
	}
	p.expect(")")
	return parts, ops
}

// operator reads an operator up to the next , or ): && or
// OPERATOR(schema.op).
func (p *sqlParser) operator() string {
	if p.at("OPERATOR", "(") {
		p.next()
		return "OPERATOR(" + p.parenText() + ")"
	}
	var b strings.Builder
	for !p.at(",") && !p.at(")") && !p.eof() {
		b.WriteString(p.next().text)
	}
	return b.String()
}

// isPartEnd reports whether t can follow a plain column in an index key.
func (p *sqlParser) isPartEnd(t sqlTok) bool {
	return t.text == "," || t.text == ")" || t.is("WITH") || t.is("ASC") || t.is("DESC") || t.is("NULLS") || t.is("COLLATE") ||
		(t.kind == tkIdent || t.kind == tkQIdent) && p.d == schema.Postgres // opclass
}

func (p *sqlParser) drop() {
	switch {
	case p.dropFunctionOrTrigger():
	case p.d == schema.Postgres && p.accept("POLICY"):
		p.policy("drop")
	case p.accept("SCHEMA"):
		ie := p.accept("IF", "EXISTS")
		for {
			p.emit(op{kind: opDropSchema, name: p.ident(), ifExist: ie})
			if !p.accept(",") {
				break
			}
		}
	case p.accept("TYPE"):
		ie := p.accept("IF", "EXISTS")
		for {
			p.emit(op{kind: opDropEnum, table: p.qname(), ifExist: ie})
			if !p.accept(",") {
				break
			}
		}
	case p.accept("TABLE"):
		ie := p.accept("IF", "EXISTS")
		for {
			p.emit(op{kind: opDropTable, table: p.qname(), ifExist: ie})
			if !p.accept(",") {
				break
			}
		}
	case p.at("VIEW") || p.at("MATERIALIZED", "VIEW"):
		p.dropView()
	case p.accept("INDEX"):
		conc := p.accept("CONCURRENTLY")
		ie := p.accept("IF", "EXISTS")
		for {
			parts := p.nameParts()
			o := op{kind: opDropIndex, ifExist: ie, concurrently: conc}
			if p.accept("ON") { // SQL Server: DROP INDEX name ON table
				o.name, o.table = parts[len(parts)-1], p.qname()
			} else if p.d == schema.SQLServer && len(parts) >= 2 { // table.index
				o.name, o.table = parts[len(parts)-1], partsQName(parts[:len(parts)-1], p.d)
			} else {
				q := partsQName(parts, p.d)
				o.name, o.table = q.Name, schema.QName{Schema: q.Schema}
				if len(parts) == 1 {
					o.table.Schema = ""
				}
			}
			p.emit(o)
			if !p.accept(",") {
				break
			}
		}
	default:
		p.fail("DROP %s is not understood", strings.ToUpper(p.peek().text))
	}
	p.accept("CASCADE")
	p.accept("RESTRICT")
}

func (p *sqlParser) alterType() {
	q := p.qname()
	if p.alterCompositeType(q) {
		return
	}
	switch {
	case p.accept("RENAME", "TO"):
		p.emit(op{kind: opRenameEnum, table: q, newName: p.ident()})
		return
	case p.accept("SET", "SCHEMA"):
		p.emit(op{kind: opRenameEnum, table: q, newName: p.ident() + "." + q.Name})
		return
	case p.accept("RENAME", "VALUE"):
		o := op{kind: opRenameEnumValue, table: q, value: p.str()}
		p.expect("TO")
		o.newName = p.str()
		p.emit(o)
		return
	}
	p.expect("ADD", "VALUE")
	o := op{kind: opAddEnumValue, table: q}
	o.ifExist = p.accept("IF", "NOT", "EXISTS")
	o.value = p.str()
	switch {
	case p.accept("BEFORE"):
		o.name = p.str()
	case p.accept("AFTER"):
		o.name, o.newName = p.str(), "after"
	}
	p.emit(o)
}

func (p *sqlParser) alterTable() {
	ie := p.accept("IF", "EXISTS")
	p.accept("ONLY")
	q := p.qname()
	base := op{table: q, ifExist: ie}
	last := ""
	for {
		last = p.alterAction(base, last)
		if !p.accept(",") {
			return
		}
	}
}

// alterNoops are ALTER TABLE actions that change nothing the schema model
// holds (owners, row security, triggers, storage, validation of a
// constraint that exists already…). On PostgreSQL, tableOptionsAction reads
// the persistence, storage parameter and replica identity actions first.
var alterNoops = [][]string{{"OWNER", "TO"}, {"ENABLE"}, {"DISABLE"},
	{"FORCE", "ROW"}, {"NO", "FORCE"}, {"REPLICA", "IDENTITY"}, {"CLUSTER", "ON"}, {"SET", "WITHOUT"},
	{"SET", "TABLESPACE"}, {"SET", "("}, {"RESET", "("}, {"SET", "LOGGED"}, {"SET", "UNLOGGED"},
	{"SET", "ACCESS", "METHOD"}, {"REBUILD"}}

// alterAction reads one action of ALTER TABLE and returns what it was
// ("add", "drop column", "drop constraint" or ""): in T-SQL a list after ADD
// or DROP does not repeat the keyword (ADD a int, b int; DROP COLUMN a, b).
func (p *sqlParser) alterAction(base op, last string) string {
	o := base
	if p.d == schema.SQLServer && last != "" && !(p.at("ADD") || p.at("DROP") || p.at("ALTER") || p.at("WITH")) {
		switch last {
		case "add":
			p.add(base)
			return last
		case "drop column":
			o.kind, o.name = opDropColumn, p.ident()
			p.emit(o)
			return last
		case "drop constraint":
			o.kind, o.name = opDropConstraint, p.ident()
			p.emit(o)
			return last
		}
	}
	if p.d == schema.Postgres {
		if p.rlsAction(base) {
			return ""
		}
		if set := p.tableOptionsAction(); set != nil {
			o.kind, o.tableOpts = opTableOptions, set
			p.emit(o)
			return ""
		}
	}
	if p.triggerState(base) {
		return ""
	}
	for _, kws := range alterNoops {
		if p.at(kws...) {
			p.skipAction()
			return ""
		}
	}
	switch {
	case p.at("WITH", "NOCHECK", "ADD"):
		p.i += 3
		p.addNoCheck(base)
		return "add"
	case p.at("WITH", "CHECK", "CHECK", "CONSTRAINT"), p.at("WITH", "NOCHECK", "CHECK", "CONSTRAINT"):
		p.next()
		trust := strings.ToLower(p.next().text)
		p.constraintStateAction(base, trust)
		return ""
	case p.at("CHECK", "CONSTRAINT"), p.at("NOCHECK", "CONSTRAINT"):
		p.constraintStateAction(base, "nocheck")
		return ""
	case p.accept("WITH", "CHECK"), p.accept("WITH", "NOCHECK"):
		return p.alterAction(base, "")
	case p.accept("VALIDATE", "CONSTRAINT"):
		o.kind, o.name = opValidateConstraint, p.ident()
		p.emit(o)
		return ""
	case p.accept("ADD"):
		p.add(base)
		return "add"
	case p.accept("DROP"):
		kind := "drop column"
		switch {
		case p.accept("CONSTRAINT"):
			kind = "drop constraint"
			o.kind = opDropConstraint
			o.ifExist = p.accept("IF", "EXISTS") || o.ifExist
			o.name = p.ident()
		default:
			p.accept("COLUMN")
			o.kind = opDropColumn
			o.ifExist = p.accept("IF", "EXISTS") || o.ifExist
			o.name = p.ident()
		}
		p.accept("CASCADE")
		p.accept("RESTRICT")
		p.emit(o)
		return kind
	case p.accept("ALTER", "CONSTRAINT"):
		o.kind, o.name = opAlterDeferrable, p.ident()
		o.fk = &schema.ForeignKey{}
		o.fk.Deferrable, o.fk.InitiallyDeferred = p.deferrable()
		p.emit(o)
	case p.accept("ALTER"):
		p.accept("COLUMN")
		o.kind, o.name = opAlterColumn, p.ident()
		p.alterColumn(&o)
		p.emit(o)
	case p.accept("RENAME", "TO"):
		o.kind, o.newName = opRenameTable, p.ident()
		p.emit(o)
	case p.accept("RENAME", "CONSTRAINT"):
		o.kind, o.name = opRenameConstraint, p.ident()
		p.expect("TO")
		o.newName = p.ident()
		p.emit(o)
	case p.accept("RENAME"):
		p.accept("COLUMN")
		o.kind, o.name = opRenameColumn, p.ident()
		p.expect("TO")
		o.newName = p.ident()
		p.emit(o)
	case p.accept("SET", "SCHEMA"):
		o.kind, o.newName = opRenameTable, p.ident()+"."+base.table.Name
		p.emit(o)
	default:
		p.fail("ALTER TABLE … %s is not understood", strings.ToUpper(p.peek().text))
	}
	return ""
}

// add reads what follows ADD in ALTER TABLE: a constraint or a column.
func (p *sqlParser) add(base op) {
	o := base
	if p.at("CONSTRAINT") || p.at("PRIMARY") || p.at("UNIQUE") || p.at("CHECK") || p.at("EXCLUDE") || p.at("FOREIGN") || p.at("DEFAULT") {
		c := p.constraint()
		c.kind, c.table = opAddConstraint, base.table
		p.emit(c)
		return
	}
	p.accept("COLUMN")
	o.ifExist = p.accept("IF", "NOT", "EXISTS")
	t := &schema.Table{Schema: base.table.Schema, Name: base.table.Name}
	o.kind, o.col = opAddColumn, p.column(t)
	p.emit(o)
	for _, c := range tableConstraints(t) {
		c.kind, c.table = opAddConstraint, base.table
		p.emit(c)
	}
}

// tableConstraints turns the constraints a column definition put on t into ops.
func tableConstraints(t *schema.Table) []op {
	var ops []op
	if t.PrimaryKey != nil {
		ops = append(ops, op{pk: t.PrimaryKey})
	}
	for _, u := range t.Uniques {
		ops = append(ops, op{uq: u})
	}
	for _, c := range t.Checks {
		ops = append(ops, op{ck: c})
	}
	for _, f := range t.ForeignKeys {
		ops = append(ops, op{fk: f})
	}
	return ops
}

func (p *sqlParser) alterColumn(o *op) {
	a := &o.alter
	yes, no := true, false
	switch {
	case p.accept("TYPE"), p.accept("SET", "DATA", "TYPE"):
		typ, coll := p.typeText(), ""
		if p.accept("COLLATE") {
			coll = p.ident()
		}
		a.typ, a.collation = &typ, &coll
		if p.accept("USING") {
			a.using = p.exprUntil(func(sqlTok) bool { return false })
		}
	case p.accept("SET", "NOT", "NULL"):
		a.null = &no
	case p.accept("DROP", "NOT", "NULL"):
		a.null = &yes
	case p.accept("SET", "DEFAULT"):
		a.def = &schema.Default{Kind: schema.DefaultExpr, Value: p.exprUntil(func(sqlTok) bool { return false })}
	case p.accept("DROP", "DEFAULT"):
		a.dropDefault = true
	case p.accept("ADD", "GENERATED"):
		always := p.accept("ALWAYS")
		if !always {
			p.expect("BY", "DEFAULT")
		}
		p.expect("AS", "IDENTITY")
		a.identity = &schema.Identity{Always: always}
		p.identityParens(a.identity)
	case p.accept("DROP", "IDENTITY"):
		p.accept("IF", "EXISTS")
		a.dropIdent = true
	case p.d == schema.Postgres && p.columnStorage(a):
	case p.d == schema.Postgres && p.alterIdentity(a):
	case p.d == schema.SQLServer:
		// ALTER COLUMN c type [COLLATE x] [NULL | NOT NULL]: nullable unless NOT NULL.
		typ, coll := p.typeText(), ""
		if p.accept("COLLATE") {
			coll = p.ident()
		}
		a.typ, a.collation = &typ, &coll
		null := !p.accept("NOT", "NULL")
		p.accept("NULL")
		a.null = &null
	default:
		p.fail("ALTER COLUMN … %s is not understood", strings.ToUpper(p.peek().text))
	}
}

func (p *sqlParser) commentOn() {
	o := op{kind: opComment}
	switch {
	case p.commentOnFunctionOrTrigger(&o):
	case p.accept("SCHEMA"):
		o.target, o.name = "schema", p.ident()
	case p.accept("TABLE"):
		o.target, o.table = "table", p.qname()
	case p.accept("TYPE"):
		o.target, o.table = "type", p.qname()
	case p.accept("VIEW"), p.accept("MATERIALIZED", "VIEW"):
		o.target, o.table = "view", p.qname()
	case p.accept("INDEX"):
		q := p.qname()
		o.target, o.name, o.table = "index", q.Name, schema.QName{Schema: q.Schema}
	case p.accept("CONSTRAINT"):
		o.target, o.name = "constraint", p.ident()
		p.expect("ON")
		p.accept("DOMAIN")
		o.table = p.qname()
	case p.accept("POLICY"):
		p.commentOnPolicy()
		return
	case p.accept("EXTENSION"):
		o.target, o.name = "extension", p.ident()
	case p.accept("SEQUENCE"):
		o.target, o.table = "sequence", p.qname()
	case p.accept("DOMAIN"):
		o.target, o.table = "domain", p.qname()
	case p.accept("COLUMN"):
		parts := p.nameParts()
		if len(parts) < 2 {
			p.fail("COMMENT ON COLUMN needs table.column")
		}
		o.target, o.name, o.table = "column", parts[len(parts)-1], partsQName(parts[:len(parts)-1], p.d)
	default:
		p.skipStatement() // comments on other objects: not in the model
		return
	}
	p.expect("IS")
	if !p.accept("NULL") {
		o.value = p.str()
	}
	p.emit(o)
}

// exec reads EXEC sp_rename / sp_*extendedproperty / EXEC('…').
func (p *sqlParser) exec() {
	if p.at("(") { // EXEC(N'…'): the statement inside
		p.next()
		t := p.next()
		p.expect(")")
		if t.kind != tkString {
			p.fail("EXEC of a non-literal")
		}
		if p.session == nil {
			p.session = &schema.ModuleSettings{}
		}
		inner := readSQLSession(p.file, t.text, t.line, p.d, p.session)
		if len(inner.findings) > 0 {
			p.fail("%s", strings.TrimSuffix(inner.findings[0].Message, "."))
		}
		p.ops = append(p.ops, inner.ops...)
		return
	}
	parts := p.nameParts() // sp_rename, sys.sp_rename, [sys].[sp_rename]
	proc := strings.ToLower(parts[len(parts)-1])
	args := p.execArgs()
	switch proc {
	case "sp_rename":
		p.spRename(args)
	case "sp_addextendedproperty", "sp_updateextendedproperty", "sp_dropextendedproperty":
		p.extendedProperty(proc, args)
	case "sp_identitycolumnforreplication":
		p.identityReplication(args)
	default:
		p.fail("EXEC %s is not understood", proc)
	}
}

// execArgs reads procedure arguments, positional or @name = value, into a
// map keyed by position ("0", "1", …) and by lower-case name.
func (p *sqlParser) execArgs() map[string]string {
	args := map[string]string{}
	for n := 0; !p.eof(); n++ {
		key := strconv.Itoa(n)
		if t := p.peek(); t.kind == tkIdent && strings.HasPrefix(t.text, "@") && p.i+1 < len(p.toks) && p.toks[p.i+1].text == "=" { // @name = value, not a variable
			p.next()
			p.expect("=")
			key = strings.ToLower(strings.TrimPrefix(t.text, "@"))
		}
		t := p.next()
		args[key] = t.text
		if !p.accept(",") {
			break
		}
	}
	return args
}

func (p *sqlParser) spRename(args map[string]string) {
	from, to, kind := firstOf(args, "objname", "0"), firstOf(args, "newname", "1"), strings.ToUpper(firstOf(args, "objtype", "2"))
	parts := splitObjName(from)
	if len(parts) == 0 || to == "" {
		p.fail("sp_rename needs an object and a new name")
	}
	switch kind {
	case "COLUMN":
		if len(parts) < 2 {
			p.fail("sp_rename of a column needs table.column")
		}
		p.emit(op{kind: opRenameColumn, table: partsQName(parts[:len(parts)-1], p.d), name: parts[len(parts)-1], newName: to})
	case "INDEX":
		if len(parts) < 2 {
			p.fail("sp_rename of an index needs table.index")
		}
		p.emit(op{kind: opRenameIndex, table: partsQName(parts[:len(parts)-1], p.d), name: parts[len(parts)-1], newName: to})
	case "", "OBJECT": // a table, or a constraint (schema.constraint)
		p.emit(op{kind: opRenameObject, table: partsQName(parts, p.d), newName: to})
	default:
		p.fail("sp_rename of a %s is not understood", kind)
	}
}

// splitObjName splits 'dbo.users.email' (parts may be [bracketed]).
func splitObjName(s string) []string {
	var parts []string
	for _, t := range lexSQL(s, 1, true) {
		if t.kind == tkIdent || t.kind == tkQIdent {
			parts = append(parts, t.text)
		}
	}
	return parts
}

func firstOf(args map[string]string, keys ...string) string {
	for _, k := range keys {
		if v, ok := args[k]; ok {
			return v
		}
	}
	return ""
}

func (p *sqlParser) extendedProperty(proc string, args map[string]string) {
	name := firstOf(args, "name", "0")
	if !strings.EqualFold(name, "MS_Description") {
		return
	}
	off := 1 // the positional arguments after @value
	value := ""
	if proc != "sp_dropextendedproperty" {
		value, off = firstOf(args, "value", "1"), 2
	}
	level := func(n int, what string) string {
		return firstOf(args, fmt.Sprintf("level%d%s", n, what), strconv.Itoa(off+2*n+map[string]int{"type": 0, "name": 1}[what]))
	}
	o := op{kind: opComment, value: value}
	sch, typ1, tbl, typ2, col := level(0, "name"), strings.ToUpper(level(1, "type")), level(1, "name"), strings.ToUpper(level(2, "type")), level(2, "name")
	switch {
	case typ1 == "":
		o.target, o.name = "schema", sch
	case typ1 == "TABLE" && typ2 == "":
		o.target, o.table = "table", schema.QName{Schema: sch, Name: tbl}
	case typ1 == "TABLE" && typ2 == "COLUMN":
		o.target, o.table, o.name = "column", schema.QName{Schema: sch, Name: tbl}, col
	default:
		return
	}
	p.emit(o)
}
