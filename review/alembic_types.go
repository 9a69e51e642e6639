package review

import (
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/internal/pyread"
	"github.com/schemadiff/schemadiff/schema"
)

// typeOf turns a SQLAlchemy type (sa.String(length=50), UNIQUEIDENTIFIER,
// sa.BigInteger().with_variant(...), postgresql.JSONB…) into the SQL type
// SQLAlchemy emits for the dialect.
func (r *alembicReader) typeOf(v *pyread.Value) string {
	if v == nil {
		panic(parseError{"missing type"})
	}
	if v.Kind == pyread.VName && r.vars[v.Name] != nil { // a type kept in a local variable
		v = r.vars[v.Name]
	}
	// sa.BigInteger().with_variant(sa.Integer, "sqlite"): the base type.
	for v.Kind == pyread.VCall && v.Fn != nil && v.Fn.Kind == pyread.VName && v.Fn.Fn != nil && strings.HasPrefix(v.Fn.Name, ".") {
		v = v.Fn.Fn
	}
	if v.Kind != pyread.VName && v.Kind != pyread.VCall {
		panic(parseError{"a column type that is not a SQLAlchemy type"})
	}
	name := v.LastName()
	ms := r.d == schema.SQLServer
	num := func(i int, kw string) string {
		a := v.Kw(kw)
		if a == nil && v.Kind == pyread.VCall {
			a = v.Arg(i)
		}
		switch {
		case a != nil && a.Kind == pyread.VNumber:
			return a.Str
		case a != nil && a.Kind == pyread.VString && strings.EqualFold(a.Str, "max"): // mssql.NVARCHAR('max')
			return "max"
		}
		return ""
	}
	// precise writes PostgreSQL's timestamp/time with the precision= and timezone= arguments.
	precise := func(base string) string {
		if p := num(0, "precision"); p != "" {
			base += "(" + p + ")"
		}
		if v.Kw("timezone").Truthy() {
			return base + " with time zone"
		}
		return base + " without time zone"
	}
	withLen := func(base, dflt string) string {
		if n := num(0, "length"); n != "" {
			return base + "(" + n + ")"
		}
		return dflt
	}
	pick := func(mssql, pg string) string {
		if ms {
			return mssql
		}
		return pg
	}
	if a := v.Arg(0); r.userTypes[name] && v.Kind == pyread.VCall && a != nil && a.Kind == pyread.VString {
		// A UserDefinedType of the revision whose column spec is its argument
		// (generate's SQLType('serial')): the type as written.
		return a.Str
	}
	if ms && strings.HasPrefix(v.Name, "mssql.") && (name == "TEXT" || name == "NTEXT") {
		return strings.ToLower(name) // the legacy types, not sa.Text's varchar(max)
	}
	switch name {
	case "NullType":
		return "" // no type: a SQL Server computed column (sa.Computed) takes its expression's
	case "Integer", "INTEGER", "INT":
		return pick("int", "integer")
	case "BigInteger", "BIGINT":
		return "bigint"
	case "SmallInteger", "SMALLINT":
		return "smallint"
	case "TINYINT":
		return "tinyint"
	case "String", "VARCHAR":
		return withLen(pick("varchar", "character varying"), pick("varchar(max)", "character varying"))
	case "Unicode", "NVARCHAR":
		return withLen(pick("nvarchar", "character varying"), pick("nvarchar(max)", "character varying"))
	case "CHAR":
		return withLen(pick("char", "character"), pick("char(1)", "character(1)"))
	case "NCHAR":
		return withLen(pick("nchar", "character"), pick("nchar(1)", "character(1)"))
	case "Text", "TEXT":
		return pick("varchar(max)", "text")
	case "UnicodeText", "NTEXT":
		return pick("nvarchar(max)", "text")
	case "Boolean", "BOOLEAN", "BIT":
		return pick("bit", "boolean")
	case "DateTime", "DATETIME", "TIMESTAMP":
		tz := v.Kw("timezone").Truthy()
		switch {
		case ms && tz:
			return "datetimeoffset"
		case ms:
			return "datetime"
		}
		return precise("timestamp")
	case "DATETIME2":
		if p := num(0, "precision"); p != "" {
			return "datetime2(" + p + ")"
		}
		return "datetime2"
	case "DATETIMEOFFSET":
		return "datetimeoffset"
	case "Date", "DATE":
		return "date"
	case "Time", "TIME":
		if ms {
			if p := num(0, "precision"); p != "" {
				return "time(" + p + ")"
			}
			return "time"
		}
		return precise("time")
	case "INTERVAL", "INET", "CIDR", "MACADDR", "TSVECTOR", "OID", "XML", "SQL_VARIANT", "IMAGE", "SMALLDATETIME", "SMALLMONEY":
		return strings.ToLower(name) // postgresql.INTERVAL…, mssql.XML…: the type of that name
	case "BINARY":
		return withLen("binary", "binary(1)")
	case "Numeric", "NUMERIC", "DECIMAL":
		base := pick("decimal", "numeric")
		if p, s := num(0, "precision"), num(1, "scale"); p != "" && s != "" {
			return base + "(" + p + "," + s + ")"
		} else if p != "" {
			return base + "(" + p + ")"
		}
		return base
	case "Float", "FLOAT", "Double", "DOUBLE_PRECISION":
		return pick("float", "double precision")
	case "REAL":
		return "real"
	case "LargeBinary", "VARBINARY", "BYTEA":
		if ms {
			return withLen("varbinary", "varbinary(max)")
		}
		return "bytea"
	case "JSON":
		return pick("nvarchar(max)", "json")
	case "JSONB":
		return "jsonb"
	case "UUID", "Uuid":
		return pick("uniqueidentifier", "uuid")
	case "UNIQUEIDENTIFIER":
		return "uniqueidentifier"
	case "MONEY":
		return "money"
	case "ARRAY":
		return r.typeOf(v.Arg(0)) + "[]"
	case "Enum", "ENUM":
		return r.enumType(v)
	}
	panic(parseError{"column type " + v.Name + " is not known"})
}

// enumType is the type of sa.Enum('a', 'b', name='x'): on PostgreSQL the enum
// type (created with the table, as SQLAlchemy does); on SQL Server a varchar
// as long as the longest value.
func (r *alembicReader) enumType(v *pyread.Value) string {
	vals := strArgs(v)
	if r.d == schema.SQLServer {
		n := 1
		for _, s := range vals {
			n = max(n, len(s))
		}
		return "varchar(" + strconv.Itoa(n) + ")"
	}
	name := strValue(v.Kw("name"))
	if name == "" {
		panic(parseError{"sa.Enum without name="})
	}
	q := schema.QName{Schema: r.d.DefaultSchema(), Name: name}
	if s := strValue(v.Kw("schema")); s != "" {
		q.Schema = s
	}
	if len(vals) > 0 && !(v.Kw("create_type") != nil && !v.Kw("create_type").Truthy()) {
		r.out.ops = append(r.out.ops, op{kind: opCreateEnum, pos: r.pos(v.Line), ifExist: true,
			enum: &schema.Enum{Schema: q.Schema, Name: q.Name, Values: vals}})
	}
	return q.Schema + "." + q.Name
}
