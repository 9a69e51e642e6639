package schema_test

import (
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

const typeObjectsHCL = `dialect = "postgres"
extension "citext" {
  version = "1.6"
}
extension "pg_trgm" {
  schema  = "ext"
  comment = "trigrams"
}
sequence "order_no" {
  type      = "int"
  start     = 1000
  increment = 5
  owned_by  = "orders.code"
}
sequence "countdown" {
  increment = -1
  min_value = -100
  max_value = -1
  cache     = 1
  cycle     = true
}
domain "email" {
  type     = "citext"
  not_null = true
  check {
    expr = "VALUE LIKE '%@%'"
  }
  check "email_short" {
    expr = "length(VALUE) < 200"
  }
  comment = "an address"
}
domain "qty" {
  type      = "int4"
  default   = 1
  collation = "default"
}
composite_type "address" {
  attribute "street" {
    type      = "varchar(80)"
    collation = "C"
  }
  attribute "email" {
    type = "email"
  }
}
table "orders" {
  column "code" {
    type    = "text"
    default = sql("'O-' || nextval('order_no')")
  }
  column "to" {
    type = "address[]"
  }
  column "qty" {
    type = "qty"
  }
}
`

const typeObjectsYAML = `dialect: postgres
extensions:
  - {name: citext, version: "1.6"}
  - {name: pg_trgm, schema: ext, comment: trigrams}
sequences:
  - {name: order_no, type: int, start: 1000, increment: 5, owned_by: orders.code}
  - {name: countdown, increment: -1, min_value: -100, max_value: -1, cache: 1, cycle: true}
domains:
  - name: email
    type: citext
    not_null: true
    checks:
      - {expr: "VALUE LIKE '%@%'"}
      - {name: email_short, expr: "length(VALUE) < 200"}
    comment: an address
  - {name: qty, type: int4, default: 1, collation: default}
composite_types:
  - name: address
    attributes:
      - {name: street, type: varchar(80), collation: C}
      - {name: email, type: email}
tables:
  - name: orders
    columns:
      - {name: code, type: text, default: {sql: "'O-' || nextval('order_no')"}}
      - {name: to, type: "address[]"}
      - {name: qty, type: qty}
`

// TestTypeObjectsLoaded checks that extensions, sequences, domains and
// composite types load alike from HCL and YAML, in canonical form (default
// schemas, canonical types, sequence defaults left nil, OWNED BY
// qualified, unnamed domain checks named as PostgreSQL names them, columns
// of a domain or composite type qualified), and that the HCL and YAML
// writers give them back.
func TestTypeObjectsLoaded(t *testing.T) {
	minus100 := int64(-100)
	want := &schema.Database{
		Extensions: []*schema.Extension{{Name: "citext", Schema: "public", Version: "1.6"}, {Name: "pg_trgm", Schema: "ext", Comment: "trigrams"}},
		Sequences: []*schema.Sequence{
			{Schema: "public", Name: "countdown", Type: "bigint", Start: -1, Increment: -1, MinValue: &minus100, Cycle: true},
			{Schema: "public", Name: "order_no", Type: "integer", Start: 1000, Increment: 5, OwnedBy: "public.orders.code"},
		},
		Domains: []*schema.Domain{
			{Schema: "public", Name: "email", Type: "citext", NotNull: true, Comment: "an address", Checks: []*schema.Check{
				{Name: "email_check", Expr: "value like '%@%'", Source: "VALUE LIKE '%@%'"},
				{Name: "email_short", Expr: "length(value) < 200", Source: "length(VALUE) < 200"}}},
			{Schema: "public", Name: "qty", Type: "integer", Default: &schema.Default{Kind: schema.DefaultNumber, Value: "1"}},
		},
		CompositeTypes: []*schema.CompositeType{{Schema: "public", Name: "address", Attributes: []*schema.TypeAttribute{
			{Name: "street", Type: "character varying(80)", Collation: "C"}, {Name: "email", Type: "public.email"}}}},
	}
	pick := func(db *schema.Database) *schema.Database {
		return &schema.Database{Extensions: db.Extensions, Sequences: db.Sequences, Domains: db.Domains, CompositeTypes: db.CompositeTypes}
	}
	for _, tc := range []struct{ file, src string }{{"s.hcl", typeObjectsHCL}, {"s.yaml", typeObjectsYAML}} {
		t.Run(tc.file, func(t *testing.T) {
			db := normalized(t, mustLoad(t, schema.LoadOptions{}, writeFiles(t, map[string]string{tc.file: tc.src})))
			if g, w := jsonOf(t, pick(db)), jsonOf(t, want); g != w {
				t.Fatalf("got  %s\nwant %s", g, w)
			}
			var types []string
			for _, c := range db.Tables[0].Columns {
				types = append(types, c.Type)
			}
			if g, w := jsonOf(t, types), `["text","public.address[]","public.qty"]`; g != w {
				t.Errorf("column types %s, want %s", g, w)
			}
			if db.Schema("ext") == nil {
				t.Errorf("schema ext of extension pg_trgm is not listed")
			}
			for _, w := range writers {
				back, text := roundTrip(t, db, w.ext, w.write)
				if g, w := jsonOf(t, pick(normalized(t, back))), jsonOf(t, want); g != w {
					t.Errorf("written as\n%s\nread back as\n %s\nwant %s", text, g, w)
				}
			}
		})
	}
}

// TestTypeObjectsSplit checks that inspect --split lays each extension,
// sequence, domain and composite type out in a file of its own, which
// loads back to the same schema.
func TestTypeObjectsSplit(t *testing.T) {
	db := normalized(t, mustLoad(t, schema.LoadOptions{}, writeFiles(t, map[string]string{"s.hcl": typeObjectsHCL})))
	var paths []string
	for _, f := range schema.SplitFiles(db, "hcl") {
		paths = append(paths, f.Path)
	}
	want := `["schemas.hcl","public/extensions/citext.hcl","ext/extensions/pg_trgm.hcl","public/sequences/countdown.hcl",` +
		`"public/sequences/order_no.hcl","public/domains/email.hcl","public/domains/qty.hcl","public/types/address.hcl","public/orders.hcl"]`
	if g := jsonOf(t, paths); g != want {
		t.Errorf("files %s\nwant  %s", g, want)
	}
}

// TestTypeObjectsDiagnostics checks the errors about extensions,
// sequences, domains and composite types, at their position.
func TestTypeObjectsDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"sql server", "s.hcl", `dialect = "sqlserver"
extension "citext" {}
domain "d" {
  type = "int"
}
composite_type "c" {
  attribute "a" {
    type = "int"
  }
}
`, []string{
			`s.hcl:2:1: extension citext: extensions are a PostgreSQL feature (remove it, or use dialect postgres)`,
			`s.hcl:3:1: domain dbo.d: domains are a PostgreSQL feature (remove it, or use dialect postgres)`,
			`s.hcl:6:1: composite type dbo.c: composite types are a PostgreSQL feature (remove it, or use dialect postgres)`,
		}},
		{"duplicates and unknown types", "s.yaml", `dialect: postgres
enums:
  - {name: mood, values: [ok]}
extensions:
  - {name: citext}
  - {name: citext}
domains:
  - {name: mood, type: text}
  - name: d
    type: intger
    checks:
      - {name: c, expr: VALUE > 0}
      - {name: c, expr: VALUE > 1}
composite_types:
  - name: pair
    attributes:
      - {name: a, type: int}
      - {name: a, type: nope}
`, []string{
			`s.yaml:6:6: extension citext: extension citext is declared twice (first declared at s.yaml:5:6; rename or remove one of them)`,
			`s.yaml:8:6: domain public.mood: type public.mood is declared twice (first declared at s.yaml:3:6; rename or remove one of them)`,
			`s.yaml:10:5: domain public.d: unknown PostgreSQL type "intger" (did you mean "integer"?)`,
			`s.yaml:13:10: domain public.d: duplicate check c (first declared at s.yaml:12:10; rename or remove one of them)`,
			`s.yaml:18:10: composite type public.pair: duplicate attribute a (first declared at s.yaml:17:10; rename or remove one of them)`,
			`s.yaml:18:19: composite type public.pair attribute a: unknown PostgreSQL type "nope" (did you mean "name"?)`,
		}},
		{"sequences", "s.hcl", `dialect = "postgres"
sequence "a" {
  type      = "text"
  increment = 0
}
sequence "b" {
  min_value = 10
  max_value = 5
  owned_by  = "t.nope"
}
sequence "c" {
  owned_by = "other.t.id"
}
sequence "t_id" {
  owned_by = "t.id"
}
table "t" {
  column "id" {
    type    = "integer"
    default = sql("nextval('t_id'::regclass)")
  }
}
`, []string{
			`s.hcl:3:3: sequence public.a: sequence type "text" is not an integer type (use "smallint", "integer" or "bigint")`,
			`s.hcl:4:3: sequence public.a: increment must not be zero (write a positive or negative increment)`,
			`s.hcl:7:3: sequence public.b: min_value must be less than max_value (make min_value less than max_value)`,
			`s.hcl:9:3: sequence public.b: unknown column "nope" in public.t (declare the column in public.t, or fix the name)`,
			`s.hcl:12:3: sequence public.c: owned_by names a table of another schema than the sequence's (move the sequence to schema other)`,
			`s.hcl:15:3: sequence public.t_id: a sequence owned by the integer column whose default takes its next value is that column's serial, which PostgreSQL does not tell apart (declare the column with type = "serial" (or "bigserial", "smallserial") instead: its sequence is then its own)`,
		}},
		{"missing attributes", "s.hcl", `dialect = "postgres"
domain "d" {}
composite_type "c" {}
`, []string{
			`s.hcl:2:1: domain d: missing required attribute type (add type = "text" (the base type))`,
			`s.hcl:3:1: composite type c: missing required attribute blocks (add attribute "name" { type = "text" } blocks)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertDiagnostics(t, tc.file, tc.src, tc.want) })
	}
}
