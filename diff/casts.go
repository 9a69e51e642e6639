package diff

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// isPgStringType reports whether typ is one of PostgreSQL's string-category
// types: every type casts to them and from them through its output and input
// functions (I/O conversion casts, "CREATE CAST",
// https://www.postgresql.org/docs/15/sql-createcast.html).
func isPgStringType(typ string) bool {
	switch typ {
	case "text", "character varying", "character", "name":
		return true
	}
	return false
}

// pgCastTargets returns, for a built-in PostgreSQL type, the other built-in
// types that are not strings and that it has a cast to (pg_cast, any context:
// ALTER COLUMN … TYPE … USING col::type is an explicit cast), and false for a
// type the table does not hold. TestPostgresCastable checks it against a real
// server's answers.
func pgCastTargets(from string) ([]string, bool) {
	switch from {
	case "smallint":
		return []string{"integer", "bigint", "numeric", "real", "double precision", "oid", "regclass", "regconfig"}, true
	case "integer":
		return []string{"smallint", "bigint", "numeric", "real", "double precision", "money", `"char"`, "boolean", "bit", "oid", "regclass", "regconfig"}, true
	case "bigint":
		return []string{"smallint", "integer", "numeric", "real", "double precision", "money", "bit", "oid", "regclass", "regconfig"}, true
	case "numeric":
		return []string{"smallint", "integer", "bigint", "real", "double precision", "money"}, true
	case "real":
		return []string{"smallint", "integer", "bigint", "numeric", "double precision"}, true
	case "double precision":
		return []string{"smallint", "integer", "bigint", "numeric", "real"}, true
	case "money":
		return []string{"numeric"}, true
	case `"char"`:
		return []string{"integer"}, true
	case "boolean":
		return []string{"integer"}, true
	case "date":
		return []string{"timestamp without time zone", "timestamp with time zone"}, true
	case "time without time zone":
		return []string{"time with time zone", "interval"}, true
	case "time with time zone":
		return []string{"time without time zone"}, true
	case "timestamp without time zone":
		return []string{"date", "time without time zone", "timestamp with time zone"}, true
	case "timestamp with time zone":
		return []string{"date", "time without time zone", "time with time zone", "timestamp without time zone"}, true
	case "interval":
		return []string{"time without time zone"}, true
	case "uuid":
		return nil, true
	case "json":
		return []string{"jsonb"}, true
	case "jsonb":
		return []string{"smallint", "integer", "bigint", "numeric", "real", "double precision", "boolean", "json"}, true
	case "bytea":
		return nil, true
	case "inet":
		return []string{"cidr"}, true
	case "cidr":
		return []string{"inet"}, true
	case "macaddr":
		return []string{"macaddr8"}, true
	case "macaddr8":
		return []string{"macaddr"}, true
	case "bit":
		return []string{"integer", "bigint", "bit varying"}, true
	case "bit varying":
		return []string{"bit"}, true
	case "xml":
		return nil, true
	case "oid":
		return []string{"integer", "bigint", "regclass", "regconfig"}, true
	case "regclass":
		return []string{"integer", "bigint", "oid"}, true
	case "regconfig":
		return []string{"integer", "bigint", "oid"}, true
	case "tsvector":
		return nil, true
	case "tsquery":
		return nil, true
	case "point":
		return []string{"box"}, true
	case "lseg":
		return []string{"point"}, true
	case "box":
		return []string{"point", "lseg", "polygon", "circle"}, true
	case "path":
		return []string{"polygon"}, true
	case "polygon":
		return []string{"point", "box", "path", "circle"}, true
	case "circle":
		return []string{"point", "box", "polygon"}, true
	case "line":
		return nil, true
	case "pg_lsn":
		return nil, true
	case "int4range":
		return nil, true
	case "int8range":
		return nil, true
	case "numrange":
		return nil, true
	case "tsrange":
		return nil, true
	case "tstzrange":
		return nil, true
	case "daterange":
		return nil, true
	}
	return nil, false
}

// PostgresCastable reports whether PostgreSQL can cast a value of type from
// to type to (canonical spellings, typmods and serial pseudo-types allowed):
// the same type; a cast in pg_cast; an I/O conversion to or from a string
// type; an array to an array whose element types cast. known is false when
// either type is one the built-in table does not hold (user, domain and
// extension types, including enums), and castable is then meaningless.
func PostgresCastable(from, to string) (castable, known bool) {
	fromArr, toArr := strings.HasSuffix(from, "[]"), strings.HasSuffix(to, "[]")
	from, to = pgCastBase(strings.TrimSuffix(from, "[]")), pgCastBase(strings.TrimSuffix(to, "[]"))
	targets, fromKnown := pgCastTargets(from)
	_, toKnown := pgCastTargets(to)
	fromKnown = fromKnown || isPgStringType(from)
	toKnown = toKnown || isPgStringType(to)
	switch {
	case !fromKnown || !toKnown:
		return false, false
	case fromArr != toArr: // only the I/O conversion through a string crosses
		return fromArr && !toArr && isPgStringType(to) || !fromArr && toArr && isPgStringType(from), true
	case from == to, isPgStringType(from), isPgStringType(to):
		return true, true
	}
	return slices.Contains(targets, to), true
}

// pgCastBase returns the type a cast rule names for a canonical spelling:
// without typmods ("character varying(50)" → "character varying",
// "timestamp(3) with time zone" → "timestamp with time zone"), interval
// fields dropped, serial pseudo-types as their integer type.
func pgCastBase(typ string) string {
	base := schema.StripTypmods(typ)
	if strings.HasPrefix(base, "interval") {
		return "interval"
	}
	switch base {
	case "smallserial":
		return "smallint"
	case "serial":
		return "integer"
	case "bigserial":
		return "bigint"
	}
	return base
}
