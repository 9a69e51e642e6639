// Package tdstest is a SQL Server stand-in for tests: a TDS server, written
// from Microsoft's MS-TDS specification, that answers the catalog queries of
// a recording, so SQL Server code is tested through the real go-mssqldb
// driver speaking the real wire protocol where no SQL Server can run.
//
// It speaks TDS 7.4 without TLS (PRELOGIN is answered ENCRYPT_NOT_SUP: the
// client URL needs encrypt=disable, or no encrypt option), accepts any login
// (it is a test server: never expose it), and serves:
//
//   - SQL batches and sp_executesql RPC requests: a query is answered with
//     the result recorded under the name of its leading "-- schemadiff:<name>"
//     comment, if the SHA-256 of its text (and its parameters, when the
//     result records some) match the recording. Anything else is answered
//     with an ERROR token (number 208, as SQL Server answers an unknown
//     object), so an edited or new query fails its test instead of passing
//     with no rows;
//   - transaction manager requests: begin (with its isolation level),
//     commit and rollback, answered with the transaction descriptor
//     ENVCHANGEs SQL Server sends;
//   - go-mssqldb's Ping ("select 1;"), answered with 1;
//   - ATTENTION, answered with DONE(ATTN); the reset-connection flag,
//     answered with its ENVCHANGE acknowledgement.
//
// Result sets carry the SQL Server types recorded for their columns (see
// Recording). Server.Log tells tests what the client asked.
package tdstest

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
)

// serverName is the server name the server's messages carry.
const serverName = "tdstest"

// errNotRecorded is the error number of an unrecognised query: SQL Server's
// Msg 208, "Invalid object name".
const errNotRecorded = 208

// Lookup returns the recording to serve to a client that logs in to
// database; an error refuses the login.
type Lookup func(database string) (*Recording, error)

// Serve returns a Lookup that serves rec whatever the database.
func Serve(rec *Recording) Lookup {
	return func(string) (*Recording, error) { return rec, nil }
}

// LoadPath loads the recording at path and returns its Lookup: a file is
// served whatever the database; a folder serves each of its NAME.json files
// to clients that log in to database NAME.
func LoadPath(path string) (Lookup, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("tdstest: %w", err)
	}
	if !info.IsDir() {
		rec, err := Load(path)
		if err != nil {
			return nil, err
		}
		return Serve(rec), nil
	}
	files, err := filepath.Glob(filepath.Join(path, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("tdstest: %w", err)
	}
	recs := map[string]*Recording{}
	for _, f := range files {
		if recs[strings.TrimSuffix(filepath.Base(f), ".json")], err = Load(f); err != nil {
			return nil, err
		}
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("tdstest: %s holds no .json recording", path)
	}
	return func(db string) (*Recording, error) {
		if rec := recs[db]; rec != nil {
			return rec, nil
		}
		names := make([]string, 0, len(recs))
		for n := range recs {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("no recording for database %q in %s (databases: %s)", db, path, strings.Join(names, ", "))
	}, nil
}

// Server is a running TDS server.
type Server struct {
	ln     net.Listener
	lookup Lookup
	wg     sync.WaitGroup

	mu     sync.Mutex
	conns  map[net.Conn]bool
	closed bool
	log    []string
	delay  time.Duration
}

// SetDelay makes the server wait d before answering each query, as a slow
// server would, so tests can cancel a query while it runs.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// queryDelay returns the delay SetDelay set.
func (s *Server) queryDelay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.delay
}

// Listen starts a server on addr (host:port; port 0 picks a free one).
func Listen(addr string, lookup Lookup) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("tdstest: %w", err)
	}
	s := &Server{ln: ln, lookup: lookup, conns: map[net.Conn]bool{}}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Addr returns the host:port the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL returns a go-mssqldb URL of the server for database.
func (s *Server) URL(database string) string {
	return "sqlserver://sa:tdstest-pw@" + s.Addr() + "?database=" + database + "&encrypt=disable"
}

// Log returns what clients asked, one line per request, in order: "login
// DATABASE", "query NAME", "begin ISOLATION LEVEL", "commit", "rollback",
// "attention", "reset", "ping", "error NUMBER: MESSAGE".
func (s *Server) Log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

func (s *Server) logf(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, fmt.Sprintf(format, args...))
}

// Close stops the server and closes its connections.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.mu.Lock()
	s.closed = true
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		if s.closed { // accepted as Close ran
			s.mu.Unlock()
			c.Close()
			return
		}
		s.conns[c] = true
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() {
				s.mu.Lock()
				delete(s.conns, c)
				s.mu.Unlock()
				c.Close()
			}()
			if err := (&session{s: s, c: c, packetSize: 4096}).run(); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				s.logf("connection closed: %v", err)
			}
		}()
	}
}

// session is one client connection.
type session struct {
	s          *Server
	c          net.Conn
	packetSize int
	rec        *Recording
	tran       uint64 // descriptor of the open transaction; 0 when none
	lastTran   uint64
}

// run serves a connection: PRELOGIN, LOGIN7, then requests until it closes.
func (ss *session) run() error {
	m, err := readMessage(ss.c)
	if err != nil {
		return err
	}
	if m.typ != packetPrelogin {
		return fmt.Errorf("first message of type 0x%02X, not PRELOGIN", m.typ)
	}
	if err := writeMessage(ss.c, packetReply, prelogin(), ss.packetSize); err != nil {
		return err
	}
	if m, err = readMessage(ss.c); err != nil {
		return err
	}
	if m.typ != packetLogin7 {
		return fmt.Errorf("message of type 0x%02X after PRELOGIN, not LOGIN7 (the client asked for TLS, which tdstest does not speak: use encrypt=disable)", m.typ)
	}
	reply, ok := ss.login(m.data)
	if err := ss.reply(reply); err != nil || !ok {
		return err
	}
	for {
		m, err := readMessage(ss.c)
		if err != nil {
			return err
		}
		var t tokens
		if m.status&statusResetConnect != 0 {
			ss.s.logf("reset")
			ss.tran = 0 // sp_reset_connection rolls back an open transaction
			t.envChangeBytes(envResetAck, nil, nil)
		}
		if m.typ == packetBatch || m.typ == packetRPC {
			time.Sleep(ss.s.queryDelay())
		}
		switch m.typ {
		case packetBatch:
			r := &reader{b: m.data}
			ss.checkDescriptor(r.allHeaders())
			ss.query(&t, decodeUCS2(r.b), nil, false)
		case packetRPC:
			ss.rpc(&t, m.data)
		case packetTM:
			ss.transaction(&t, m.data)
		case packetAttention:
			ss.s.logf("attention")
			t.done(tokenDone, doneAttn, 0, 0)
		default:
			ss.fail(&t, tokenDone, 0, 102, fmt.Sprintf("schemadiff tdstest: messages of type 0x%02X are not supported", m.typ))
		}
		if err := ss.reply(t.b); err != nil {
			return err
		}
	}
}

func (ss *session) reply(b []byte) error {
	return writeMessage(ss.c, packetReply, b, ss.packetSize)
}

// prelogin returns the PRELOGIN response (MS-TDS 2.2.6.5): version 16.0,
// encryption not supported, no instance, no MARS.
func prelogin() []byte {
	options := []struct {
		token byte
		data  []byte
	}{
		{0x00, []byte{16, 0, 0x03, 0xE8, 0, 0}}, // VERSION 16.0.1000, sub-build 0
		{0x01, []byte{0x02}},                    // ENCRYPTION: ENCRYPT_NOT_SUP
		{0x02, []byte{0x00}},                    // INSTOPT: no instance name
		{0x03, nil},                             // THREADID: empty from a server
		{0x04, []byte{0x00}},                    // MARS: off
	}
	offset := 5*len(options) + 1
	var head, data []byte
	for _, o := range options {
		head = append(head, o.token, byte(offset>>8), byte(offset), byte(len(o.data)>>8), byte(len(o.data)))
		offset += len(o.data)
		data = append(data, o.data...)
	}
	return append(append(head, 0xFF), data...)
}

// login answers a LOGIN7 message (MS-TDS 2.2.6.4): any user and password
// are accepted; the database picks the recording. ok is false when the
// login is refused.
func (ss *session) login(data []byte) (reply []byte, ok bool) {
	r := &reader{b: data}
	fixed := &reader{b: r.bytes(94)}
	fixed.bytes(8)
	packetSize := int(fixed.uint32())
	field := func(at int) string {
		f := &reader{b: data[at:]}
		offset, chars := int(f.uint16()), int(f.uint16())
		s := &reader{b: data}
		s.bytes(offset)
		return s.ucs2(chars)
	}
	var t tokens
	if r.err != nil {
		ss.fail(&t, tokenDone, 0, 18456, "Login failed: the LOGIN7 message is truncated.")
		return t.b, false
	}
	user, database := field(40), field(68)
	if database == "" {
		database = "master"
	}
	ss.s.logf("login %s", database)
	rec, err := ss.s.lookup(database)
	if err != nil {
		ss.fail(&t, tokenDone, 0, 4060, fmt.Sprintf("Cannot open database %q requested by the login. The login failed. (schemadiff tdstest: %v)", database, err))
		return t.b, false
	}
	ss.rec = rec
	t.envChange(envDatabase, database, "master")
	t.message(tokenInfo, 5701, 2, 0, fmt.Sprintf("Changed database context to '%s'.", database))
	t.envChangeBytes(envCollation, collation[:], nil)
	t.envChange(envLanguage, "us_english", "")
	t.message(tokenInfo, 5703, 1, 0, "Changed language setting to us_english.")
	ack := []byte{1, 0x74, 0x00, 0x00, 0x04} // SQL_TSQL interface, TDS 7.4
	ack = bVarChar(ack, "schemadiff tdstest "+user)
	ack = append(ack, 16, 0, 0x03, 0xE8)
	t.withLength(tokenLoginAck, ack)
	ss.packetSize = min(max(packetSize, 512), 32767)
	t.envChange(envPacketSize, fmt.Sprint(ss.packetSize), "4096")
	t.done(tokenDone, doneFinal, 0, 0)
	return t.b, true
}

// fail appends an ERROR token and the DONE-kind token that ends the
// request with its error bit.
func (ss *session) fail(t *tokens, doneToken byte, status uint16, number int32, text string) {
	ss.s.logf("error %d: %s", number, text)
	t.message(tokenError, number, 1, 16, text)
	t.done(doneToken, status|doneError|ss.inXact(), 0, 0)
}

// inXact is the DONE status bit of an open transaction.
func (ss *session) inXact() uint16 {
	if ss.tran != 0 {
		return doneInXact
	}
	return 0
}

// checkDescriptor logs a request whose transaction descriptor is not the
// open transaction's (a driver bug SQL Server would answer with an error).
func (ss *session) checkDescriptor(d uint64) {
	if d != ss.tran {
		ss.s.logf("transaction descriptor %d, open transaction %d", d, ss.tran)
	}
}

// query answers a query with its recorded result, or an error saying why it
// has none.
func (ss *session) query(t *tokens, text string, params []param, rpc bool) {
	doneToken := byte(tokenDone)
	if rpc {
		doneToken = tokenDoneProc
	}
	if strings.TrimSpace(text) == pingQuery && !rpc {
		ss.s.logf("ping")
		t.result(&pingResult)
		t.done(tokenDone, doneCount|ss.inXact(), cmdSelect, 1)
		return
	}
	res, msg := ss.find(text, params)
	if res == nil {
		ss.fail(t, doneToken, 0, errNotRecorded, msg)
		return
	}
	t.result(res)
	if rpc {
		t.done(tokenDoneInProc, doneCount|doneMore|ss.inXact(), cmdSelect, uint64(len(res.Rows)))
		t.b = append(t.b, tokenReturnStatus, 0, 0, 0, 0)
		t.done(tokenDoneProc, doneFinal|ss.inXact(), 0xE0, 0)
		return
	}
	t.done(tokenDone, doneCount|ss.inXact(), cmdSelect, uint64(len(res.Rows)))
}

// pingQuery is what go-mssqldb's Ping sends, answered as SQL Server does.
const pingQuery = "select 1;"

var pingResult = Result{Columns: []Column{{Name: "", Type: "int"}}, Rows: [][]any{{int64(1)}}}

// find returns the recorded result of a query, or why there is none.
func (ss *session) find(text string, params []param) (*Result, string) {
	const prefix = "schemadiff tdstest: no recorded result for this query: "
	name, ok := QueryName(text)
	if !ok {
		first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
		return nil, fmt.Sprintf("%sit does not start with a %q<name> comment (first line: %q)", prefix, namePrefix, first)
	}
	ss.s.logf("query %s", name)
	res := ss.rec.Results[name]
	if res == nil {
		return nil, fmt.Sprintf("%snothing is recorded under %q (recorded: %s)", prefix, name, strings.Join(ss.rec.names(), ", "))
	}
	if h := QueryHash(text); h != res.QuerySHA256 {
		return nil, fmt.Sprintf("%sthe text of query %q is not the one recorded (its SHA-256 is %s, the recording's %s): record it again (go run ./internal/tdstest/cmd/record) or restore the query", prefix, name, h, res.QuerySHA256)
	}
	got := map[string]any{}
	for _, p := range params {
		got[p.name] = p.value
	}
	want := res.Params
	if want == nil {
		want = map[string]any{}
	}
	if !reflect.DeepEqual(got, want) {
		return nil, fmt.Sprintf("%squery %q was recorded with parameters %v, not %v", prefix, name, want, got)
	}
	return res, ""
}

// rpc answers an RPC request (MS-TDS 2.2.6.6): sp_executesql only, by id
// (10) or by name; its first parameter is the statement, its second the
// parameter declarations, the rest the parameters.
func (ss *session) rpc(t *tokens, data []byte) {
	r := &reader{b: data}
	ss.checkDescriptor(r.allHeaders())
	proc := "sp_executesql"
	if n := r.uint16(); n == 0xFFFF {
		if id := r.uint16(); id != 10 {
			proc = fmt.Sprintf("procedure id %d", id)
		}
	} else {
		proc = r.ucs2(int(n))
	}
	r.uint16() // option flags
	if !strings.EqualFold(proc, "sp_executesql") {
		ss.fail(t, tokenDoneProc, 0, 2812, fmt.Sprintf("Could not find stored procedure '%s'. (schemadiff tdstest serves sp_executesql only)", proc))
		return
	}
	var params []param
	for len(r.b) > 0 && r.err == nil {
		p, err := r.rpcParam()
		if err != nil {
			ss.fail(t, tokenDoneProc, 0, 8016, "schemadiff tdstest: "+err.Error())
			return
		}
		params = append(params, p)
	}
	if r.err != nil || len(params) < 1 {
		ss.fail(t, tokenDoneProc, 0, 8144, "schemadiff tdstest: sp_executesql without a statement, or a truncated request")
		return
	}
	stmt, _ := params[0].value.(string)
	if len(params) > 1 {
		params = params[2:]
	} else {
		params = nil
	}
	ss.query(t, stmt, params, true)
}

// isolationLevels names TM_BEGIN_XACT's isolation levels (MS-TDS 2.2.6.9).
var isolationLevels = map[byte]string{
	0: "UNCHANGED", 1: "READ UNCOMMITTED", 2: "READ COMMITTED", 3: "REPEATABLE READ", 4: "SERIALIZABLE", 5: "SNAPSHOT",
}

// transaction answers a transaction manager request (MS-TDS 2.2.6.9):
// TM_BEGIN_XACT (5), TM_COMMIT_XACT (7) and TM_ROLLBACK_XACT (8).
func (ss *session) transaction(t *tokens, data []byte) {
	r := &reader{b: data}
	descriptor := r.allHeaders()
	switch typ := r.uint16(); typ {
	case 5:
		level := r.byte()
		r.bVarChar() // transaction name
		name, ok := isolationLevels[level]
		switch {
		case r.err != nil || !ok:
			ss.fail(t, tokenDone, 0, 8144, fmt.Sprintf("schemadiff tdstest: malformed TM_BEGIN_XACT (isolation level %d)", level))
			return
		case ss.tran != 0:
			ss.fail(t, tokenDone, 0, 8004, "schemadiff tdstest: TM_BEGIN_XACT inside an open transaction (nested transactions are not served)")
			return
		}
		ss.s.logf("begin %s", name)
		ss.lastTran++
		ss.tran = ss.lastTran
		t.envChangeBytes(envBeginTran, appendInt(nil, int64(ss.tran), 8), nil)
		t.done(tokenDone, doneInXact, 0, 0)
	case 7, 8:
		verb, env, number := "COMMIT", byte(envCommitTran), int32(3902)
		if typ == 8 {
			verb, env, number = "ROLLBACK", envRollbackTran, 3903
		}
		if ss.tran == 0 || descriptor != ss.tran {
			ss.fail(t, tokenDone, 0, number, fmt.Sprintf("The %s TRANSACTION request has no corresponding BEGIN TRANSACTION.", verb))
			return
		}
		ss.s.logf("%s", strings.ToLower(verb))
		t.envChangeBytes(env, nil, appendInt(nil, int64(ss.tran), 8))
		ss.tran = 0
		t.done(tokenDone, doneFinal, 0, 0)
	default:
		ss.fail(t, tokenDone, 0, 8144, fmt.Sprintf("schemadiff tdstest: transaction manager request %d is not supported (begin, commit and rollback are)", typ))
	}
}
