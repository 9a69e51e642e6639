package render

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// sqlserverDialect renders T-SQL. Every statement is meant to run in a
// batch of its own (Script separates them with GO lines).
type sqlserverDialect struct{}

// statementDialect marks a statement as T-SQL, which a script follows with GO.
func (sqlserverDialect) statementDialect() schema.Dialect { return schema.SQLServer }

// noTransaction is false: every T-SQL statement runs in a transaction.
func (sqlserverDialect) noTransaction(*diff.Change) bool { return false }

func (sqlserverDialect) ident(name string) string         { return msIdent(name) }
func (sqlserverDialect) alterTable(t schema.QName) string { return msAlterTable(t) }

func (sqlserverDialect) enumChange(*diff.Change) ([]string, error) {
	return nil, errors.New("SQL Server has no enum types (use a check constraint)")
}

func (sqlserverDialect) columnDef(table string, col *schema.Column) (string, error) {
	return msColumnDef(table, col)
}

func (sqlserverDialect) constraintName(c *diff.Change) (string, error) { return msConstraintName(c) }

// createIndex renders CREATE INDEX; SQL Server has no CONCURRENTLY: online
// (a change diff marks Concurrently under Options.Online with
// OnlineIndexes) is WITH (ONLINE = ON), which holds only short locks at the
// start and end of the build ("CREATE INDEX (Transact-SQL)", ONLINE;
// Enterprise, Developer and Azure SQL only). RESUMABLE = ON is left out: it
// cannot run inside a user transaction, which every migration of
// schemadiff's SQL Server statements is (Msg 10637 family, "Guidelines for
// online index operations", resumable index considerations).
func (sqlserverDialect) createIndex(t schema.QName, ix *schema.Index, online bool) (string, error) {
	s, err := msCreateIndex(t, ix)
	if err != nil || !online {
		return s, err
	}
	return s + " WITH (ONLINE = ON)", nil
}

// onlineStep: the steps of a PostgreSQL online plan do not exist on SQL Server.
func (sqlserverDialect) onlineStep(c *diff.Change) ([]string, error) {
	return nil, fmt.Errorf("%s: NOT VALID, VALIDATE CONSTRAINT, USING INDEX and IF EXISTS steps are PostgreSQL only", c.Kind)
}

func (sqlserverDialect) dropIndex(t schema.QName, name string, _ bool) string {
	return "DROP INDEX " + msIdent(name) + " ON " + msQName(t)
}

func (sqlserverDialect) renameIndex(t schema.QName, old, name string) string {
	return msRename(msQName(t)+"."+msIdent(old), name, "INDEX")
}

func (sqlserverDialect) renameConstraint(t schema.QName, old, name string) string {
	return msRename(msQName(schema.QName{Schema: t.Schema, Name: old}), name, "OBJECT")
}

func (sqlserverDialect) qname(q schema.QName) string { return msQName(q) }

func (sqlserverDialect) commentSchema(c *diff.Change) string {
	return msComment(schemaComment(c), c.OldComment, "SCHEMA", c.Schema.Name)
}

func (sqlserverDialect) moveTable(t schema.QName, schemaName string) string {
	return "ALTER SCHEMA " + msIdent(schemaName) + " TRANSFER " + msQName(t)
}

func (sqlserverDialect) renameTable(t schema.QName, c *diff.Change) []string {
	return []string{"EXEC sp_rename " + msLiteral(msQName(t)) + ", " + msLiteral(c.Table.Name)}
}

func (sqlserverDialect) commentTable(c *diff.Change) ([]string, error) {
	if c.Table.Name == "" {
		return nil, errMissing("table")
	}
	return []string{msComment(c.Comment, c.OldComment, "SCHEMA", msSchema(c.Table.Schema), "TABLE", c.Table.Name)}, nil
}

// renameDefault renames a DEFAULT constraint, an object of the table's schema.
func (d sqlserverDialect) renameDefault(c *diff.Change) ([]string, error) {
	if c.Column == nil || c.Column.DefaultName == "" || c.RenamedFrom == "" {
		return nil, errMissing("old or new default name")
	}
	return []string{d.renameConstraint(c.Table, c.RenamedFrom, c.Column.DefaultName)}, nil
}

// createTable renders CREATE TABLE with columns, primary key, unique and
// check constraints inline, one per line.
func (sqlserverDialect) createTable(t *schema.Table) (string, error) {
	if len(t.Columns) == 0 {
		return "", fmt.Errorf("table %s has no columns", t.QName())
	}
	lines, err := tableElements(sqlserverDialect{}, t)
	if err != nil {
		return "", err
	}
	return "CREATE TABLE " + msQName(t.QName()) + " (\n  " + strings.Join(lines, ",\n  ") + "\n)", nil
}

// columnChange renders AddColumn, DropColumn, RenameColumn and CommentColumn.
func (sqlserverDialect) columnChange(c *diff.Change) ([]string, error) {
	if c.Column == nil {
		return nil, errMissing("column")
	}
	switch c.Kind {
	case diff.AddColumn:
		def, err := msColumnDef(c.Table.Name, c.Column)
		if err != nil {
			return nil, err
		}
		return []string{msAlterTable(c.Table) + " ADD " + def}, nil
	case diff.DropColumn:
		return msDropColumn(c.Table, c.Column), nil
	case diff.RenameColumn:
		if c.OldColumn == nil {
			return nil, errMissing("old column")
		}
		col := msQName(c.Table) + "." + msIdent(c.OldColumn.Name)
		return []string{msRename(col, c.Column.Name, "COLUMN")}, nil
	default:
		return []string{msComment(c.Comment, c.OldComment,
			"SCHEMA", msSchema(c.Table.Schema), "TABLE", c.Table.Name, "COLUMN", c.Column.Name)}, nil
	}
}

// msDropColumn drops a column, and first the DEFAULT constraint SQL Server
// would otherwise refuse to drop it with.
func msDropColumn(t schema.QName, col *schema.Column) []string {
	var out []string
	if col.Default != nil {
		out = append(out, dropConstraint(sqlserverDialect{}, t, msLiveDefaultName(t.Name, col)))
	}
	return append(out, msAlterTable(t)+" DROP COLUMN "+msIdent(col.Name))
}

// msColumnDef renders a column definition of a table called table:
// [name] type [COLLATE x] [IDENTITY(s, i)] [NOT] NULL [CONSTRAINT [df] DEFAULT (v)],
// or for a computed column [name] AS (expr) [PERSISTED [NOT NULL]].
func msColumnDef(table string, col *schema.Column) (string, error) {
	if col.Computed != nil {
		return msComputedDef(col)
	}
	typ, err := msType(col.Type)
	if err != nil {
		return "", err
	}
	parts := []string{msIdent(col.Name), typ}
	if col.Collation != "" {
		coll, err := msCollation(col.Collation)
		if err != nil {
			return "", err
		}
		parts = append(parts, coll)
	}
	if col.Identity != nil {
		parts = append(parts, msIdentity(col.Identity))
	}
	parts = append(parts, msNull(col.Null))
	if col.Default != nil {
		d, err := msDefault(col.Default)
		if err != nil {
			return "", err
		}
		parts = append(parts, "CONSTRAINT "+msIdent(msDefaultName(table, col))+" DEFAULT "+d)
	}
	return strings.Join(parts, " "), nil
}

// msComputedDef renders a computed column. SQL Server takes no type, default,
// collation or identity there, and a nullability only after PERSISTED.
func msComputedDef(col *schema.Column) (string, error) {
	if strings.TrimSpace(col.Computed.Expr) == "" {
		return "", errors.New("empty computed expression")
	}
	if col.Default != nil || col.Identity != nil {
		return "", errors.New("a computed column cannot have a default or an identity")
	}
	s := msIdent(col.Name) + " AS (" + col.Computed.Source.Or(col.Computed.Expr) + ")"
	if col.Computed.Persisted {
		s += " PERSISTED"
		if !col.Null {
			s += " NOT NULL"
		}
	}
	return s, nil
}

// msNull renders a nullability, always explicit (ALTER COLUMN without it
// would make the column nullable).
func msNull(null bool) string {
	if null {
		return "NULL"
	}
	return "NOT NULL"
}

// msIdentity renders IDENTITY(seed, increment) [NOT FOR REPLICATION].
func msIdentity(id *schema.Identity) string {
	s := "IDENTITY(" + strconv.FormatInt(orOne(id.Seed), 10) + ", " + strconv.FormatInt(orOne(id.Increment), 10) + ")"
	if id.NotForReplication {
		s += " NOT FOR REPLICATION"
	}
	return s
}

// msDefaultName names the DEFAULT constraint schemadiff creates for col of
// table: Column.DefaultName, or the convention df_<table>_<column>.
func msDefaultName(table string, col *schema.Column) string {
	if col.DefaultName != "" {
		return col.DefaultName
	}
	return "df_" + table + "_" + col.Name
}

// msLiveDefaultName names the DEFAULT constraint that exists on col: the name
// the server generated when it has one, else the one schemadiff gives it.
func msLiveDefaultName(table string, col *schema.Column) string {
	if col.DefaultSystemName != "" {
		return col.DefaultSystemName
	}
	return msDefaultName(table, col)
}

// msAddDefault renders ALTER TABLE … ADD CONSTRAINT [df] DEFAULT (v) FOR [c].
func msAddDefault(t schema.QName, col *schema.Column) (string, error) {
	d, err := msDefault(col.Default)
	if err != nil {
		return "", err
	}
	return msAlterTable(t) + " ADD CONSTRAINT " + msIdent(msDefaultName(t.Name, col)) + " DEFAULT " + d +
		" FOR " + msIdent(col.Name), nil
}

// alterColumn renders an AlterColumn as the statements that take old to
// col. Identity cannot change in place on SQL Server; a computed column is
// dropped and added again; a default is a constraint of its own, dropped
// before and added after an ALTER COLUMN that changes the type.
func (sqlserverDialect) alterColumn(t schema.QName, old, col *schema.Column, a diff.ColumnAlter) ([]string, error) {
	if s, ok := msIdentityReplication(t, old, col); a.Identity && ok {
		a.Identity = false
		rest, err := sqlserverDialect{}.alterColumn(t, old, col, a)
		return append([]string{s}, rest...), err
	}
	if a.Identity {
		return nil, fmt.Errorf("SQL Server cannot add, remove or change IDENTITY on existing column %s.%s; "+
			"the column must be dropped and added again", t, col.Name)
	}
	if a.Computed || old.Computed != nil || col.Computed != nil {
		// A computed column cannot be altered: it is dropped and added again.
		def, err := msColumnDef(t.Name, col)
		if err != nil {
			return nil, err
		}
		return append(msDropColumn(t, old), msAlterTable(t)+" ADD "+def), nil
	}
	alterType := a.Type || a.Collation
	var out []string
	dropDefault := old.Default != nil && (a.Default || alterType)
	if dropDefault {
		out = append(out, dropConstraint(sqlserverDialect{}, t, msLiveDefaultName(t.Name, old)))
	}
	if alterType || a.Null {
		typ, err := msType(col.Type)
		if err != nil {
			return nil, err
		}
		s := msAlterTable(t) + " ALTER COLUMN " + msIdent(col.Name) + " " + typ
		if col.Collation != "" {
			coll, err := msCollation(col.Collation)
			if err != nil {
				return nil, err
			}
			s += " " + coll
		}
		out = append(out, s+" "+msNull(col.Null))
	}
	if col.Default != nil && (a.Default || dropDefault) {
		s, err := msAddDefault(t, col)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// msConstraintName returns the live name of the constraint a Drop* change
// drops: the server-generated name when there is one.
func msConstraintName(c *diff.Change) (string, error) {
	var name, system string
	switch {
	case c.Kind == diff.DropPrimaryKey && c.PrimaryKey != nil:
		name, system = c.PrimaryKey.Name, c.PrimaryKey.SystemName
	case c.Kind == diff.DropUnique && c.Unique != nil:
		name, system = c.Unique.Name, c.Unique.SystemName
	case c.Kind == diff.DropCheck && c.Check != nil:
		name, system = c.Check.Name, c.Check.SystemName
	case c.Kind == diff.DropForeignKey && c.ForeignKey != nil:
		name, system = c.ForeignKey.Name, c.ForeignKey.SystemName
	}
	if system != "" {
		return system, nil
	}
	if name == "" {
		return "", errMissing("constraint name")
	}
	return name, nil
}

// msClustered says CLUSTERED or NONCLUSTERED; nil takes def, what SQL Server
// would do.
func msClustered(clustered *bool, def bool) string {
	if clustered != nil && *clustered || clustered == nil && def {
		return "CLUSTERED"
	}
	return "NONCLUSTERED"
}

// primaryKey renders a PRIMARY KEY constraint of table, named pk_<table>
// when it has no name, clustered unless it says otherwise.
func (sqlserverDialect) primaryKey(table string, pk *schema.PrimaryKey) (string, error) {
	cols, err := msKeyColumns(pk.Columns, pk.Desc)
	if err != nil {
		return "", fmt.Errorf("primary key %s: %w", pk.Name, err)
	}
	name := pk.Name
	if name == "" {
		name = "pk_" + table
	}
	return constraintPrefix(sqlserverDialect{}, name) + "PRIMARY KEY " + msClustered(pk.Clustered, true) + " (" + cols + ")", nil
}

// unique renders a UNIQUE constraint, nonclustered unless it says otherwise.
func (sqlserverDialect) unique(u *schema.Unique) (string, error) {
	cols, err := msKeyColumns(u.Columns, u.Desc)
	if err != nil {
		return "", fmt.Errorf("unique %s: %w", u.Name, err)
	}
	return constraintPrefix(sqlserverDialect{}, u.Name) + "UNIQUE " + msClustered(u.Clustered, false) + " (" + cols + ")", nil
}

// foreignKey renders a FOREIGN KEY constraint. SQL Server has no RESTRICT
// and no deferrable constraints: those are refused rather than weakened.
func (sqlserverDialect) foreignKey(fk *schema.ForeignKey) (string, error) {
	if fk.Deferrable || fk.InitiallyDeferred {
		return "", fmt.Errorf("foreign key %s: SQL Server has no deferrable constraints", fk.Name)
	}
	cols, err := columnList(sqlserverDialect{}, fk.Columns)
	if err != nil {
		return "", fmt.Errorf("foreign key %s: %w", fk.Name, err)
	}
	refs, err := columnList(sqlserverDialect{}, fk.RefColumns)
	if err != nil {
		return "", fmt.Errorf("foreign key %s references: %w", fk.Name, err)
	}
	if fk.RefTable == "" {
		return "", fmt.Errorf("foreign key %s references no table", fk.Name)
	}
	s := constraintPrefix(sqlserverDialect{}, fk.Name) + "FOREIGN KEY (" + cols + ") REFERENCES " + msQName(fk.RefQName()) + " (" + refs + ")"
	for _, act := range []struct{ on, action string }{{"DELETE", fk.OnDelete}, {"UPDATE", fk.OnUpdate}} {
		a, err := fkAction(act.action)
		if err != nil {
			return "", fmt.Errorf("foreign key %s: ON %s: %w", fk.Name, act.on, err)
		}
		if a == "RESTRICT" {
			return "", fmt.Errorf("foreign key %s: ON %s RESTRICT does not exist on SQL Server (use NO ACTION)", fk.Name, act.on)
		}
		if a != "" {
			s += " ON " + act.on + " " + a
		}
	}
	if fk.NotForReplication {
		s += " NOT FOR REPLICATION"
	}
	return s, nil
}

// msCreateIndex renders CREATE [UNIQUE] [NON]CLUSTERED INDEX.
func msCreateIndex(t schema.QName, ix *schema.Index) (string, error) {
	if ix.Name == "" {
		return "", errMissing("index name")
	}
	if ix.Columnstore {
		return msCreateColumnstoreIndex(t, ix)
	}
	if len(ix.Parts) == 0 {
		return "", fmt.Errorf("index %s has no key parts", ix.Name)
	}
	if ix.Using != "" {
		return "", fmt.Errorf("index %s: SQL Server has no index method %q", ix.Name, ix.Using)
	}
	clustered := msClustered(ix.Clustered, false)
	if clustered == "CLUSTERED" && (len(ix.Include) > 0 || ix.Where != "") {
		return "", fmt.Errorf("index %s: a clustered index can have neither INCLUDE columns nor a filter", ix.Name)
	}
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.Column == "" || p.Expr != "" || p.Nulls != "" {
			return "", fmt.Errorf("index %s: SQL Server index keys are columns, with no expression or nulls order", ix.Name)
		}
		parts[i] = msIdent(p.Column)
		if p.Desc {
			parts[i] += " DESC"
		}
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString(clustered + " INDEX " + msIdent(ix.Name) + " ON " + msQName(t) + " (" + strings.Join(parts, ", ") + ")")
	if len(ix.Include) > 0 {
		inc, _ := columnList(sqlserverDialect{}, ix.Include)
		b.WriteString(" INCLUDE (" + inc + ")")
	}
	if ix.Where != "" {
		where := ix.WhereSource.Or(ix.Where)
		if err := msCheckFilter(where); err != nil {
			return "", fmt.Errorf("index %s: SQL Server cannot filter an index by %q: %w "+
				"(a filter compares columns with constants, with =, <>, <, >, IN, IS [NOT] NULL and AND)", ix.Name, where, err)
		}
		b.WriteString(" WHERE " + where)
	}
	b.WriteString(msIndexWith(ix))
	return b.String(), nil
}

// msCheckFilter refuses a filtered-index predicate SQL Server would reject
// (CREATE INDEX: a filter is comparisons of a column with a constant, IN
// lists and IS [NOT] NULL, joined by AND). OR is taken only in the form SQL
// Server stores an IN list in (sys.indexes.filter_definition): equalities
// of one column with constants, ([a]=(1) OR [a]=(2)). Column types, and
// whether a column is computed, are not known here.
func msCheckFilter(where string) error {
	toks, err := msFilterTokens(where)
	if err != nil {
		return err
	}
	var flat []msToken // without parentheses, for the OR check
	for i, tk := range toks {
		if tk.kind == msWord {
			switch kw := strings.ToUpper(tk.text); kw {
			case "AND", "OR", "IN", "IS", "NULL":
			case "NOT":
				if i == 0 || !strings.EqualFold(toks[i-1].text, "IS") || toks[i-1].kind != msWord {
					return errors.New("NOT is allowed only in IS NOT NULL")
				}
			case "LIKE", "BETWEEN", "EXISTS", "SELECT", "CASE", "ANY", "ALL", "SOME":
				return fmt.Errorf("%s is not allowed", kw)
			}
		}
		next := i+1 < len(toks) && toks[i+1].kind == msPunct && toks[i+1].text == "("
		if next && (tk.kind == msQuoted || tk.kind == msWord && !msFilterKeyword(tk.text)) {
			return fmt.Errorf("function call %s(…) is not allowed", tk.text)
		}
		if tk.kind != msPunct || tk.text != "(" && tk.text != ")" {
			flat = append(flat, tk)
		}
	}
	for _, conj := range msSplitWord(flat, "AND") {
		alts := msSplitWord(conj, "OR")
		if len(alts) == 1 {
			continue
		}
		var col string
		for _, alt := range alts {
			c, ok := msColumnEqualsConstant(alt)
			if !ok || col != "" && !strings.EqualFold(c, col) {
				return errors.New("OR is not allowed (use IN for one column's values)")
			}
			col = c
		}
	}
	return nil
}

// msColumnEqualsConstant reports whether toks are column = constant (a
// string or a number, maybe signed), and returns the column's name.
func msColumnEqualsConstant(toks []msToken) (string, bool) {
	if len(toks) == 4 && toks[2].kind == msPunct && (toks[2].text == "-" || toks[2].text == "+") && toks[3].kind == msNumber {
		toks = append(toks[:2:2], toks[3])
	}
	if len(toks) != 3 || toks[1].kind != msPunct || toks[1].text != "=" ||
		toks[2].kind != msString && toks[2].kind != msNumber {
		return "", false
	}
	switch toks[0].kind {
	case msQuoted:
		return toks[0].text, true
	case msWord:
		return toks[0].text, !msFilterKeyword(toks[0].text)
	}
	return "", false
}

// msFilterKeyword reports whether word is a keyword a filter may hold.
func msFilterKeyword(word string) bool {
	switch strings.ToUpper(word) {
	case "AND", "OR", "IN", "IS", "NOT", "NULL":
		return true
	}
	return false
}

// msSplitWord splits toks at every keyword kw.
func msSplitWord(toks []msToken, kw string) [][]msToken {
	var out [][]msToken
	start := 0
	for i, tk := range toks {
		if tk.kind == msWord && strings.EqualFold(tk.text, kw) {
			out = append(out, toks[start:i])
			start = i + 1
		}
	}
	return append(out, toks[start:])
}

// msTokenKind classifies the tokens of a filter predicate.
type msTokenKind int

const (
	msWord   msTokenKind = iota + 1 // unquoted name or keyword
	msQuoted                        // [quoted] or "quoted" name, text unquoted
	msString                        // 'literal' or N'literal'
	msNumber                        // 12, 1.5, 0x1F
	msPunct                         // ( ) , . and operators
)

// msToken is one token of a filter predicate.
type msToken struct {
	kind msTokenKind
	text string
}

// msFilterTokens splits a T-SQL predicate into tokens; unterminated quotes
// and characters no filter can hold are errors.
func msFilterTokens(s string) ([]msToken, error) {
	var out []msToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '[' || c == '"' || c == '\'' || (c == 'N' || c == 'n') && i+1 < len(s) && s[i+1] == '\'':
			kind, closing := msQuoted, byte(']')
			if c == '"' {
				closing = '"'
			} else if c != '[' {
				kind, closing = msString, '\''
				if c != '\'' {
					i++
				}
			}
			var b strings.Builder
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == closing {
					if j+1 < len(s) && s[j+1] == closing {
						b.WriteByte(closing)
						j++
						continue
					}
					break
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, errors.New("unterminated quote")
			}
			out = append(out, msToken{kind, b.String()})
			i = j + 1
		case isWordRune(rune(c)) && !(c >= '0' && c <= '9') || c == '@' || c == '#' || c >= 0x80:
			j := i
			for j < len(s) && (isWordRune(rune(s[j])) || s[j] == '@' || s[j] == '#' || s[j] == '$' || s[j] >= 0x80) {
				j++
			}
			out = append(out, msToken{msWord, s[i:j]})
			i = j
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (isWordRune(rune(s[j])) || s[j] == '.') {
				j++
			}
			out = append(out, msToken{msNumber, s[i:j]})
			i = j
		case strings.ContainsRune("<>!=", rune(c)):
			j := i + 1
			if j < len(s) && strings.ContainsRune("<>=", rune(s[j])) {
				j++
			}
			out = append(out, msToken{msPunct, s[i:j]})
			i = j
		case strings.ContainsRune("(),.-+", rune(c)):
			out = append(out, msToken{msPunct, string(c)})
			i++
		default:
			return nil, fmt.Errorf("%q is not allowed", c)
		}
	}
	return out, nil
}

// msComment sets (add or update) or removes the MS_Description extended
// property of the object named by levels: type, name pairs from SCHEMA down.
func msComment(comment, old string, levels ...string) string {
	proc, value := "sp_updateextendedproperty", ", @value = "+msLiteral(comment)
	switch {
	case comment == "":
		proc, value = "sp_dropextendedproperty", ""
	case old == "":
		proc = "sp_addextendedproperty"
	}
	var b strings.Builder
	b.WriteString("EXEC " + proc + " @name = N'MS_Description'" + value)
	for i := 0; i+1 < len(levels); i += 2 {
		n := strconv.Itoa(i / 2)
		b.WriteString(", @level" + n + "type = N'" + levels[i] + "', @level" + n + "name = " + msLiteral(levels[i+1]))
	}
	return b.String()
}

// msDefault renders a default value in parentheses: strings as N'…',
// booleans as 1/0, numbers and expressions as they are.
func msDefault(d *schema.Default) (string, error) {
	var v string
	switch d.Kind {
	case schema.DefaultString:
		v = msLiteral(d.Value)
	case schema.DefaultNumber:
		if !isNumber(d.Value) {
			return "", fmt.Errorf("invalid numeric default %q", d.Value)
		}
		v = d.Value
	case schema.DefaultBool:
		switch d.Value {
		case "true":
			v = "1"
		case "false":
			v = "0"
		default:
			return "", fmt.Errorf("invalid boolean default %q", d.Value)
		}
	case schema.DefaultExpr:
		if strings.TrimSpace(d.Value) == "" {
			return "", errors.New("empty default expression")
		}
		v = d.Source.Or(d.Value)
	default:
		return "", fmt.Errorf("unknown default kind %q", d.Kind)
	}
	return "(" + v + ")", nil
}

// msType checks a column type and returns it. Only a type name (one word,
// maybe dotted for an alias type) with an optional argument list of numbers
// or max is accepted, e.g. nvarchar(max), decimal(18,4), datetime2(3).
func msType(typ string) (string, error) {
	if strings.TrimSpace(typ) == "" {
		return "", errors.New("empty type")
	}
	base, args, hasArgs := strings.Cut(typ, "(")
	ok := base != "" && unicode.IsLetter(rune(base[0])) &&
		strings.IndexFunc(base, func(r rune) bool { return !isWordRune(r) && r != '.' }) < 0
	if ok && hasArgs {
		list, rest, closed := strings.Cut(args, ")")
		ok = closed && rest == ""
		for _, a := range strings.Split(list, ",") {
			a = strings.TrimSpace(a)
			ok = ok && (strings.EqualFold(a, "max") || a != "" && strings.Trim(a, "0123456789") == "")
		}
	}
	if !ok {
		return "", fmt.Errorf("invalid type %q", typ)
	}
	return typ, nil
}

// msCollation renders COLLATE name; collation names are plain words.
func msCollation(name string) (string, error) {
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return !isWordRune(r) }) >= 0 {
		return "", fmt.Errorf("invalid collation %q", name)
	}
	return "COLLATE " + name, nil
}

// isWordRune reports whether r is an ASCII letter, digit or underscore.
func isWordRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// msRename renders EXEC sp_rename of the object called old (qualified and
// bracketed) to name, of sp_rename's class kind (OBJECT, INDEX, COLUMN).
func msRename(old, name, kind string) string {
	return "EXEC sp_rename " + msLiteral(old) + ", " + msLiteral(name) + ", " + msLiteral(kind)
}

// msAlterTable returns "ALTER TABLE [schema].[table]".
func msAlterTable(t schema.QName) string { return "ALTER TABLE " + msQName(t) }

// msIdent bracket-quotes an identifier, doubling inner closing brackets.
func msIdent(name string) string {
	return "[" + strings.ReplaceAll(name, "]", "]]") + "]"
}

// msQName bracket-quotes a schema-qualified name: [schema].[name] (dbo
// when the schema is empty).
func msQName(q schema.QName) string {
	return msIdent(msSchema(q.Schema)) + "." + msIdent(q.Name)
}

// msSchema returns a schema name, dbo when it is empty.
func msSchema(name string) string {
	if name == "" {
		return schema.SQLServer.DefaultSchema()
	}
	return name
}

// msLiteral quotes a Unicode string literal, N'…', doubling single quotes.
func msLiteral(s string) string {
	return "N'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// SessionSettings returns what opens a script of stmts: for T-SQL, SET
// ANSI_NULLS ON and SET QUOTED_IDENTIFIER ON (in a batch of their own when
// the script has GO separators) and a blank line; "" for no statements, and
// for PostgreSQL unless opts.Timeouts is set (below). Creating a filtered index, or an index on a computed column,
// fails unless both are ON ("CREATE INDEX (Transact-SQL)", Remarks, "SET
// options requirements": Msg 1934 otherwise), and a table created with
// ANSI_NULLS OFF keeps that setting for its constraints and computed columns.
// The ODBC and OLE DB drivers turn both ON at connect, but classic sqlcmd
// runs with QUOTED_IDENTIFIER OFF unless given -I ("sqlcmd utility"; "SET
// QUOTED_IDENTIFIER (Transact-SQL)": DB-Library clients default to OFF), so a
// script that says nothing behaves differently under different clients.
//
// A PostgreSQL script opens with SET lock_timeout and SET statement_timeout
// when opts.Timeouts is set (--online).
func SessionSettings(stmts []Statement, opts ScriptOptions) string {
	if len(stmts) == 0 {
		return ""
	}
	if stmts[0].Dialect != schema.SQLServer {
		if opts.Timeouts == nil {
			return ""
		}
		return opts.Timeouts.Script()
	}
	s := "SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\n"
	if !opts.NoBatchSeparator {
		s += "GO\n"
	}
	return s + "\n"
}

// scriptStatement renders one statement of a script: its text and ";\n",
// then for SQL Server a GO line unless opts turn batch separators off, in
// which case the statements that cannot share a batch with those before
// them run through EXEC, a batch of its own: CREATE SCHEMA and CREATE OR
// ALTER of a module (which must start a batch: msStartsBatch) and a filtered CREATE INDEX (its filter is bound when the batch
// compiles, before a column the batch adds exists: Msg 207).
func scriptStatement(s Statement, opts ScriptOptions) string {
	if s.Dialect != schema.SQLServer {
		return s.SQL + ";\n"
	}
	if !opts.NoBatchSeparator {
		return s.SQL + ";\nGO\n"
	}
	if c := s.Change; c != nil && (msStartsBatch(s.SQL) || c.Kind == diff.CreateIndex && c.Index != nil && c.Index.Where != "") {
		return "EXEC(" + msLiteral(s.SQL) + ");\n"
	}
	return s.SQL + ";\n"
}
