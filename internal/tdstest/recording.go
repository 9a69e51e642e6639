package tdstest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
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

// QueryHash returns the hex SHA-256 of a query's text, byte for byte as the
// client sends it: a recording stores it so that a query edited without
// recording it again is refused.
func QueryHash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// Recording is what the server answers: the result set of each named query.
//
// In JSON:
//
//	{
//	  "description": "what database this is",
//	  "results": {
//	    "schemas": {
//	      "query_sha256": "…",
//	      "columns": [{"name": "name", "type": "nvarchar(128)"}],
//	      "rows": [["dbo"], ["audit"]]
//	    }
//	  }
//	}
//
// A column's type is one of Types; "nullable": true lets its cells be null
// and makes the server describe it as SQL Server describes a nullable column
// (INTN/BITN rather than INT4/BIT). Cells are JSON: numbers for the integer
// types (and sql_variant integers), true/false for bit, strings for
// nvarchar, null for NULL.
type Recording struct {
	// Description says what database the rows come from (free text).
	Description string `json:"description,omitempty"`
	// Results holds one result set per query name.
	Results map[string]*Result `json:"results"`
}

// Result is the recorded answer to one query.
type Result struct {
	// QuerySHA256 is QueryHash of the query text the rows answer; a query
	// whose text hashes differently is answered with an error.
	QuerySHA256 string `json:"query_sha256"`
	// Params, when set, are the sp_executesql parameters (name with its @ →
	// value) the rows answer; a call with other values is answered with an
	// error. Values compare as JSON values.
	Params map[string]any `json:"params,omitempty"`
	// Columns describe the result's columns, in order.
	Columns []Column `json:"columns"`
	// Rows hold one cell per column: nil, int64, bool or string.
	Rows [][]any `json:"rows"`
}

// Column is one column of a result set.
type Column struct {
	// Name is the column name.
	Name string `json:"name"`
	// Type is its SQL Server type, one of Types (e.g. "int", "nvarchar(128)").
	Type string `json:"type"`
	// Nullable says whether the column may hold NULL.
	Nullable bool `json:"nullable,omitempty"`
}

// Load reads a recording from a JSON file and checks every cell against its
// column's type. Errors name the file, the query, the row and the column.
func Load(path string) (*Recording, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tdstest: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	var r Recording
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("tdstest: %s: %w", path, err)
	}
	if err := r.check(); err != nil {
		return nil, fmt.Errorf("tdstest: %s: %w", path, err)
	}
	return &r, nil
}

// check converts the decoded cells to their Go values and checks them.
func (r *Recording) check() error {
	for _, name := range r.names() {
		res := r.Results[name]
		if res == nil {
			return fmt.Errorf("result %q is null", name)
		}
		if res.QuerySHA256 == "" {
			return fmt.Errorf("result %q: no query_sha256 (record it with go run ./internal/tdstest/cmd/record)", name)
		}
		for i, c := range res.Columns {
			if _, err := parseType(c.Type); err != nil {
				return fmt.Errorf("result %q column %q: %w", name, c.Name, err)
			}
			if c.Name == "" {
				return fmt.Errorf("result %q: column %d has no name", name, i+1)
			}
		}
		for i, row := range res.Rows {
			if len(row) != len(res.Columns) {
				return fmt.Errorf("result %q row %d: %d cells for %d columns", name, i+1, len(row), len(res.Columns))
			}
			for j, cell := range row {
				v, err := cellValue(res.Columns[j], cell)
				if err != nil {
					return fmt.Errorf("result %q row %d column %q: %w", name, i+1, res.Columns[j].Name, err)
				}
				row[j] = v
			}
		}
		for k, v := range res.Params {
			p, err := jsonValue(v)
			if err != nil {
				return fmt.Errorf("result %q parameter %s: %w", name, k, err)
			}
			res.Params[k] = p
		}
	}
	return nil
}

// names returns the result names in order.
func (r *Recording) names() []string {
	names := make([]string, 0, len(r.Results))
	for n := range r.Results {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// jsonValue turns a decoded JSON scalar into nil, int64, float64, bool or string.
func jsonValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, bool, string, int64, float64:
		return x, nil
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i, nil
		}
		return x.Float64()
	}
	return nil, fmt.Errorf("%T is not a scalar (use null, a number, a bool or a string)", v)
}

// cellValue checks a decoded cell against its column and returns its Go value.
func cellValue(c Column, cell any) (any, error) {
	v, err := jsonValue(cell)
	if err != nil {
		return nil, err
	}
	t, _ := parseType(c.Type)
	if v == nil {
		if !c.Nullable {
			return nil, fmt.Errorf("null in a column that is not nullable (add \"nullable\": true)")
		}
		return nil, nil
	}
	if err := t.check(v); err != nil {
		return nil, err
	}
	return v, nil
}

// Write stores the recording as JSON, one row per line, results in name order.
func (r *Recording) Write(path string) error {
	var b bytes.Buffer
	b.WriteString("{\n")
	if r.Description != "" {
		fmt.Fprintf(&b, "  \"description\": %s,\n", mustJSON(r.Description))
	}
	b.WriteString("  \"results\": {")
	for i, name := range r.names() {
		res := r.Results[name]
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    %s: {\n      \"query_sha256\": %s,\n", mustJSON(name), mustJSON(res.QuerySHA256))
		if len(res.Params) > 0 {
			fmt.Fprintf(&b, "      \"params\": %s,\n", mustJSON(res.Params))
		}
		b.WriteString("      \"columns\": [")
		for j, c := range res.Columns {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n        %s", mustJSON(c))
		}
		b.WriteString("\n      ],\n      \"rows\": [")
		for j, row := range res.Rows {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n        %s", mustJSON(row))
		}
		if len(res.Rows) > 0 {
			b.WriteString("\n      ")
		}
		b.WriteString("]\n    }")
	}
	b.WriteString("\n  }\n}\n")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("tdstest: %w", err)
	}
	return nil
}

// mustJSON encodes v, which holds only JSON-encodable values, without HTML escaping.
func mustJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // strings, numbers, bools and nil always encode
	}
	return strings.TrimSuffix(b.String(), "\n")
}
