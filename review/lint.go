package review

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// The codes of the migration linter: rules on how a migration is written and
// run (transactions, lock timeouts, column types), which the schema model
// and diff do not see. The rules on what a migration changes (table
// rewrites, blocking index builds, renames…) are diff's hazards.
const (
	CodeConcurrentlyInTx    = "concurrently-in-transaction" // CREATE/DROP INDEX CONCURRENTLY inside a transaction (PostgreSQL SQLSTATE 25001)
	CodeNestedTx            = "nested-transaction"          // BEGIN inside a transaction
	CodeUncommittedTx       = "uncommitted-transaction"     // BEGIN without COMMIT
	CodeTruncateCascade     = "truncate-cascade"            // TRUNCATE … CASCADE empties every referencing table too
	CodeMissingLockTimeout  = "missing-lock-timeout"        // a locking statement with no SET lock_timeout before it
	CodeEnumValueOrder      = "enum-value-order"            // ALTER TYPE … ADD VALUE BEFORE/AFTER
	CodeEnumValueInTx       = "enum-value-in-transaction"   // a value added to an enum used in the same transaction (SQLSTATE 55P04)
	CodeIdentifierTooLong   = "identifier-too-long"         // a name over 63 bytes (PostgreSQL) or 128 characters (SQL Server)
	CodePreferText          = "prefer-text"                 // varchar(n) where text with a check would do
	CodePreferTimestamptz   = "prefer-timestamptz"          // timestamp without time zone
	CodePreferIdentity      = "prefer-identity"             // serial types instead of an identity column
	CodePreferBigintKey     = "prefer-bigint-key"           // a 32-bit or 16-bit key column
	CodeCharType            = "char-type"                   // char(n), blank-padded
	CodePreferJSONB         = "prefer-jsonb"                // json, which has no equality operator
	CodeIgnoreWithoutReason = "ignore-without-reason"       // a schemadiff:ignore comment that gives no reason
	CodeUnusedSuppression   = "unused-suppression"          // a schemadiff:ignore comment that suppresses nothing
)

// AdviceCodes returns the codes of the rules that are advice rather than
// hazards of a change, always at information level: the column types a
// schema declares, the order of enum values, and a lock timeout that the
// runner may set instead of the file (docs/review.md, "Rules on
// schemadiff's own output").
func AdviceCodes() []string {
	return []string{CodeMissingLockTimeout, CodeEnumValueOrder, CodePreferText, CodePreferTimestamptz,
		CodePreferIdentity, CodePreferBigintKey, CodeCharType, CodePreferJSONB}
}

// stmtInfo is what the lint rules need of a SQL statement that the schema
// model has no place for.
type stmtInfo struct {
	// verb is "begin", "commit" or "rollback" for transaction control,
	// "set", "truncate", or "" for any other statement.
	verb     string
	setting  string   // SET: the parameter, lower case (lock_timeout…)
	cascade  bool     // TRUNCATE … CASCADE
	literals []string // the string literals of the statement
}

// stmtInfo describes the statement just read, p.toks[p.start:p.i].
func (p *sqlParser) stmtInfo() *stmtInfo {
	toks := p.toks[p.start:p.i]
	si := &stmtInfo{}
	for _, t := range toks {
		if t.kind == tkString {
			si.literals = append(si.literals, t.text)
		}
	}
	at := func(kws ...string) bool {
		for k, kw := range kws {
			if k >= len(toks) || !toks[k].is(kw) {
				return false
			}
		}
		return true
	}
	pg := p.d == schema.Postgres
	switch {
	case pg && at("BEGIN"), at("BEGIN", "TRAN"), at("BEGIN", "TRANSACTION"), at("START", "TRANSACTION"):
		si.verb = "begin"
	case at("COMMIT"), pg && at("END"):
		si.verb = "commit"
	case at("ROLLBACK") && !at("ROLLBACK", "TO") && !at("ROLLBACK", "PREPARED"):
		si.verb = "rollback"
	case at("SET"):
		si.verb = "set"
		k := 1
		if at("SET", "SESSION") || at("SET", "LOCAL") {
			k = 2
		}
		if k < len(toks) {
			si.setting = strings.ToLower(toks[k].text)
		}
	case at("TRUNCATE"):
		si.verb = "truncate"
		for _, t := range toks {
			si.cascade = si.cascade || t.is("CASCADE")
		}
	}
	return si
}

// locksTable reports whether an op of kind k locks the table it acts on:
// ALTER TABLE, DROP, RENAME, and index builds and drops (but CONCURRENTLY).
func locksTable(k opKind) bool {
	switch k {
	case opDropTable, opRenameTable, opAddColumn, opDropColumn, opRenameColumn, opAlterColumn,
		opAddConstraint, opDropConstraint, opCreateIndex, opDropIndex:
		return true
	}
	return false
}

// linter walks the ops of one migration part, in order, for the rules that
// depend on how the part is written and run.
type linter struct {
	a       *analysis
	part    *parsed
	before  *schema.Database // the canonical state before the migration; nil when invalid
	names   *schema.Lookup   // before's tables by name, built at the first use
	up      bool             // the up part: column style rules and lock timeouts apply
	depth   int              // explicit BEGINs open
	begin   schema.Pos       // the outermost open BEGIN
	added   map[string]op    // enum values added in the open transaction
	lockSet bool             // a SET lock_timeout came
	locked  bool             // missing-lock-timeout reported
}

// lint applies the linter's rules to one part of m.
func (a *analysis) lint(part *parsed, before *schema.Database, up bool) {
	l := &linter{a: a, part: part, before: before, up: up, added: map[string]op{}}
	for _, o := range part.ops {
		l.op(o)
	}
	if l.depth > 0 {
		a.add(Finding{Code: CodeUncommittedTx, Severity: diff.Error, Pos: l.begin,
			Message: "This BEGIN has no COMMIT: the changes after it are rolled back when the session ends, or the runner commits them with its own bookkeeping; end the transaction with COMMIT."})
	}
}

// inTx reports whether o runs inside a transaction: an explicit one, or
// the one the migration tool wraps the part in.
func (l *linter) inTx(o op) bool { return l.depth > 0 || l.part.wrapped && !o.noTx }

// add reports a finding of the linter at o.
func (l *linter) add(code string, sev diff.Severity, o op, object, format string, args ...any) {
	l.a.add(Finding{Code: code, Severity: sev, Pos: o.pos, Object: object, Message: fmt.Sprintf(format, args...)})
}

// op applies the rules to o, the next op of the part.
func (l *linter) op(o op) {
	pg := l.a.d == schema.Postgres
	if o.kind == opStatement {
		l.statement(o)
		return
	}
	if pg && o.concurrently && (o.kind == opCreateIndex || o.kind == opDropIndex) && l.inTx(o) {
		verb, object := "CREATE", "index "+opName(o)
		if o.kind == opDropIndex {
			verb = "DROP"
		}
		if o.table.Name != "" {
			object = objIndex(o.table, opName(o))
		}
		l.add(CodeConcurrentlyInTx, diff.Error, o, object,
			"%s INDEX CONCURRENTLY cannot run inside a transaction block (SQLSTATE 25001)%s; run it in a migration of its own without a transaction.", verb, l.txWhy(o))
	}
	if o.kind == opAddEnumValue && pg {
		if o.name != "" {
			where := "BEFORE"
			if o.newName == "after" {
				where = "AFTER"
			}
			l.add(CodeEnumValueOrder, diff.Info, o, "enum "+o.table.String(),
				"Value '%s' is added %s '%s': it sorts among the existing values, which changes ORDER BY and comparisons on the enum and makes them slower (its OID is out of order); add values at the end unless the order is the point.", o.value, where, o.name)
		}
		if l.inTx(o) {
			l.added[o.value] = o
		}
	}
	for _, n := range createdNames(o) {
		l.identifier(o, n)
	}
	if l.up && pg {
		l.columnStyle(o)
		if t := l.existing(o); locksTable(o.kind) && !o.concurrently && t.Name != "" {
			l.lockTimeout(o, "table "+t.String())
		}
	}
}

// statement applies the rules on statements the schema model does not hold.
func (l *linter) statement(o op) {
	si := o.stmt
	for _, v := range si.literals {
		if add, ok := l.added[v]; ok && l.inTx(o) {
			l.add(CodeEnumValueInTx, diff.Error, o, "enum "+add.table.String(),
				"Enum value '%s' is used in the transaction that adds it (line %d): PostgreSQL refuses that (\"unsafe use of new value\", SQLSTATE 55P04); commit the ADD VALUE first, in a migration of its own.", v, add.pos.Line)
			delete(l.added, v)
		}
	}
	switch si.verb {
	case "begin":
		if l.inTx(o) {
			effect := "PostgreSQL only warns (\"there is already a transaction in progress\") and the first COMMIT ends the outer transaction too"
			if l.a.d == schema.SQLServer {
				effect = "SQL Server only counts it (@@TRANCOUNT): the inner COMMIT commits nothing, and a ROLLBACK rolls back the outer transaction too"
			}
			l.add(CodeNestedTx, diff.Warning, o, "", "BEGIN inside a transaction%s: %s; remove the inner BEGIN/COMMIT.", l.txWhy(o), effect)
		}
		if l.depth == 0 {
			l.begin = o.pos
		}
		l.depth++
	case "commit", "rollback":
		if l.depth > 0 {
			l.depth--
		}
		if l.depth == 0 && !l.part.wrapped {
			clear(l.added)
		}
	case "set":
		l.lockSet = l.lockSet || si.setting == "lock_timeout"
	case "truncate":
		if si.cascade {
			l.add(CodeTruncateCascade, diff.Error, o, "", "TRUNCATE … CASCADE also empties every table that references these, and those that reference them; name each table to truncate, without CASCADE.")
		}
	}
	if si.verb == "truncate" && l.up && l.a.d == schema.Postgres {
		l.lockTimeout(o, "")
	}
}

// lockTimeout reports the first statement of the part that locks an
// existing table (object; "" for TRUNCATE) when no SET lock_timeout came
// before it.
func (l *linter) lockTimeout(o op, object string) {
	if l.lockSet || l.locked {
		return
	}
	l.locked = true
	what := "This statement locks " + object
	if object == "" {
		what = "TRUNCATE locks its tables"
	}
	l.add(CodeMissingLockTimeout, diff.Info, o, object,
		"%s with no SET lock_timeout before it: waiting for its lock, it blocks every query queued behind it; start the migration with SET lock_timeout = '5s' (and a statement_timeout), unless the runner sets them.", what)
}

// txWhy says which transaction o runs in, for messages.
func (l *linter) txWhy(o op) string {
	if l.depth > 0 {
		return fmt.Sprintf(" (opened at line %d)", l.begin.Line)
	}
	if l.part.wrapped && !o.noTx {
		return " (" + l.part.wrapReason + ")"
	}
	return ""
}

// existing returns the table o acts on when it existed before the
// migration, else the zero QName.
func (l *linter) existing(o op) schema.QName {
	if l.before == nil {
		return schema.QName{}
	}
	if o.kind == opDropIndex && o.table.Name == "" {
		for _, t := range l.before.Tables {
			if t.QName() == o.table || findIndex(t, o.name) != nil {
				return t.QName()
			}
		}
		return schema.QName{}
	}
	if l.names == nil {
		l.names = schema.NewLookup(l.before)
	}
	if l.names.Table(o.table) != nil {
		return o.table
	}
	return schema.QName{}
}

// createdNames returns the names op o gives to new objects.
func createdNames(o op) []string {
	var ns []string
	switch o.kind {
	case opCreateSchema:
		ns = append(ns, o.name)
	case opCreateEnum:
		ns = append(ns, o.table.Name)
	case opCreateTable:
		if o.tbl != nil {
			ns = append(ns, o.tbl.Name)
			for _, c := range o.tbl.Columns {
				ns = append(ns, c.Name)
			}
			if o.tbl.PrimaryKey != nil {
				ns = append(ns, o.tbl.PrimaryKey.Name)
			}
			for _, u := range o.tbl.Uniques {
				ns = append(ns, u.Name)
			}
			for _, c := range o.tbl.Checks {
				ns = append(ns, c.Name)
			}
			for _, x := range o.tbl.Excludes {
				ns = append(ns, x.Name)
			}
			for _, f := range o.tbl.ForeignKeys {
				ns = append(ns, f.Name)
			}
			for _, x := range o.tbl.Indexes {
				ns = append(ns, x.Name)
			}
		}
	case opAddColumn, opAddConstraint, opCreateIndex:
		ns = append(ns, opName(o))
	case opRenameTable, opRenameColumn, opRenameIndex, opRenameConstraint, opRenameEnum:
		ns = append(ns, o.newName[strings.LastIndexByte(o.newName, '.')+1:])
	}
	return ns
}

// identifier reports a name longer than the database keeps: PostgreSQL
// truncates it to 63 bytes (NAMEDATALEN-1) with only a NOTICE (SQLSTATE
// 42622), so the object gets another name than the one written; SQL Server
// refuses a name over 128 characters (Msg 103).
func (l *linter) identifier(o op, name string) {
	switch {
	case l.a.d == schema.Postgres && len(name) > 63:
		l.add(CodeIdentifierTooLong, diff.Error, o, name,
			"Name %s is %d bytes long: PostgreSQL silently truncates it to 63 bytes (%s), so later statements naming it in full miss it; shorten it to 63 bytes at most.", name, len(name), truncateUTF8(name, 63))
	case l.a.d == schema.SQLServer && utf8.RuneCountInString(name) > 128:
		l.add(CodeIdentifierTooLong, diff.Error, o, name,
			"Name %s is %d characters long: SQL Server refuses names over 128 characters (Msg 103); shorten it.", name, utf8.RuneCountInString(name))
	}
}

// truncateUTF8 cuts s to at most n bytes without splitting a character, as
// PostgreSQL does.
func truncateUTF8(s string, n int) string {
	for len(s) > n {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// columnStyle applies the column type rules (information: what the field's
// linters advise on PostgreSQL) to the columns o creates or retypes.
func (l *linter) columnStyle(o op) {
	type typed struct{ table, column, typ string }
	var cols []typed
	var keys []string
	switch {
	case o.kind == opCreateTable && o.tbl != nil:
		for _, c := range o.tbl.Columns {
			cols = append(cols, typed{o.tbl.QName().String(), c.Name, c.Type})
		}
		if o.tbl.PrimaryKey != nil {
			keys = append(keys, o.tbl.PrimaryKey.Columns...)
		}
		for _, f := range o.tbl.ForeignKeys {
			keys = append(keys, f.Columns...)
		}
	case o.kind == opAddColumn && o.col != nil:
		cols = append(cols, typed{o.table.String(), o.col.Name, o.col.Type})
	case o.kind == opAlterColumn && o.alter.typ != nil:
		cols = append(cols, typed{o.table.String(), o.name, *o.alter.typ})
	case o.kind == opAddConstraint && (o.pk != nil || o.fk != nil):
		t := l.a.state.lookup(o.table)
		if t == nil {
			return
		}
		var kcols []string
		if o.pk != nil {
			kcols = o.pk.Columns
		}
		if o.fk != nil {
			kcols = o.fk.Columns
		}
		for _, n := range kcols {
			if c := t.Column(n); c != nil && isSmallInt(c.Type) {
				l.add(CodePreferBigintKey, diff.Info, o, objColumn(t, n), bigintMessage, t.QName().String()+"."+n, c.Type)
			}
		}
		return
	}
	for _, c := range cols {
		obj := "table " + c.table + " column " + c.column
		name := c.table + "." + c.column
		typ := strings.ToLower(strings.TrimSpace(c.typ))
		switch {
		case strings.HasPrefix(typ, "varchar(") || strings.HasPrefix(typ, "character varying("):
			l.add(CodePreferText, diff.Info, o, obj, "Column %s is %s: changing the limit later takes a lock (and a rewrite to shrink it); use text with a CHECK (length(%s) <= n), which can be changed NOT VALID.", name, c.typ, c.column)
		case typ == "char" || typ == "character" || typ == "bpchar" || strings.HasPrefix(typ, "char(") || strings.HasPrefix(typ, "character("):
			l.add(CodeCharType, diff.Info, o, obj, "Column %s is %s: values are padded with blanks, which comparisons and lengths then see; use text (with a CHECK on the length if it matters).", name, c.typ)
		case typ == "timestamp" || strings.HasPrefix(typ, "timestamp(") && !strings.Contains(typ, "with time zone") || strings.HasPrefix(typ, "timestamp without time zone"):
			l.add(CodePreferTimestamptz, diff.Info, o, obj, "Column %s is %s, which stores no time zone: its values mean what each client's TimeZone makes of them; use timestamptz.", name, c.typ)
		case typ == "json":
			l.add(CodePreferJSONB, diff.Info, o, obj, "Column %s is json, which has no equality operator: SELECT DISTINCT, UNION and GROUP BY on it fail, and it cannot be indexed; use jsonb.", name)
		case typ == "serial" || typ == "bigserial" || typ == "smallserial" || typ == "serial4" || typ == "serial8" || typ == "serial2":
			l.add(CodePreferIdentity, diff.Info, o, obj, "Column %s is %s, whose sequence is a separate object with its own grants and ownership; use %s GENERATED BY DEFAULT AS IDENTITY.", name, c.typ, map[bool]string{true: "bigint", false: "integer"}[strings.HasPrefix(typ, "big") || typ == "serial8"])
		}
		if isSmallInt(typ) && slices.Contains(keys, c.column) {
			l.add(CodePreferBigintKey, diff.Info, o, obj, bigintMessage, name, c.typ)
		}
	}
}

const bigintMessage = "Key column %s is %s, which runs out at 2^31 (or 2^15) values, and widening a key later rewrites the table and every table referencing it; use bigint."

// isSmallInt reports whether typ is a 16- or 32-bit integer type.
func isSmallInt(typ string) bool {
	switch strings.ToLower(typ) {
	case "int", "integer", "int4", "smallint", "int2", "serial", "serial4", "smallserial", "serial2":
		return true
	}
	return false
}
