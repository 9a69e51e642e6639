package diff

import (
	"strconv"
	"strings"
)

// family groups the types between which a value converts without changing
// its nature (all integers, all character strings, ...).
type family int

// The type families the hazard rules know. familyOther holds every type they
// don't: a change from or to one of those is always treated as unrelated.
const (
	familyOther family = iota
	familyInt
	familyNumeric
	familyFloat
	familyString
	familyBinary
	familyDate
	familyTimestamp
	familyTimestampTZ
	familyTime
	familyTimeTZ
	familyBool
	familyUUID
	familyJSON
	familyEnum
)

// typeInfo is what the hazard rules need to know of one canonical type spelling.
type typeInfo struct {
	family family
	// size is, per family: bytes (int, float); maximum length, 0 = unlimited
	// (string, binary); precision, 0 = unlimited (numeric); fractional-second
	// digits (timestamp, time).
	size     int
	scale    int  // numeric scale
	fixed    bool // blank-padded character(n) / nchar(n)
	national bool // SQL Server nvarchar/nchar (Unicode)
	array    bool // an array of the type
}

// parseType reads a canonical type spelling (PostgreSQL format_type() form, or
// SQL Server's lower-case form) into a typeInfo.
func parseType(spelling string) typeInfo {
	var t typeInfo
	base := spelling
	if strings.HasSuffix(base, "[]") {
		t.array = true
		base = strings.TrimSuffix(base, "[]")
	}
	var args []string
	if open := strings.IndexByte(base, '('); open >= 0 {
		if end := strings.IndexByte(base[open:], ')'); end >= 0 {
			args = strings.Split(base[open+1:open+end], ",")
			base = strings.Join(strings.Fields(base[:open]+" "+base[open+end+1:]), " ")
		}
	}
	arg := func(i, def int) int {
		if i >= len(args) {
			return def
		}
		s := strings.TrimSpace(args[i])
		if s == "max" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return def
		}
		return n
	}
	switch base {
	case "tinyint":
		t.family, t.size = familyInt, 1
	case "smallint", "smallserial":
		t.family, t.size = familyInt, 2
	case "integer", "int", "serial":
		t.family, t.size = familyInt, 4
	case "bigint", "bigserial":
		t.family, t.size = familyInt, 8
	case "numeric", "decimal":
		t.family, t.size, t.scale = familyNumeric, arg(0, 0), arg(1, 0)
	case "real":
		t.family, t.size = familyFloat, 4
	case "double precision", "float":
		t.family, t.size = familyFloat, 8
	case "text", "character varying", "varchar", "ntext":
		t.family, t.size = familyString, arg(0, 0)
	case "nvarchar":
		t.family, t.size, t.national = familyString, arg(0, 1), true
	case "character", "char":
		t.family, t.size, t.fixed = familyString, arg(0, 1), true
	case "nchar":
		t.family, t.size, t.fixed, t.national = familyString, arg(0, 1), true, true
	case "bytea", "varbinary":
		t.family, t.size = familyBinary, arg(0, 0)
	case "date":
		t.family = familyDate
	case "timestamp without time zone", "timestamp":
		t.family, t.size = familyTimestamp, arg(0, 6)
	case "datetime2":
		t.family, t.size = familyTimestamp, arg(0, 7)
	case "datetime":
		t.family, t.size = familyTimestamp, 3
	case "smalldatetime":
		t.family, t.size = familyTimestamp, 0
	case "timestamp with time zone":
		t.family, t.size = familyTimestampTZ, arg(0, 6)
	case "datetimeoffset":
		t.family, t.size = familyTimestampTZ, arg(0, 7)
	case "time without time zone":
		t.family, t.size = familyTime, arg(0, 6)
	case "time":
		t.family, t.size = familyTime, arg(0, 7) // SQL Server's time
	case "time with time zone":
		t.family, t.size = familyTimeTZ, arg(0, 6)
	case "boolean", "bit":
		t.family = familyBool
	case "uuid", "uniqueidentifier":
		t.family = familyUUID
	case "json", "jsonb":
		t.family = familyJSON
	default:
		if strings.Contains(base, ".") { // a user type: "schema.name"
			t.family = familyEnum
		}
	}
	return t
}

// intDigits is how many decimal digits an integer of that many bytes needs.
func intDigits(size int) int {
	switch size {
	case 1:
		return 3
	case 2:
		return 5
	case 4:
		return 10
	default:
		return 19
	}
}

// typeChange says what changing a column's type from old to new means: whether
// the new type holds less than the old one (narrows: data loss, or failure on
// existing values), and whether PostgreSQL rewrites the table to do it
// (rewrites: it cannot keep the stored values as they are).
//
// Both spellings are canonical. Changes between unrelated families, and from
// or to a type it doesn't know, both narrow and rewrite.
func typeChange(old, new string) (narrows, rewrites bool) {
	if old == new {
		return false, false
	}
	o, n := parseType(old), parseType(new)
	if o.array != n.array {
		return true, true
	}
	switch {
	case o.family != n.family:
		return crossFamilyChange(o, n)
	case o.family == familyInt || o.family == familyFloat:
		return n.size < o.size, n.size != o.size
	case o.family == familyNumeric:
		switch {
		case n.size == 0: // to unconstrained numeric: holds everything, in place
			return false, false
		case o.size == 0:
			return true, true
		}
		narrows = n.scale < o.scale || n.size-n.scale < o.size-o.scale
		return narrows, n.scale != o.scale || n.size < o.size
	case o.family == familyString || o.family == familyBinary:
		narrows = n.size != 0 && (o.size == 0 || n.size < o.size) || o.national && !n.national
		switch {
		case o.fixed != n.fixed: // blank-padded ↔ varying: values are converted
			rewrites = true
		case o.fixed:
			rewrites = n.size != o.size
		default:
			rewrites = narrows
		}
		return narrows, rewrites
	case o.family == familyTimestamp || o.family == familyTimestampTZ ||
		o.family == familyTime || o.family == familyTimeTZ:
		return n.size < o.size, n.size < o.size
	case o.family == familyJSON: // json ↔ jsonb: same content, new storage
		return false, true
	case o.family == familyOther || o.family == familyEnum:
		return true, true // two different unknown types, or two different enums
	}
	return false, false // same family with no parameters (boolean, uuid, date): no real change
}

// crossFamilyChange is typeChange between two families: the few widening
// conversions are listed; every other one narrows. All of them rewrite.
func crossFamilyChange(o, n typeInfo) (narrows, rewrites bool) {
	switch {
	case o.family == familyInt && n.family == familyNumeric:
		return n.size != 0 && n.size-n.scale < intDigits(o.size), true
	case o.family == familyInt && n.family == familyFloat:
		// real holds 24 bits of mantissa, double precision 53.
		return !(o.size <= 2 || o.size == 4 && n.size == 8), true
	case o.family == familyDate && (n.family == familyTimestamp || n.family == familyTimestampTZ),
		o.family == familyTimestamp && n.family == familyTimestampTZ,
		o.family == familyTime && n.family == familyTimeTZ:
		return false, true
	case o.family == familyEnum && n.family == familyString && !n.fixed:
		return n.size != 0, true
	}
	return true, true
}

// lengthensOnly reports whether a SQL Server type change only lengthens a
// varchar, nvarchar or varbinary column: same type, a length at least as
// large, neither of them max. SQL Server then keeps the indexes, unique and
// check constraints that use the column (ALTER TABLE documentation: "the
// column is a varchar, nvarchar, or varbinary data type, and the new size is
// equal to or larger than the old size"; "you can change the length of a
// variable-length column used in a CHECK or UNIQUE constraint"). A change to
// max is not one: it makes the column a large object type, which no index
// key may hold.
func lengthensOnly(old, new string) bool {
	ob, _, _ := strings.Cut(old, "(")
	nb, _, _ := strings.Cut(new, "(")
	if ob != nb || ob != "varchar" && ob != "nvarchar" && ob != "varbinary" {
		return false
	}
	o, n := parseType(old), parseType(new)
	return o.size > 0 && n.size > 0 && n.size >= o.size
}
