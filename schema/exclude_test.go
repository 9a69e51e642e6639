package schema_test

import (
	"encoding/json"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

const excludeHCL = `dialect = "postgres"
table "bookings" {
  column "room" {
    type = "integer"
  }
  column "during" {
    type = "tsrange"
  }
  exclude {
    element {
      column  = "room"
      operator = "="
    }
    element {
      column   = "during"
      operator = "OPERATOR(pg_catalog.&&)"
    }
    where              = "room > 0"
    initially_deferred = true
    comment            = "no double booking"
  }
  exclude "bookings_lower_excl" {
    using = "GIST"
    element {
      expr     = "lower(during)"
      operator = "="
      opclass  = "gist_timestamp_ops"
    }
    include = ["room"]
    with    = ["FILLFACTOR = 70"]
  }
}
`

const excludeYAML = `dialect: postgres
tables:
  - name: bookings
    columns:
      - {name: room, type: integer}
      - {name: during, type: tsrange}
    excludes:
      - elements:
          - {column: room, operator: "="}
          - {column: during, operator: "OPERATOR(pg_catalog.&&)"}
        where: room > 0
        initially_deferred: true
        comment: no double booking
      - name: bookings_lower_excl
        using: GIST
        elements:
          - {expr: lower(during), operator: "=", opclass: gist_timestamp_ops}
        include: [room]
        with: ["FILLFACTOR = 70"]
`

// TestExcludeLoaded checks that an exclusion constraint loads alike from
// HCL and YAML, canonical: the unnamed one named as PostgreSQL names it,
// gist the method, operators without OPERATOR(pg_catalog.…), INITIALLY
// DEFERRED implying DEFERRABLE, storage parameters canonical; and that the
// HCL and YAML writers give it back.
func TestExcludeLoaded(t *testing.T) {
	want := []*schema.Exclude{
		{Name: "bookings_lower_excl", Using: "gist", Elements: []schema.ExcludeElement{
			{IndexPart: schema.IndexPart{Expr: "lower(during)", ExprSource: "lower(during)", Opclass: "gist_timestamp_ops"}, Operator: "="}},
			Include: []string{"room"}, With: []string{"fillfactor=70"}},
		{Name: "bookings_room_during_excl", Using: "gist", Elements: []schema.ExcludeElement{
			{IndexPart: schema.IndexPart{Column: "room"}, Operator: "="},
			{IndexPart: schema.IndexPart{Column: "during"}, Operator: "&&"}},
			Where: "room > 0", WhereSource: "room > 0", Deferrable: true, InitiallyDeferred: true, Comment: "no double booking"},
	}
	for _, tc := range []struct{ file, src string }{{"s.hcl", excludeHCL}, {"s.yaml", excludeYAML}} {
		t.Run(tc.file, func(t *testing.T) {
			db := normalized(t, mustLoad(t, schema.LoadOptions{}, writeFiles(t, map[string]string{tc.file: tc.src})))
			if g, w := jsonOf(t, db.Tables[0].Excludes), jsonOf(t, want); g != w {
				t.Fatalf("excludes:\n got %s\nwant %s", g, w)
			}
			for _, w := range writers {
				back, text := roundTrip(t, db, w.ext, w.write)
				if g, w := jsonOf(t, normalized(t, back).Tables[0].Excludes), jsonOf(t, want); g != w {
					t.Errorf("written as\n%s\nread back as\n %s\nwant %s", text, g, w)
				}
			}
		})
	}
}

// TestExcludeDiagnostics checks the errors about exclusion constraints, at
// their position: refused on SQL Server, an operator and an element
// required, columns that exist.
func TestExcludeDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"sql server", "s.hcl", `dialect = "sqlserver"
table "t" {
  column "a" {
    type = "int"
  }
  exclude "t_a_excl" {
    element {
      column   = "a"
      operator = "="
    }
  }
}
`, []string{`s.hcl:6:3: table dbo.t exclude t_a_excl: exclude is a PostgreSQL constraint (remove it: SQL Server has no exclusion constraints (use a trigger, or a unique index where = is the only operator))`}},
		{"no operator, no element", "s.yaml", `dialect: postgres
tables:
  - name: t
    columns:
      - {name: a, type: int4range}
    excludes:
      - name: t_a_excl
        elements:
          - {column: a}
      - name: t_none_excl
        where: a IS NOT NULL
`, []string{
			`s.yaml:9:14: table t exclude t_a_excl element: missing required attribute operator (add operator = "=" (or "&&", …))`,
			`s.yaml:10:9: table t exclude t_none_excl: missing required element (add element { column = "..."  operator = "=" } blocks)`,
		}},
		{"unknown column, bad operator class", "s.hcl", `dialect = "postgres"
table "t" {
  column "a" {
    type = "int4range"
  }
  exclude "t_b_excl" {
    element {
      column   = "b"
      operator = "&&"
      opclass  = "range_ops; drop"
    }
  }
}
`, []string{
			`s.hcl:8:7: table public.t exclude t_b_excl: unknown column "b" in public.t (did you mean a?)`,
			`s.hcl:10:7: table public.t exclude t_b_excl: invalid operator class "range_ops; drop" (write an operator class name, e.g. "gist_int4_ops")`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertDiagnostics(t, tc.file, tc.src, tc.want) })
	}
}

// normalized returns db in canonical form.
func normalized(t *testing.T, db *schema.Database) *schema.Database {
	t.Helper()
	n, err := schema.Normalize(db)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
