package schema

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// typeSpec describes one built-in type: its canonical name and which
// modifiers it takes.
type typeSpec struct {
	name    string // canonical base name
	maxArgs int    // how many numeric modifiers it accepts
	tz      bool   // takes "with/without time zone" (PostgreSQL time, timestamp)
}

// pgTypes maps every accepted PostgreSQL spelling of a base type (lower case,
// single spaces) to its format_type() spelling.
var pgTypes = map[string]typeSpec{
	"smallint": {name: "smallint"}, "int2": {name: "smallint"},
	"integer": {name: "integer"}, "int": {name: "integer"}, "int4": {name: "integer"},
	"bigint": {name: "bigint"}, "int8": {name: "bigint"},
	"smallserial": {name: "smallserial"}, "serial2": {name: "smallserial"},
	"serial": {name: "serial"}, "serial4": {name: "serial"},
	"bigserial": {name: "bigserial"}, "serial8": {name: "bigserial"},
	"character varying": {name: "character varying", maxArgs: 1}, "varchar": {name: "character varying", maxArgs: 1},
	"character": {name: "character", maxArgs: 1}, "char": {name: "character", maxArgs: 1},
	"bpchar": {name: "bpchar", maxArgs: 1},
	"text":   {name: "text"}, "name": {name: "name"},
	"boolean": {name: "boolean"}, "bool": {name: "boolean"},
	"real": {name: "real"}, "float4": {name: "real"},
	"double precision": {name: "double precision"}, "float8": {name: "double precision"},
	"float":   {name: "float", maxArgs: 1},
	"numeric": {name: "numeric", maxArgs: 2}, "decimal": {name: "numeric", maxArgs: 2},
	"timestamp": {name: "timestamp", maxArgs: 1, tz: true}, "timestamptz": {name: "timestamptz", maxArgs: 1},
	"time": {name: "time", maxArgs: 1, tz: true}, "timetz": {name: "timetz", maxArgs: 1},
	"date": {name: "date"}, "interval": {name: "interval", maxArgs: 1},
	"uuid": {name: "uuid"}, "json": {name: "json"}, "jsonb": {name: "jsonb"}, "jsonpath": {name: "jsonpath"},
	"bytea": {name: "bytea"}, "inet": {name: "inet"}, "cidr": {name: "cidr"},
	"macaddr": {name: "macaddr"}, "macaddr8": {name: "macaddr8"}, "money": {name: "money"}, "xml": {name: "xml"},
	"bit": {name: "bit", maxArgs: 1}, "bit varying": {name: "bit varying", maxArgs: 1}, "varbit": {name: "bit varying", maxArgs: 1},
	"tsvector": {name: "tsvector"}, "tsquery": {name: "tsquery"},
	"point": {name: "point"}, "line": {name: "line"}, "lseg": {name: "lseg"}, "box": {name: "box"},
	"path": {name: "path"}, "polygon": {name: "polygon"}, "circle": {name: "circle"},
	"int4range": {name: "int4range"}, "int8range": {name: "int8range"}, "numrange": {name: "numrange"},
	"tsrange": {name: "tsrange"}, "tstzrange": {name: "tstzrange"}, "daterange": {name: "daterange"},
	"int4multirange": {name: "int4multirange"}, "int8multirange": {name: "int8multirange"},
	"nummultirange": {name: "nummultirange"}, "tsmultirange": {name: "tsmultirange"},
	"tstzmultirange": {name: "tstzmultirange"}, "datemultirange": {name: "datemultirange"},
	"oid": {name: "oid"}, "regclass": {name: "regclass"}, "regtype": {name: "regtype"}, "regproc": {name: "regproc"},
	"pg_lsn": {name: "pg_lsn"}, "txid_snapshot": {name: "txid_snapshot"}, "pg_snapshot": {name: "pg_snapshot"},
	"citext": {name: "citext"},
	// Types of the contrib extensions (hstore, ltree, cube, seg), which a
	// schema declares with extension blocks.
	"hstore": {name: "hstore"}, "ltree": {name: "ltree"}, "lquery": {name: "lquery"},
	"cube": {name: "cube"}, "seg": {name: "seg"},
}

// pgArrayNames maps PostgreSQL's internal array type names (_int4) to the
// base spelling they are arrays of.
var pgArrayNames = map[string]string{
	"_int2": "int2", "_int4": "int4", "_int8": "int8", "_text": "text", "_varchar": "varchar",
	"_bpchar": "bpchar", "_bool": "bool", "_float4": "float4", "_float8": "float8", "_numeric": "numeric",
	"_uuid": "uuid", "_json": "json", "_jsonb": "jsonb", "_date": "date", "_timestamp": "timestamp",
	"_timestamptz": "timestamptz", "_time": "time", "_timetz": "timetz", "_interval": "interval",
	"_bytea": "bytea", "_inet": "inet", "_cidr": "cidr", "_oid": "oid", "_name": "name",
}

// sqlServerTypes maps SQL Server type names to their canonical spec.
var sqlServerTypes = map[string]typeSpec{
	"nvarchar": {name: "nvarchar", maxArgs: 1}, "varchar": {name: "varchar", maxArgs: 1},
	"nchar": {name: "nchar", maxArgs: 1}, "char": {name: "char", maxArgs: 1},
	"varbinary": {name: "varbinary", maxArgs: 1}, "binary": {name: "binary", maxArgs: 1},
	"datetime": {name: "datetime"}, "smalldatetime": {name: "smalldatetime"},
	"datetime2": {name: "datetime2", maxArgs: 1}, "datetimeoffset": {name: "datetimeoffset", maxArgs: 1},
	"time": {name: "time", maxArgs: 1}, "date": {name: "date"},
	"bit": {name: "bit"}, "tinyint": {name: "tinyint"}, "smallint": {name: "smallint"},
	"int": {name: "int"}, "bigint": {name: "bigint"},
	"decimal": {name: "decimal", maxArgs: 2}, "numeric": {name: "numeric", maxArgs: 2},
	"money": {name: "money"}, "smallmoney": {name: "smallmoney"},
	"float": {name: "float", maxArgs: 1}, "real": {name: "real"},
	"uniqueidentifier": {name: "uniqueidentifier"}, "xml": {name: "xml"},
	"text": {name: "text"}, "ntext": {name: "ntext"}, "image": {name: "image"},
	"sysname": {name: "sysname"}, "rowversion": {name: "rowversion"}, "sql_variant": {name: "sql_variant"},
	// The system CLR types (sys.types.is_assembly_type = 1), which SQL Server reads back by name.
	"hierarchyid": {name: "hierarchyid"}, "geography": {name: "geography"}, "geometry": {name: "geometry"},
	// timestamp is the deprecated synonym of rowversion, and the name the
	// catalog (sys.types) gives a rowversion column ("rowversion
	// (Transact-SQL)", Microsoft Learn).
	"timestamp": {name: "rowversion"},
}

// CanonicalType returns the canonical spelling of the built-in type typ in
// dialect d (see Column.Type), or an error saying the type is unknown.
// It accepts any letter case and extra whitespace. Enum and other user-defined
// types are not built-in: CanonicalType reports them as unknown.
func CanonicalType(d Dialect, typ string) (string, error) {
	switch d {
	case SQLServer:
		return canonicalSQLServerType(typ)
	case Postgres, "":
		return canonicalPGType(typ)
	default:
		return "", fmt.Errorf("unknown dialect %q", d)
	}
}

// parsedType is a type spelling split into its parts.
type parsedType struct {
	base  string   // lower case, single spaces
	args  []string // modifiers as written (digits, or "max")
	tz    string   // "with time zone", "without time zone" or ""
	array bool     // one or more [] suffixes
}

// parseTypeText splits a type spelling; ok is false when the text is not a
// plain type spelling at all (which keeps SQL out of type names).
func parseTypeText(typ string) (parsedType, bool) {
	s := strings.ToLower(strings.Join(strings.Fields(typ), " "))
	var p parsedType
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("_ (),[]-", r)) {
			return p, false
		}
	}
	for strings.HasSuffix(s, "]") {
		i := strings.LastIndexByte(s, '[')
		if i < 0 || strings.Trim(s[i+1:len(s)-1], " 0123456789") != "" {
			return p, false
		}
		s, p.array = strings.TrimSpace(s[:i]), true
	}
	for _, tz := range []string{"without time zone", "with time zone"} {
		if strings.HasSuffix(s, " "+tz) {
			s, p.tz = strings.TrimSpace(strings.TrimSuffix(s, tz)), tz
			break
		}
	}
	if strings.HasSuffix(s, ")") {
		i := strings.IndexByte(s, '(')
		if i <= 0 {
			return p, false
		}
		for _, a := range strings.Split(s[i+1:len(s)-1], ",") {
			p.args = append(p.args, strings.TrimSpace(a))
		}
		s = strings.TrimSpace(s[:i])
	}
	p.base = s
	if s == "" || strings.ContainsAny(s, "()[],") {
		return p, false
	}
	return p, true
}

// sameTypeButModifiers reports whether two canonical type spellings differ
// at most in their modifiers: character varying[] and character varying(10)[],
// numeric and numeric(10,2).
func sameTypeButModifiers(a, b string) bool {
	pa, okA := parseTypeText(a)
	pb, okB := parseTypeText(b)
	return okA && okB && pa.base == pb.base && pa.tz == pb.tz && pa.array == pb.array
}

// intArgs converts modifiers to numbers; ok is false on anything else.
func intArgs(args []string) ([]int, bool) {
	out := make([]int, len(args))
	for i, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil || n < 0 {
			return nil, false
		}
		out[i] = n
	}
	return out, true
}

func unknownType(dialectName, typ string, known map[string]typeSpec) error {
	msg := fmt.Sprintf("unknown %s type %q", dialectName, strings.TrimSpace(typ))
	p, _ := parseTypeText(typ)
	if s := closest(p.base, known); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return fmt.Errorf("%s", msg)
}

func canonicalPGType(typ string) (string, error) {
	p, ok := parseTypeText(typ)
	if !ok {
		return "", fmt.Errorf("unknown PostgreSQL type %q", strings.TrimSpace(typ))
	}
	if base, isArr := pgArrayNames[p.base]; isArr {
		p.base, p.array = base, true
	}
	spec, known := pgTypes[p.base]
	if !known {
		return "", unknownType("PostgreSQL", typ, pgTypes)
	}
	args, ok := intArgs(p.args)
	if !ok || len(args) > spec.maxArgs || p.tz != "" && !spec.tz || len(p.args) > 0 && len(args) == 0 {
		return "", fmt.Errorf("invalid PostgreSQL type %q", strings.TrimSpace(typ))
	}
	var out string
	mod := ""
	if len(args) == 1 {
		mod = fmt.Sprintf("(%d)", args[0])
	}
	switch spec.name {
	case "character", "bpchar":
		if len(args) == 0 && spec.name == "character" {
			mod = "(1)"
		}
		if len(args) == 0 && spec.name == "bpchar" {
			out = "bpchar"
			break
		}
		out = "character" + mod
	case "bit":
		if len(args) == 0 {
			mod = "(1)"
		}
		out = "bit" + mod
	case "numeric":
		switch len(args) {
		case 1:
			mod = fmt.Sprintf("(%d,0)", args[0])
		case 2:
			mod = fmt.Sprintf("(%d,%d)", args[0], args[1])
		}
		out = "numeric" + mod
	case "float":
		out = "double precision"
		if len(args) == 1 && args[0] >= 1 && args[0] <= 24 {
			out = "real"
		}
	case "timestamp", "time":
		tz := p.tz
		if tz == "" {
			tz = "without time zone"
		}
		out = spec.name + mod + " " + tz
	case "timestamptz", "timetz":
		out = strings.TrimSuffix(spec.name, "tz") + mod + " with time zone"
	default:
		out = spec.name + mod
	}
	if p.array {
		out += "[]"
	}
	return out, nil
}

func canonicalSQLServerType(typ string) (string, error) {
	p, ok := parseTypeText(typ)
	if !ok || p.tz != "" {
		return "", fmt.Errorf("unknown SQL Server type %q", strings.TrimSpace(typ))
	}
	spec, known := sqlServerTypes[p.base]
	if !known || p.array {
		return "", unknownType("SQL Server", typ, sqlServerTypes)
	}
	if len(p.args) > spec.maxArgs {
		return "", fmt.Errorf("invalid SQL Server type %q", strings.TrimSpace(typ))
	}
	switch spec.name {
	case "nvarchar", "varchar", "varbinary", "nchar", "char", "binary":
		n := "1"
		if len(p.args) == 1 {
			n = p.args[0]
		}
		if n == "-1" || n == "max" {
			if strings.HasPrefix(spec.name, "var") || spec.name == "nvarchar" {
				return spec.name + "(max)", nil
			}
			return "", fmt.Errorf("invalid SQL Server type %q", strings.TrimSpace(typ))
		}
		if _, ok := intArgs([]string{n}); !ok {
			return "", fmt.Errorf("invalid SQL Server type %q", strings.TrimSpace(typ))
		}
		return spec.name + "(" + n + ")", nil
	}
	args, ok := intArgs(p.args)
	if !ok {
		return "", fmt.Errorf("invalid SQL Server type %q", strings.TrimSpace(typ))
	}
	switch spec.name {
	case "datetime2", "datetimeoffset", "time":
		if len(args) == 1 && args[0] != 7 {
			return fmt.Sprintf("%s(%d)", spec.name, args[0]), nil
		}
		return spec.name, nil
	case "decimal", "numeric":
		prec, scale := 18, 0
		if len(args) >= 1 {
			prec = args[0]
		}
		if len(args) == 2 {
			scale = args[1]
		}
		return fmt.Sprintf("%s(%d,%d)", spec.name, prec, scale), nil
	case "float":
		if len(args) == 1 && args[0] <= 24 {
			return "real", nil
		}
		return "float", nil
	}
	return spec.name, nil
}

// closest returns the known name nearest to s (edit distance at most 2), or "".
func closest(s string, known map[string]typeSpec) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	sort.Strings(names)
	best, bestDist := "", 3
	for _, k := range names {
		if d := editDistance(s, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// typeClass sorts canonical type spellings into the classes that defaults and
// casts care about.
type typeClass int

const (
	classOther typeClass = iota
	classString
	classInteger
	classNumber // non-integer numeric types
	classBool
)

// classOf classifies a canonical type spelling (arrays are classOther).
func classOf(d Dialect, typ string) typeClass {
	if strings.HasSuffix(typ, "]") {
		return classOther
	}
	base := typ
	if i := strings.IndexByte(base, '('); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "smallint", "integer", "bigint", "smallserial", "serial", "bigserial", "tinyint", "int":
		return classInteger
	case "numeric", "decimal", "real", "double precision", "float", "money", "smallmoney":
		if d == Postgres && base == "money" {
			return classOther
		}
		return classNumber
	case "boolean":
		return classBool
	case "bit":
		if d == SQLServer {
			return classBool
		}
	case "character varying", "character", "bpchar", "text", "name", "citext",
		"nvarchar", "varchar", "nchar", "char", "ntext":
		return classString
	}
	return classOther
}
