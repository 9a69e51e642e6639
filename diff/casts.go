package diff

import (
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// pgStringTypes are PostgreSQL's string-category types: every type casts to
// them and from them through its output and input functions (I/O conversion
// casts, "CREATE CAST", https://www.postgresql.org/docs/15/sql-createcast.html).
var pgStringTypes = map[string]bool{"text": true, "character varying": true, "character": true, "name": true}

// pgCasts lists, per built-in PostgreSQL type, the other built-in types that
// are not strings and that it has a cast to (pg_cast, any context: ALTER
// COLUMN … TYPE … USING col::type is an explicit cast). TestPostgresCastable
// checks it against a real server's answers.
var pgCasts = map[string][]string{
	"smallint":                    {"integer", "bigint", "numeric", "real", "double precision", "oid", "regclass", "regconfig"},
	"integer":                     {"smallint", "bigint", "numeric", "real", "double precision", "money", `"char"`, "boolean", "bit", "oid", "regclass", "regconfig"},
	"bigint":                      {"smallint", "integer", "numeric", "real", "double precision", "money", "bit", "oid", "regclass", "regconfig"},
	"numeric":                     {"smallint", "integer", "bigint", "real", "double precision", "money"},
	"real":                        {"smallint", "integer", "bigint", "numeric", "double precision"},
	"double precision":            {"smallint", "integer", "bigint", "numeric", "real"},
	"money":                       {"numeric"},
	`"char"`:                      {"integer"},
	"boolean":                     {"integer"},
	"date":                        {"timestamp without time zone", "timestamp with time zone"},
	"time without time zone":      {"time with time zone", "interval"},
	"time with time zone":         {"time without time zone"},
	"timestamp without time zone": {"date", "time without time zone", "timestamp with time zone"},
	"timestamp with time zone":    {"date", "time without time zone", "time with time zone", "timestamp without time zone"},
	"interval":                    {"time without time zone"},
	"uuid":                        nil,
	"json":                        {"jsonb"},
	"jsonb":                       {"smallint", "integer", "bigint", "numeric", "real", "double precision", "boolean", "json"},
	"bytea":                       nil,
	"inet":                        {"cidr"},
	"cidr":                        {"inet"},
	"macaddr":                     {"macaddr8"},
	"macaddr8":                    {"macaddr"},
	"bit":                         {"integer", "bigint", "bit varying"},
	"bit varying":                 {"bit"},
	"xml":                         nil,
	"oid":                         {"integer", "bigint", "regclass", "regconfig"},
	"regclass":                    {"integer", "bigint", "oid"},
	"regconfig":                   {"integer", "bigint", "oid"},
	"tsvector":                    nil,
	"tsquery":                     nil,
	"point":                       {"box"},
	"lseg":                        {"point"},
	"box":                         {"point", "lseg", "polygon", "circle"},
	"path":                        {"polygon"},
	"polygon":                     {"point", "box", "path", "circle"},
	"circle":                      {"point", "box", "polygon"},
	"line":                        nil,
	"pg_lsn":                      nil,
	"int4range":                   nil,
	"int8range":                   nil,
	"numrange":                    nil,
	"tsrange":                     nil,
	"tstzrange":                   nil,
	"daterange":                   nil,
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
	_, fromKnown := pgCasts[from]
	_, toKnown := pgCasts[to]
	fromKnown = fromKnown || pgStringTypes[from]
	toKnown = toKnown || pgStringTypes[to]
	switch {
	case !fromKnown || !toKnown:
		return false, false
	case fromArr != toArr: // only the I/O conversion through a string crosses
		return fromArr && !toArr && pgStringTypes[to] || !fromArr && toArr && pgStringTypes[from], true
	case from == to, pgStringTypes[from], pgStringTypes[to]:
		return true, true
	}
	for _, t := range pgCasts[from] {
		if t == to {
			return true, true
		}
	}
	return false, true
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
