package tdstest

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Types lists the column types a recording may use: the types of the
// catalog views' columns (sysname is nvarchar(128)).
var Types = []string{"int", "smallint", "tinyint", "bigint", "bit", "nvarchar(N)", "nvarchar(max)", "sysname", "sql_variant"}

// TDS data type tokens (MS-TDS 2.2.5.4.1 fixed-length and 2.2.5.4.2
// variable-length data types).
const (
	typeInt1    = 0x30 // tinyint
	typeBit     = 0x32
	typeInt2    = 0x34 // smallint
	typeInt4    = 0x38 // int
	typeInt8    = 0x7F // bigint
	typeIntN    = 0x26 // nullable integer of 1, 2, 4 or 8 bytes
	typeBitN    = 0x68 // nullable bit
	typeFltN    = 0x6D
	typeVariant = 0x62 // sql_variant
	typeNVarCh  = 0xE7 // nvarchar
	typeVarChar = 0xA7 // varchar
	typeVarBin  = 0xA5 // varbinary
	typeNull    = 0x1F
)

// collation is the 5-byte collation SQL_Latin1_General_CP1_CI_AS (LCID 0x0409,
// comparison flags, sort id 52) that every nvarchar column is described with
// (MS-TDS 2.2.5.1.2).
var collation = [5]byte{0x09, 0x04, 0xD0, 0x00, 0x34}

// variantMaxLen is sql_variant's maximum length in COLMETADATA (8000 bytes of
// data plus the base type's header), as SQL Server sends it.
const variantMaxLen = 8016

// sqlType is a parsed column type.
type sqlType struct {
	name  string // int, smallint, tinyint, bigint, bit, nvarchar, sql_variant
	size  int    // bytes of an integer type
	chars int    // nvarchar length in characters; -1 is max
}

// parseType parses a recording's column type.
func parseType(s string) (sqlType, error) {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "tinyint":
		return sqlType{name: s, size: 1}, nil
	case "smallint":
		return sqlType{name: s, size: 2}, nil
	case "int":
		return sqlType{name: s, size: 4}, nil
	case "bigint":
		return sqlType{name: s, size: 8}, nil
	case "bit", "sql_variant":
		return sqlType{name: s}, nil
	case "sysname":
		return sqlType{name: "nvarchar", chars: 128}, nil
	case "nvarchar(max)":
		return sqlType{name: "nvarchar", chars: -1}, nil
	}
	if n, ok := strings.CutPrefix(s, "nvarchar("); ok {
		if n, ok := strings.CutSuffix(n, ")"); ok {
			if chars, err := strconv.Atoi(n); err == nil && chars >= 1 && chars <= 4000 {
				return sqlType{name: "nvarchar", chars: chars}, nil
			}
		}
	}
	return sqlType{}, fmt.Errorf("unknown type %q (use one of %s; nvarchar(N) with N from 1 to 4000)", s, strings.Join(Types, ", "))
}

// check reports whether v (int64, float64, bool or string) fits the type.
func (t sqlType) check(v any) error {
	switch t.name {
	case "bit":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%v is not a bit (use true or false)", v)
		}
	case "nvarchar":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%v is not a string", v)
		}
		if n := len(utf16.Encode([]rune(s))); t.chars > 0 && n > t.chars {
			return fmt.Errorf("%q has %d characters, more than nvarchar(%d) holds", s, n, t.chars)
		}
	case "sql_variant":
		switch v.(type) {
		case int64, bool, string:
		default:
			return fmt.Errorf("%v: a sql_variant cell holds an integer, a bool or a string", v)
		}
	default:
		i, ok := v.(int64)
		if !ok {
			return fmt.Errorf("%v is not an integer", v)
		}
		bits := uint(t.size * 8)
		if t.name == "tinyint" {
			if i < 0 || i > 255 {
				return fmt.Errorf("%d is out of range for tinyint (0 to 255)", i)
			}
		} else if bits < 64 && (i < -(1<<(bits-1)) || i >= 1<<(bits-1)) {
			return fmt.Errorf("%d is out of range for %s", i, t.name)
		}
	}
	return nil
}

// appendTypeInfo appends the TYPE_INFO of a column (MS-TDS 2.2.5.6): a NOT
// NULL integer or bit column is described with its fixed-length type, a
// nullable one with INTN/BITN, as SQL Server does.
func (t sqlType) appendTypeInfo(b []byte, nullable bool) []byte {
	switch t.name {
	case "bit":
		if nullable {
			return append(b, typeBitN, 1)
		}
		return append(b, typeBit)
	case "nvarchar":
		b = append(b, typeNVarCh)
		if t.chars < 0 {
			b = binary.LittleEndian.AppendUint16(b, 0xFFFF)
		} else {
			b = binary.LittleEndian.AppendUint16(b, uint16(2*t.chars))
		}
		return append(b, collation[:]...)
	case "sql_variant":
		b = append(b, typeVariant)
		return binary.LittleEndian.AppendUint32(b, variantMaxLen)
	}
	if nullable {
		return append(b, typeIntN, byte(t.size))
	}
	return append(b, map[int]byte{1: typeInt1, 2: typeInt2, 4: typeInt4, 8: typeInt8}[t.size])
}

// appendValue appends one cell in the column's wire form (MS-TDS 2.2.5.5 data
// type definitions): fixed-length types raw; INTN/BITN with a length byte (0
// for NULL); nvarchar(N) with a 2-byte length (0xFFFF for NULL);
// nvarchar(max) as PLP (2.2.5.2.3); sql_variant with a 4-byte length (0 for
// NULL), its base type and properties (2.2.5.5.4). v is nil only in a
// nullable column.
func (t sqlType) appendValue(b []byte, v any, nullable bool) []byte {
	switch t.name {
	case "bit":
		var bit byte
		if v == true {
			bit = 1
		}
		switch {
		case !nullable:
			return append(b, bit)
		case v == nil:
			return append(b, 0)
		}
		return append(b, 1, bit)
	case "nvarchar":
		return appendNVarChar(b, v, t.chars < 0)
	case "sql_variant":
		return appendVariant(b, v)
	}
	if nullable {
		if v == nil {
			return append(b, 0)
		}
		b = append(b, byte(t.size))
	}
	return appendInt(b, v.(int64), t.size)
}

// appendInt appends i as a little-endian integer of size bytes.
func appendInt(b []byte, i int64, size int) []byte {
	for k := 0; k < size; k++ {
		b = append(b, byte(uint64(i)>>(8*k)))
	}
	return b
}

// ucs2 encodes s as UTF-16LE, as TDS carries every Unicode string.
func ucs2(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// plpNull is the PLP length of NULL; a PLP value is its total length, its
// chunks (4-byte length and data) and a zero-length terminator chunk.
const plpNull = math.MaxUint64

func appendNVarChar(b []byte, v any, plp bool) []byte {
	if !plp {
		if v == nil {
			return binary.LittleEndian.AppendUint16(b, 0xFFFF)
		}
		data := ucs2(v.(string))
		return append(binary.LittleEndian.AppendUint16(b, uint16(len(data))), data...)
	}
	if v == nil {
		return binary.LittleEndian.AppendUint64(b, plpNull)
	}
	data := ucs2(v.(string))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(data)))
	if len(data) > 0 {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
		b = append(b, data...)
	}
	return binary.LittleEndian.AppendUint32(b, 0)
}

// appendVariant appends a sql_variant: an integer as int when it fits in
// 32 bits (as SQL Server stores an int seed in sys.identity_columns) and
// bigint otherwise, a bool as bit, a string as nvarchar(4000).
func appendVariant(b []byte, v any) []byte {
	var body []byte
	switch x := v.(type) {
	case nil:
		return binary.LittleEndian.AppendUint32(b, 0)
	case int64:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			body = appendInt([]byte{typeInt4, 0}, x, 4)
		} else {
			body = appendInt([]byte{typeInt8, 0}, x, 8)
		}
	case bool:
		body = []byte{typeBit, 0, 0}
		if x {
			body[2] = 1
		}
	case string:
		body = append([]byte{typeNVarCh, 7}, collation[:]...)
		body = binary.LittleEndian.AppendUint16(body, 8000)
		body = append(body, ucs2(x)...)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
	return append(b, body...)
}
