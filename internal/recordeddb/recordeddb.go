// Package recordeddb is a database/sql driver that answers queries with
// recorded result sets, so that code reading a database catalog can be tested
// without the database (SQL Server cannot run everywhere tests run).
//
// Every query the driver is asked names itself in a leading comment:
//
//	-- schemadiff:columns
//	SELECT ...
//
// and is answered with the rows recorded under that name. A query without a
// name, or with a name nothing was recorded for, is an error naming it, so a
// new query can never silently return nothing. Statements (Exec) are refused:
// a recording is read-only.
//
// # File format
//
// A recording is one JSON file:
//
//	{
//	  "description": "what database this is",
//	  "results": {
//	    "columns": [
//	      {"object_id": 581577110, "name": "id", "collation_name": null, "is_nullable": false},
//	      ...
//	    ],
//	    "indexes": []
//	  }
//	}
//
// Each result set is a JSON array of row objects whose keys are the result's
// columns, in order (every row has the same keys in the same order). Cells are
// typed: a JSON string is a string (” is ""), an integral number an int64,
// another number a float64, true/false a bool, and null is SQL NULL.
//
// This is exactly what SQL Server prints for a query followed by
// FOR JSON PATH, INCLUDE_NULL_VALUES (bit columns come out as true/false), so a
// recording can be made by hand in sqlcmd or SSMS: run each named query with
// that clause appended and paste its output under the query's name. Record
// does the same from Go, against any database/sql connection.
package recordeddb

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// namePrefix starts the comment that names a query.
const namePrefix = "-- schemadiff:"

// QueryName returns the name a query gives itself in its leading
// "-- schemadiff:<name>" comment (leading blank lines and spaces are skipped).
func QueryName(query string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimLeft(query, " \t\r\n"), namePrefix)
	if !ok {
		return "", false
	}
	name, _, _ := strings.Cut(rest, "\n")
	name = strings.TrimSpace(name)
	return name, name != ""
}

// File is a recording: the result sets of named queries.
type File struct {
	// Description says what database the rows come from (free text).
	Description string `json:"description,omitempty"`
	// Results holds one result set per query name.
	Results map[string]*ResultSet `json:"results"`
}

// ResultSet is the result of one query: column names and typed rows. In JSON it
// is an array of row objects (see the package documentation).
type ResultSet struct {
	// Columns are the result's column names, in order.
	Columns []string
	// Rows hold one value per column: nil (NULL), string, int64, float64 or bool.
	Rows [][]any
}

// Load reads a recording from a JSON file.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("recordeddb: %w", err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("recordeddb: %s: %w", path, err)
	}
	return &f, nil
}

// Write stores the recording as indented JSON, result sets in name order.
func (f *File) Write(path string) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("recordeddb: encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("recordeddb: %w", err)
	}
	return nil
}

// UnmarshalJSON reads an array of row objects, keeping the key order.
func (rs *ResultSet) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	*rs = ResultSet{}
	for dec.More() {
		if err := rs.readRow(dec); err != nil {
			return fmt.Errorf("row %d: %w", len(rs.Rows)+1, err)
		}
	}
	return expectDelim(dec, ']')
}

func (rs *ResultSet) readRow(dec *json.Decoder) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	var names []string
	var row []any
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var raw any
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("column %q: %w", key, err)
		}
		v, err := cell(raw)
		if err != nil {
			return fmt.Errorf("column %q: %w", key, err)
		}
		names = append(names, key)
		row = append(row, v)
	}
	if err := expectDelim(dec, '}'); err != nil {
		return err
	}
	if len(rs.Rows) == 0 {
		rs.Columns = names
	} else if !equalStrings(names, rs.Columns) {
		return fmt.Errorf("columns %v differ from the first row's %v", names, rs.Columns)
	}
	rs.Rows = append(rs.Rows, row)
	return nil
}

// cell turns a decoded JSON value into a driver value.
func cell(raw any) (any, error) {
	switch v := raw.(type) {
	case nil, string, bool:
		return v, nil
	case json.Number:
		if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return i, nil
		}
		f, err := v.Float64()
		if err != nil {
			return nil, fmt.Errorf("number %s: %w", v, err)
		}
		return f, nil
	}
	return nil, fmt.Errorf("nested %T is not a cell value (use null, a string, a number or a bool)", raw)
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("expected %q, found %v", want, tok)
	}
	return nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// MarshalJSON writes the result set as an array of row objects, keys in column order.
func (rs *ResultSet) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range rs.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("{")
		for j, v := range row {
			if j > 0 {
				b.WriteString(",")
			}
			k, err := json.Marshal(rs.Columns[j])
			if err != nil {
				return nil, err
			}
			val, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("column %q: %w", rs.Columns[j], err)
			}
			b.Write(k)
			b.WriteString(":")
			b.Write(val)
		}
		b.WriteString("}")
	}
	b.WriteString("]")
	return b.Bytes(), nil
}

// Record runs each named query on db and returns what they returned, as a
// recording. Values are stored as the driver returned them; []byte becomes a
// string and time.Time an RFC 3339 string.
func Record(ctx context.Context, db *sql.DB, description string, queries ...string) (*File, error) {
	f := &File{Description: description, Results: map[string]*ResultSet{}}
	for _, q := range queries {
		name, ok := QueryName(q)
		if !ok {
			return nil, errUnnamed(q)
		}
		rs, err := record(ctx, db, q)
		if err != nil {
			return nil, fmt.Errorf("recordeddb: record %s: %w", name, err)
		}
		f.Results[name] = rs
	}
	return f, nil
}

func record(ctx context.Context, db *sql.DB, query string) (*ResultSet, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	rs := &ResultSet{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			switch x := v.(type) {
			case []byte:
				vals[i] = string(x)
			case time.Time:
				vals[i] = x.Format(time.RFC3339Nano)
			case int32:
				vals[i] = int64(x)
			case nil, string, int64, float64, bool:
			default:
				return nil, fmt.Errorf("column %q: cannot record a %T", cols[i], v)
			}
		}
		rs.Rows = append(rs.Rows, vals)
	}
	return rs, rows.Err()
}

// Open returns a *sql.DB that answers queries from the recording f.
func Open(f *File) *sql.DB { return sql.OpenDB(connector{f}) }

// OpenFile loads a recording and opens it (see Open).
func OpenFile(path string) (*sql.DB, error) {
	f, err := Load(path)
	if err != nil {
		return nil, err
	}
	return Open(f), nil
}

func errUnnamed(query string) error {
	first, _, _ := strings.Cut(strings.TrimSpace(query), "\n")
	return fmt.Errorf("recordeddb: query %q does not start with a %q<name> comment", first, namePrefix)
}

// connector hands out connections to one recording.
type connector struct{ f *File }

func (c connector) Connect(context.Context) (driver.Conn, error) { return &conn{f: c.f}, nil }
func (c connector) Driver() driver.Driver                        { return drv{} }

// drv exists because driver.Connector must name a Driver; it cannot open by name.
type drv struct{}

func (drv) Open(string) (driver.Conn, error) {
	return nil, errors.New("recordeddb: open a recording with recordeddb.Open, not sql.Open")
}

type conn struct{ f *File }

func (c *conn) Prepare(query string) (driver.Stmt, error) { return &stmt{c, query}, nil }
func (c *conn) Close() error                              { return nil }
func (c *conn) Begin() (driver.Tx, error)                 { return tx{}, nil }

// BeginTx accepts any options: a recording cannot be written anyway.
func (c *conn) BeginTx(context.Context, driver.TxOptions) (driver.Tx, error) { return tx{}, nil }

// QueryContext answers a named query with its recorded rows (arguments are ignored).
func (c *conn) QueryContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Rows, error) {
	name, ok := QueryName(query)
	if !ok {
		return nil, errUnnamed(query)
	}
	rs, ok := c.f.Results[name]
	if !ok {
		have := make([]string, 0, len(c.f.Results))
		for n := range c.f.Results {
			have = append(have, n)
		}
		sort.Strings(have)
		return nil, fmt.Errorf("recordeddb: nothing recorded for query %q (recorded: %s)", name, strings.Join(have, ", "))
	}
	return &rows{rs: rs}, nil
}

// ExecContext refuses every statement.
func (c *conn) ExecContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Result, error) {
	first, _, _ := strings.Cut(strings.TrimSpace(query), "\n")
	return nil, fmt.Errorf("recordeddb: a recording is read-only; cannot execute %q", first)
}

type stmt struct {
	c     *conn
	query string
}

func (s *stmt) Close() error  { return nil }
func (s *stmt) NumInput() int { return -1 }
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.c.ExecContext(context.Background(), s.query, nil)
}
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.c.QueryContext(context.Background(), s.query, nil)
}

type tx struct{}

func (tx) Commit() error   { return nil }
func (tx) Rollback() error { return nil }

type rows struct {
	rs *ResultSet
	i  int
}

func (r *rows) Columns() []string { return r.rs.Columns }
func (r *rows) Close() error      { return nil }
func (r *rows) Next(dest []driver.Value) error {
	if r.i >= len(r.rs.Rows) {
		return io.EOF
	}
	for j, v := range r.rs.Rows[r.i] {
		dest[j] = v
	}
	r.i++
	return nil
}
