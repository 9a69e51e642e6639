package recordeddb

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const recording = `{
  "description": "two queries",
  "results": {
    "columns": [
      {"name": "id", "max_length": 16, "is_nullable": false, "collation_name": null, "ratio": 1.5},
      {"name": "", "max_length": -1, "is_nullable": true, "collation_name": "Latin1_General_BIN2", "ratio": 0}
    ],
    "nothing": []
  }
}`

func openTest(t *testing.T) *sql.DB {
	t.Helper()
	var f File
	if err := json.Unmarshal([]byte(recording), &f); err != nil {
		t.Fatal(err)
	}
	db := Open(&f)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestQueryName(t *testing.T) {
	tests := []struct {
		query, name string
		ok          bool
	}{
		{"-- schemadiff:columns\nSELECT 1", "columns", true},
		{"\n  -- schemadiff:index_columns  \r\nSELECT 1", "index_columns", true},
		{"SELECT 1 -- schemadiff:columns", "", false},
		{"-- schemadiff:\nSELECT 1", "", false},
		{"-- other comment\nSELECT 1", "", false},
	}
	for _, tt := range tests {
		name, ok := QueryName(tt.query)
		if name != tt.name || ok != tt.ok {
			t.Errorf("QueryName(%q) = %q, %v; want %q, %v", tt.query, name, ok, tt.name, tt.ok)
		}
	}
}

func TestReplayTypedCells(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "-- schemadiff:columns\nSELECT name, max_length, is_nullable, collation_name, ratio FROM sys.columns")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"name", "max_length", "is_nullable", "collation_name", "ratio"}, cols); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	type row struct {
		Name      string
		MaxLength int
		Nullable  bool
		Collation sql.NullString
		Ratio     float64
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.Name, &r.MaxLength, &r.Nullable, &r.Collation, &r.Ratio); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []row{
		{Name: "id", MaxLength: 16, Ratio: 1.5},
		{Name: "", MaxLength: -1, Nullable: true, Collation: sql.NullString{String: "Latin1_General_BIN2", Valid: true}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestErrors(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"unknown query", func() error {
			_, err := db.QueryContext(ctx, "-- schemadiff:checks\nSELECT 1")
			return err
		}, `nothing recorded for query "checks" (recorded: columns, nothing)`},
		{"unnamed query", func() error {
			_, err := db.QueryContext(ctx, "SELECT 1")
			return err
		}, `does not start with a "-- schemadiff:"<name> comment`},
		{"exec", func() error {
			_, err := db.ExecContext(ctx, "DROP TABLE users")
			return err
		}, `read-only; cannot execute "DROP TABLE users"`},
		{"empty result", func() error {
			rows, err := db.QueryContext(ctx, "-- schemadiff:nothing\nSELECT 1")
			if err != nil {
				return err
			}
			defer rows.Close()
			if rows.Next() {
				return nil
			}
			return sql.ErrNoRows
		}, sql.ErrNoRows.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestBadRecordings(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"keys differ", `{"results": {"q": [{"a": 1}, {"b": 1}]}}`, "differ from the first row"},
		{"nested", `{"results": {"q": [{"a": [1]}]}}`, "nested"},
		{"not an array", `{"results": {"q": {"a": 1}}}`, `expected "["`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f File
			err := json.Unmarshal([]byte(tt.json), &f)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestRecordRoundTrip records from one database/sql connection (here a
// recording itself), writes the file, loads it back and checks nothing changed.
func TestRecordRoundTrip(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	f, err := Record(ctx, db, "copy", "-- schemadiff:columns\nSELECT *", "-- schemadiff:nothing\nSELECT *")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rec.json")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f, back); diff != "" {
		t.Errorf("round trip (-recorded +loaded):\n%s", diff)
	}
	if got := len(back.Results["columns"].Rows); got != 2 {
		t.Errorf("columns rows = %d, want 2", got)
	}
	if _, err := Record(ctx, db, "", "SELECT 1"); err == nil {
		t.Error("Record accepted an unnamed query")
	}
}
