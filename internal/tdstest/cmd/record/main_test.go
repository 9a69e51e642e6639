package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/internal/tdstest"
)

// TestRecordRoundTrip records every testdata recording back from the TDS
// test server through go-mssqldb: types, nullability, hashes and rows must
// come back as they were, which is what recording a live server relies on.
func TestRecordRoundTrip(t *testing.T) {
	paths, err := filepath.Glob("../../../../introspect/testdata/sqlserver/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no recordings: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, err := tdstest.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			s := tdstest.Start(t, tdstest.Serve(want))
			out := filepath.Join(t.TempDir(), "recorded.json")
			if err := run(context.Background(), s.URL("app"), out, want.Description); err != nil {
				t.Fatal(err)
			}
			got, err := tdstest.Load(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, res := range want.Results {
				if res.Rows == nil {
					res.Rows = [][]any{}
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("recorded back (-served +recorded):\n%s", diff)
			}
		})
	}
}
