// Command record runs schemadiff's SQL Server catalog queries
// (introspect.SQLServerCatalogQueries) on a live server and writes their
// results as a recording for the TDS test server (internal/tdstest), so the
// hand-written rows of introspect/testdata/sqlserver can be replaced with
// captured ones:
//
//	go run ./internal/tdstest/cmd/record -url 'sqlserver://sa:PASSWORD@host:1433?database=NAME' \
//	    -out introspect/testdata/sqlserver/NAME.json -description 'what NAME.sql creates, on SQL Server 2022'
//
// It only SELECTs. Each result keeps its columns' SQL Server types as the
// server describes them, and the SHA-256 of the query text it answers.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"

	_ "github.com/microsoft/go-mssqldb" // registers the "sqlserver" database/sql driver

	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/internal/tdstest"
	"github.com/schemadiff/schemadiff/introspect"
)

func main() {
	url := flag.String("url", "", "SQL Server URL (sqlserver://user:password@host:port?database=name)")
	out := flag.String("out", "", "recording file to write")
	description := flag.String("description", "", "what database this is (stored in the recording)")
	flag.Parse()
	if *url == "" || *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: record -url sqlserver://… -out FILE [-description TEXT]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *url, *out, *description); err != nil {
		fmt.Fprintln(os.Stderr, "record:", redact.Error(err, *url))
		os.Exit(1)
	}
}

// run records every catalog query from the database at url into out.
func run(ctx context.Context, url, out, description string) error {
	db, err := sql.Open("sqlserver", url)
	if err != nil {
		return fmt.Errorf("opening %s: %w", redact.URL(url), err)
	}
	defer db.Close()
	rec, err := record(ctx, db, description, introspect.SQLServerCatalogQueries())
	if err != nil {
		return err
	}
	return rec.Write(out)
}

// record runs each named query on db and returns what it returned.
func record(ctx context.Context, db *sql.DB, description string, queries []string) (*tdstest.Recording, error) {
	rec := &tdstest.Recording{Description: description, Results: map[string]*tdstest.Result{}}
	for _, q := range queries {
		name, ok := tdstest.QueryName(q)
		if !ok {
			first, _, _ := strings.Cut(q, "\n")
			return nil, fmt.Errorf("query %q does not start with a -- schemadiff:<name> comment", first)
		}
		res, err := result(ctx, db, q)
		if err != nil {
			return nil, fmt.Errorf("recording %s: %w", name, err)
		}
		rec.Results[name] = res
	}
	return rec, nil
}

// result runs one query and returns its typed result.
func result(ctx context.Context, db *sql.DB, query string) (*tdstest.Result, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	res := &tdstest.Result{QuerySHA256: tdstest.QueryHash(query), Rows: [][]any{}}
	for _, ct := range types {
		typ, err := columnType(ct)
		if err != nil {
			return nil, err
		}
		nullable, _ := ct.Nullable()
		res.Columns = append(res.Columns, tdstest.Column{Name: ct.Name(), Type: typ, Nullable: nullable})
	}
	for rows.Next() {
		row := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range row {
			switch v.(type) {
			case nil, int64, bool, string:
			default:
				return nil, fmt.Errorf("column %q: cannot record a %T", types[i].Name(), v)
			}
		}
		res.Rows = append(res.Rows, row)
	}
	return res, rows.Err()
}

// columnType spells a column's SQL Server type as a recording does.
func columnType(ct *sql.ColumnType) (string, error) {
	switch name := ct.DatabaseTypeName(); name {
	case "INT", "SMALLINT", "TINYINT", "BIGINT", "BIT", "SQL_VARIANT":
		return strings.ToLower(name), nil
	case "NVARCHAR":
		if n, _ := ct.Length(); n <= 4000 {
			return fmt.Sprintf("nvarchar(%d)", n), nil
		}
		return "nvarchar(max)", nil
	default:
		return "", fmt.Errorf("column %q is of type %s, which the TDS test server does not serve (it serves %s): cast it in the query", ct.Name(), name, strings.Join(tdstest.Types, ", "))
	}
}
