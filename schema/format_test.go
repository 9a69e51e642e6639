package schema_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schemadiff/schemadiff/schema"
)

func TestFormatHCL(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "aligns and indents, keeps comments",
			src: `dialect="postgres"
table "users" {
# the key
column "id" {
type="bigint"
      null = true   # nullable
}
    primary_key { columns=["id"] }
}
`,
			want: `dialect = "postgres"
table "users" {
  # the key
  column "id" {
    type = "bigint"
    null = true # nullable
  }
  primary_key { columns = ["id"] }
}
`,
		},
		{
			name: "already canonical",
			src:  "dialect = \"sqlserver\"\n",
			want: "dialect = \"sqlserver\"\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := schema.FormatHCL([]byte(tt.src), "s.hcl")
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, string(got)); d != "" {
				t.Errorf("FormatHCL (-want +got):\n%s", d)
			}
			again, err := schema.FormatHCL(got, "s.hcl")
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(string(got), string(again)); d != "" {
				t.Errorf("FormatHCL is not idempotent (-first +second):\n%s", d)
			}
		})
	}
}

func TestFormatHCLRichFilesAreStable(t *testing.T) {
	for _, file := range []string{"testdata/rich/postgres.hcl", "testdata/rich/sqlserver.hcl"} {
		src := mustRead(t, file)
		once, err := schema.FormatHCL(src, file)
		if err != nil {
			t.Fatal(err)
		}
		twice, err := schema.FormatHCL(once, file)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(string(once), string(twice)); d != "" {
			t.Errorf("%s: not idempotent (-first +second):\n%s", file, d)
		}
	}
}

func TestFormatHCLSyntaxError(t *testing.T) {
	_, err := schema.FormatHCL([]byte("table \"t\" {\n  column \"id\" {\n"), "s.hcl")
	var ds schema.Diagnostics
	if !errors.As(err, &ds) || len(ds) == 0 {
		t.Fatalf("FormatHCL error = %v, want Diagnostics", err)
	}
	if got := ds[0].Pos; got.File != "s.hcl" || got.Line != 2 {
		t.Errorf("first diagnostic at %v, want s.hcl line 2", got)
	}
}
