package tdstest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf16"
)

// TDS packet types (MS-TDS 2.2.3.1.1).
const (
	packetBatch     = 0x01
	packetRPC       = 0x03
	packetReply     = 0x04
	packetAttention = 0x06
	packetTM        = 0x0E
	packetLogin7    = 0x10
	packetPrelogin  = 0x12
)

// Packet header status bits (MS-TDS 2.2.3.1.2).
const (
	statusEOM          = 0x01 // last packet of the message
	statusResetConnect = 0x08 // reset the session before running the request
)

// headerLen is the length of a packet header (MS-TDS 2.2.3.1).
const headerLen = 8

// message is one client message: its packet type, the status of its first
// packet and its data, reassembled from its packets.
type message struct {
	typ    byte
	status byte
	data   []byte
}

// readMessage reads packets up to the one marked end of message.
func readMessage(r io.Reader) (message, error) {
	var m message
	for first := true; ; first = false {
		var h [headerLen]byte
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return m, err
		}
		size := int(binary.BigEndian.Uint16(h[2:4]))
		if size < headerLen {
			return m, fmt.Errorf("packet length %d is shorter than its header", size)
		}
		if first {
			m.typ, m.status = h[0], h[1]
		} else if h[0] != m.typ {
			return m, fmt.Errorf("packet of type 0x%02X inside a message of type 0x%02X", h[0], m.typ)
		}
		start := len(m.data)
		m.data = append(m.data, make([]byte, size-headerLen)...)
		if _, err := io.ReadFull(r, m.data[start:]); err != nil {
			return m, err
		}
		if h[1]&statusEOM != 0 {
			return m, nil
		}
	}
}

// writeMessage writes data as packets of type typ no longer than packetSize
// bytes (header included), the last one marked end of message.
func writeMessage(w io.Writer, typ byte, data []byte, packetSize int) error {
	const spid = 51 // the first session id of user connections
	var out []byte
	for id := 1; ; id++ {
		n := min(len(data), packetSize-headerLen)
		status := byte(0)
		if n == len(data) {
			status = statusEOM
		}
		out = append(out, typ, status, 0, 0, 0, spid, byte(id), 0)
		binary.BigEndian.PutUint16(out[len(out)-6:], uint16(headerLen+n))
		out = append(out, data[:n]...)
		data = data[n:]
		if status == statusEOM {
			break
		}
	}
	_, err := w.Write(out)
	return err
}

// reader reads the little-endian fields of a message's data; the first error
// sticks and the reads after it return zero values.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("message ends in the middle of a field")

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		if r.err == nil {
			r.err = errShort
		}
		return make([]byte, max(n, 0))
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *reader) byte() byte     { return r.bytes(1)[0] }
func (r *reader) uint16() uint16 { return binary.LittleEndian.Uint16(r.bytes(2)) }
func (r *reader) uint32() uint32 { return binary.LittleEndian.Uint32(r.bytes(4)) }
func (r *reader) uint64() uint64 { return binary.LittleEndian.Uint64(r.bytes(8)) }

// ucs2 reads n UTF-16LE code units.
func (r *reader) ucs2(n int) string { return decodeUCS2(r.bytes(2 * n)) }

// bVarChar reads a B_VARCHAR: a length byte in characters, then UTF-16LE.
func (r *reader) bVarChar() string { return r.ucs2(int(r.byte())) }

// decodeUCS2 decodes UTF-16LE bytes.
func decodeUCS2(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// allHeaders reads the ALL_HEADERS of a batch, RPC or transaction manager
// request (MS-TDS 2.2.5.3) and returns the transaction descriptor of its
// transaction descriptor header (0 outside a transaction).
func (r *reader) allHeaders() uint64 {
	total := int(r.uint32())
	h := &reader{b: r.bytes(total - 4)}
	var descriptor uint64
	for r.err == nil && len(h.b) > 0 {
		length := int(h.uint32())
		typ := h.uint16()
		data := &reader{b: h.bytes(length - 6)}
		if typ == 2 { // transaction descriptor
			descriptor = data.uint64()
		}
		if h.err != nil {
			r.err = h.err
		}
	}
	return descriptor
}

// param is one RPC parameter.
type param struct {
	name  string
	value any // nil, int64, float64, bool, string or []byte
}

// rpcParam reads one RPC parameter (MS-TDS 2.2.6.6 ParameterData): its name,
// status flags, TYPE_INFO and value, for the types go-mssqldb sends.
func (r *reader) rpcParam() (param, error) {
	p := param{name: r.bVarChar()}
	r.byte() // status flags: by-reference (output), default value
	typ := r.byte()
	switch typ {
	case typeNull:
		return p, r.err
	case typeInt1, typeInt2, typeInt4, typeInt8, typeBit:
		size := map[byte]int{typeInt1: 1, typeInt2: 2, typeInt4: 4, typeInt8: 8, typeBit: 1}[typ]
		p.value = r.intValue(typ, size)
	case typeIntN, typeBitN, typeFltN:
		r.byte() // maximum length
		size := int(r.byte())
		switch {
		case size == 0:
		case typ == typeFltN && size == 8:
			p.value = math.Float64frombits(r.uint64())
		case typ == typeFltN && size == 4:
			p.value = float64(math.Float32frombits(r.uint32()))
		case typ == typeFltN:
			return p, fmt.Errorf("parameter %s: float of %d bytes", p.name, size)
		default:
			p.value = r.intValue(typ, size)
		}
	case typeNVarCh, typeVarChar, typeVarBin:
		maxLen := r.uint16()
		if typ != typeVarBin {
			r.bytes(5) // collation
		}
		var data []byte
		if maxLen == 0xFFFF {
			data = r.plp()
		} else if n := r.uint16(); n != 0xFFFF {
			data = r.bytes(int(n))
		}
		switch {
		case data == nil:
		case typ == typeNVarCh:
			p.value = decodeUCS2(data)
		case typ == typeVarChar:
			p.value = string(data)
		default:
			p.value = data
		}
	default:
		return p, fmt.Errorf("parameter %s: TDS type 0x%02X is not supported by tdstest (it serves integers, bits, floats, strings and binary)", p.name, typ)
	}
	return p, r.err
}

// intValue reads an integer (or bit, as a bool) of size bytes.
func (r *reader) intValue(typ byte, size int) any {
	b := r.bytes(size)
	var u uint64
	for i := size - 1; i >= 0; i-- {
		u = u<<8 | uint64(b[i])
	}
	if typ == typeBit || typ == typeBitN {
		return u != 0
	}
	shift := uint(64 - 8*size)
	if size == 1 { // tinyint is unsigned
		return int64(u)
	}
	return int64(u<<shift) >> shift
}

// plp reads a partially length-prefixed value (MS-TDS 2.2.5.2.3); nil is NULL.
func (r *reader) plp() []byte {
	if r.uint64() == plpNull {
		return nil
	}
	data := []byte{}
	for r.err == nil {
		n := int(r.uint32())
		if n == 0 {
			break
		}
		data = append(data, r.bytes(n)...)
	}
	return data
}

// Token types the server sends (MS-TDS 2.2.7).
const (
	tokenReturnStatus = 0x79
	tokenColMetadata  = 0x81
	tokenError        = 0xAA
	tokenInfo         = 0xAB
	tokenLoginAck     = 0xAD
	tokenRow          = 0xD1
	tokenNBCRow       = 0xD2
	tokenEnvChange    = 0xE3
	tokenDone         = 0xFD
	tokenDoneProc     = 0xFE
	tokenDoneInProc   = 0xFF
)

// DONE status bits (MS-TDS 2.2.7.6) and the current-command value of a SELECT.
const (
	doneFinal  = 0x00
	doneMore   = 0x01
	doneError  = 0x02
	doneInXact = 0x04
	doneCount  = 0x10
	doneAttn   = 0x20
	cmdSelect  = 0xC1
)

// ENVCHANGE types (MS-TDS 2.2.7.9).
const (
	envDatabase     = 1
	envLanguage     = 2
	envPacketSize   = 4
	envCollation    = 7
	envBeginTran    = 8
	envCommitTran   = 9
	envRollbackTran = 10
	envResetAck     = 18
)

// tokens builds a response's token stream.
type tokens struct{ b []byte }

// bVarChar appends a B_VARCHAR.
func bVarChar(b []byte, s string) []byte {
	u := ucs2(s)
	return append(append(b, byte(len(u)/2)), u...)
}

// usVarChar appends a US_VARCHAR: a 2-byte length in characters, then UTF-16LE.
func usVarChar(b []byte, s string) []byte {
	u := ucs2(s)
	return append(binary.LittleEndian.AppendUint16(b, uint16(len(u)/2)), u...)
}

// withLength appends token, then a 2-byte length of body, then body.
func (t *tokens) withLength(token byte, body []byte) {
	t.b = append(t.b, token)
	t.b = binary.LittleEndian.AppendUint16(t.b, uint16(len(body)))
	t.b = append(t.b, body...)
}

// envChange appends an ENVCHANGE whose values are B_VARCHAR strings.
func (t *tokens) envChange(typ byte, newValue, oldValue string) {
	t.withLength(tokenEnvChange, bVarChar(bVarChar([]byte{typ}, newValue), oldValue))
}

// envChangeBytes appends an ENVCHANGE whose values are B_VARBYTE.
func (t *tokens) envChangeBytes(typ byte, newValue, oldValue []byte) {
	b := append([]byte{typ, byte(len(newValue))}, newValue...)
	b = append(append(b, byte(len(oldValue))), oldValue...)
	t.withLength(tokenEnvChange, b)
}

// message appends an ERROR or INFO token (MS-TDS 2.2.7.10, 2.2.7.13).
func (t *tokens) message(token byte, number int32, state, class byte, text string) {
	b := binary.LittleEndian.AppendUint32(nil, uint32(number))
	b = append(b, state, class)
	b = usVarChar(b, text)
	b = bVarChar(b, serverName)
	b = bVarChar(b, "")                        // procedure name
	b = binary.LittleEndian.AppendUint32(b, 1) // line number
	t.withLength(token, b)
}

// done appends a DONE, DONEPROC or DONEINPROC token.
func (t *tokens) done(token byte, status, cmd uint16, rows uint64) {
	t.b = append(t.b, token)
	t.b = binary.LittleEndian.AppendUint16(t.b, status)
	t.b = binary.LittleEndian.AppendUint16(t.b, cmd)
	t.b = binary.LittleEndian.AppendUint64(t.b, rows)
}

// result appends a result set: COLMETADATA, then a ROW per row, or an NBCROW
// (null bitmap, then the non-null cells) for a row holding a NULL, as SQL
// Server does when that is shorter.
func (t *tokens) result(res *Result) {
	types := make([]sqlType, len(res.Columns))
	t.b = append(t.b, tokenColMetadata)
	t.b = binary.LittleEndian.AppendUint16(t.b, uint16(len(res.Columns)))
	for i, c := range res.Columns {
		types[i], _ = parseType(c.Type)                // checked by Load
		t.b = binary.LittleEndian.AppendUint32(t.b, 0) // user type
		flags := uint16(0)
		if c.Nullable {
			flags |= 0x01
		}
		t.b = binary.LittleEndian.AppendUint16(t.b, flags)
		t.b = types[i].appendTypeInfo(t.b, c.Nullable)
		t.b = bVarChar(t.b, c.Name)
	}
	for _, row := range res.Rows {
		hasNull := false
		for _, v := range row {
			hasNull = hasNull || v == nil
		}
		if !hasNull {
			t.b = append(t.b, tokenRow)
			for i, v := range row {
				t.b = types[i].appendValue(t.b, v, res.Columns[i].Nullable)
			}
			continue
		}
		t.b = append(t.b, tokenNBCRow)
		bitmap := make([]byte, (len(row)+7)/8)
		for i, v := range row {
			if v == nil {
				bitmap[i/8] |= 1 << (i % 8)
			}
		}
		t.b = append(t.b, bitmap...)
		for i, v := range row {
			if v != nil {
				t.b = types[i].appendValue(t.b, v, res.Columns[i].Nullable)
			}
		}
	}
}
