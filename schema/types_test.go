package schema

import (
	"strings"
	"testing"
)

func TestCanonicalTypePostgres(t *testing.T) {
	// The canonical spellings are what format_type() printed on PostgreSQL 15.
	tests := map[string]string{
		"int": "integer", "INT4": "integer", "integer": "integer", "int8": "bigint", "int2": "smallint",
		"serial4": "serial", "serial8": "bigserial", "serial2": "smallserial", "serial": "serial",
		"varchar(50)": "character varying(50)", "character varying ( 50 )": "character varying(50)",
		"varchar": "character varying", "char(3)": "character(3)", "character(3)": "character(3)",
		"char": "character(1)", "bpchar": "bpchar", "text": "text", "bool": "boolean",
		"float4": "real", "float8": "double precision", "float": "double precision", "float(10)": "real",
		"float(30)": "double precision", "Double   Precision": "double precision",
		"decimal(10, 2)": "numeric(10,2)", "numeric(5)": "numeric(5,0)", "numeric": "numeric",
		"timestamp": "timestamp without time zone", "timestamptz": "timestamp with time zone",
		"timestamp(3)": "timestamp(3) without time zone", "timestamptz(2)": "timestamp(2) with time zone",
		"timestamp(3) with time zone": "timestamp(3) with time zone", "time": "time without time zone",
		"time(3)": "time(3) without time zone", "timetz": "time with time zone", "interval(2)": "interval(2)",
		"date": "date", "uuid": "uuid", "jsonb": "jsonb", "json": "json", "bytea": "bytea", "inet": "inet",
		"bit": "bit(1)", "bit(5)": "bit(5)", "varbit(5)": "bit varying(5)", "bit varying": "bit varying",
		"tsvector": "tsvector", "point": "point", "tstzrange": "tstzrange", "oid": "oid", "money": "money",
		"int[]": "integer[]", "integer []": "integer[]", "_int4": "integer[]", "varchar(5)[][]": "character varying(5)[]",
		"text[3]": "text[]",
	}
	for in, want := range tests {
		got, err := CanonicalType(Postgres, in)
		if err != nil || got != want {
			t.Errorf("CanonicalType(postgres, %q) = %q, %v; want %q", in, got, err, want)
			continue
		}
		if again, err := CanonicalType(Postgres, got); err != nil || again != got {
			t.Errorf("CanonicalType(postgres, %q) = %q, %v; want it unchanged", got, again, err)
		}
	}
}

func TestCanonicalTypeSQLServer(t *testing.T) {
	tests := map[string]string{
		"NVARCHAR(255)": "nvarchar(255)", "nvarchar(max)": "nvarchar(max)", "nvarchar(-1)": "nvarchar(max)",
		"varchar(MAX)": "varchar(max)", "nchar(2)": "nchar(2)", "char": "char(1)", "datetime": "datetime",
		"datetime2": "datetime2", "datetime2(7)": "datetime2", "datetime2(3)": "datetime2(3)",
		"datetimeoffset": "datetimeoffset", "date": "date", "time(7)": "time", "bit": "bit", "tinyint": "tinyint",
		"int": "int", "bigint": "bigint", "decimal(18, 2)": "decimal(18,2)", "decimal": "decimal(18,0)",
		"numeric(10)": "numeric(10,0)", "money": "money", "float": "float", "real": "real",
		"uniqueidentifier": "uniqueidentifier", "varbinary(max)": "varbinary(max)", "binary(16)": "binary(16)",
		"xml": "xml", "text": "text", "ntext": "ntext", "rowversion": "rowversion", "timestamp": "rowversion",
		"TIMESTAMP": "rowversion",
	}
	for in, want := range tests {
		got, err := CanonicalType(SQLServer, in)
		if err != nil || got != want {
			t.Errorf("CanonicalType(sqlserver, %q) = %q, %v; want %q", in, got, err, want)
			continue
		}
		if again, err := CanonicalType(SQLServer, got); err != nil || again != got {
			t.Errorf("CanonicalType(sqlserver, %q) = %q, %v; want it unchanged", got, again, err)
		}
	}
}

func TestCanonicalTypeErrors(t *testing.T) {
	tests := []struct {
		d       Dialect
		in      string
		wantErr string
	}{
		{Postgres, "strng", `unknown PostgreSQL type "strng"`},
		{Postgres, "integr", `did you mean "integer"?`},
		{Postgres, "int; drop table x", `unknown PostgreSQL type`},
		{Postgres, "text) ; --", `unknown PostgreSQL type`},
		{Postgres, "varchar(abc)", `invalid PostgreSQL type`},
		{Postgres, "integer(5)", `invalid PostgreSQL type`},
		{Postgres, "text with time zone", `invalid PostgreSQL type`},
		{Postgres, "", `unknown PostgreSQL type`},
		{SQLServer, "nvarchr(10)", `did you mean "nvarchar"?`},
		{SQLServer, "int[]", `unknown SQL Server type`},
		{SQLServer, "nchar(max)", `invalid SQL Server type`},
		{"oracle", "int", `unknown dialect`},
	}
	for _, tt := range tests {
		got, err := CanonicalType(tt.d, tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("CanonicalType(%s, %q) = %q, %v; want error containing %q", tt.d, tt.in, got, err, tt.wantErr)
		}
	}
}
