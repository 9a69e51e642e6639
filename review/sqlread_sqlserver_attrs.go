package review

import (
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// Reading the SQL Server attributes of T-SQL back into the model: DESC keys
// of key constraints, index options, columnstore indexes, ALTER INDEX …
// REBUILD and the state of checks and foreign keys (ALTER TABLE … WITH
// NOCHECK ADD, [WITH CHECK|WITH NOCHECK] CHECK CONSTRAINT, NOCHECK
// CONSTRAINT).

// keyList reads (col [ASC|DESC], …) of a PRIMARY KEY or UNIQUE constraint:
// the columns and those sorted descending.
func (p *sqlParser) keyList() (cols, desc []string) {
	p.expect("(")
	for {
		c := p.ident()
		cols = append(cols, c)
		p.accept("ASC")
		if p.accept("DESC") {
			desc = append(desc, c)
		}
		if !p.accept(",") {
			break
		}
	}
	p.expect(")")
	return cols, desc
}

// indexOptions sets the options of x that a WITH (…) of CREATE INDEX or
// ALTER INDEX … REBUILD lists (FILLFACTOR, PAD_INDEX, IGNORE_DUP_KEY,
// DATA_COMPRESSION; others are not in the model) and reports whether it
// says ONLINE = ON.
func indexOptions(x *schema.Index, options string) (online bool) {
	for _, o := range strings.Split(options, ",") {
		name, value, _ := strings.Cut(o, "=")
		name = strings.ToUpper(strings.TrimSpace(name))
		value = strings.ToUpper(strings.TrimSpace(value))
		on := strings.HasPrefix(value, "ON")
		switch name {
		case "ONLINE":
			online = on
		case "FILLFACTOR":
			if n, err := strconv.ParseInt(value, 10, 64); err == nil {
				x.FillFactor = n
			}
		case "PAD_INDEX":
			x.PadIndex = on
		case "IGNORE_DUP_KEY":
			x.IgnoreDupKey = on
		case "DATA_COMPRESSION":
			x.DataCompression, _, _ = strings.Cut(value, " ") // ON PARTITIONS (…) is not modelled
		}
	}
	return online
}

// alterIndexOn reads ALTER INDEX { name | ALL } ON table { REBUILD [WITH
// (…)] | SET (…) } (after ALTER INDEX name ON): the options it sets. Other
// ALTER INDEX actions (REORGANIZE, DISABLE) change nothing the model holds.
func (p *sqlParser) alterIndexOn(name string) {
	q := p.qname()
	o := op{kind: opRebuildIndex, table: q, name: name}
	switch {
	case p.accept("REBUILD"):
		if p.accept("WITH") && p.at("(") {
			o.value = p.parenText()
		}
	case p.accept("SET") && p.at("("):
		o.value = p.parenText()
	default:
		p.skipStatement()
		return
	}
	if strings.EqualFold(name, "ALL") {
		o.name = ""
	}
	p.emit(o)
}

// constraintStateAction reads what follows [WITH CHECK | WITH NOCHECK] in
// ALTER TABLE … { CHECK | NOCHECK } CONSTRAINT { ALL | name [, …] }, and
// emits one op per name. trust says how a re-enabled constraint is taken:
// "check" (WITH CHECK), "nocheck" (WITH NOCHECK, the default for
// re-enabled constraints: ALTER TABLE on Microsoft Learn).
func (p *sqlParser) constraintStateAction(base op, trust string) {
	action := "disable"
	if p.accept("CHECK", "CONSTRAINT") {
		action = "enable-" + trust
	} else {
		p.expect("NOCHECK", "CONSTRAINT")
	}
	for {
		o := base
		o.kind, o.value = opConstraintState, action
		if p.accept("ALL") {
			o.name = ""
		} else {
			o.name = p.ident()
		}
		p.emit(o)
		if !p.accept(",") {
			return
		}
	}
}

// addNoCheck reads the constraint of ALTER TABLE … WITH NOCHECK ADD (after
// ADD): a check or foreign key added without checking the rows there are.
func (p *sqlParser) addNoCheck(base op) {
	c := p.constraint()
	if c.ck != nil {
		c.ck.NoCheck = true
	}
	if c.fk != nil {
		c.fk.NoCheck = true
	}
	c.kind, c.table = opAddConstraint, base.table
	p.emit(c)
}

// declare reads DECLARE @v int = OBJECT_ID(N'name') and remembers the
// object v names; any other DECLARE changes nothing the model holds.
func (p *sqlParser) declare() {
	p.next()
	v := p.next()
	if p.accept("INT") && p.accept("=") && p.accept("OBJECT_ID") && p.accept("(") && p.peek().kind == tkString {
		p.objectIDs[strings.ToLower(v.text)] = p.next().text
	}
	p.skipStatement()
}

// identityReplication reads the arguments of EXEC
// sp_identitycolumnforreplication @object_id, 1|0: the table is the one a
// DECLARE … = OBJECT_ID(N'…') before it names.
func (p *sqlParser) identityReplication(args map[string]string) {
	id, value := firstOf(args, "object_id", "0"), firstOf(args, "value", "1")
	name, ok := p.objectIDs[strings.ToLower(id)]
	if !ok || (value != "0" && value != "1") {
		p.fail("EXEC sp_identitycolumnforreplication is understood with a variable declared = OBJECT_ID(N'table') and 1 or 0")
		return
	}
	p.emit(op{kind: opIdentityReplication, table: partsQName(splitObjName(name), p.d), value: value})
}
