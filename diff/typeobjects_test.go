package diff

import (
	"cmp"
	"fmt"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/schemadiff/schemadiff/schema"
)

// typeObjectDB builds a canonical PostgreSQL database holding the given
// extensions, sequences, domains, composite types and tables.
func typeObjectDB(objects ...any) *schema.Database {
	var rest []any
	db := &schema.Database{}
	for _, o := range objects {
		switch o := o.(type) {
		case *schema.Extension:
			db.Extensions = append(db.Extensions, o)
		case *schema.Sequence:
			db.Sequences = append(db.Sequences, o)
		case *schema.Domain:
			db.Domains = append(db.Domains, o)
		case *schema.CompositeType:
			db.CompositeTypes = append(db.CompositeTypes, o)
		default:
			rest = append(rest, o)
		}
	}
	out := pg(rest...)
	out.Extensions, out.Sequences, out.Domains, out.CompositeTypes = db.Extensions, db.Sequences, db.Domains, db.CompositeTypes
	return out
}

// describeTypeChange renders a change in one line: kind, object, and
// hazards.
func describeTypeChange(c *Change) string {
	name := c.Table.String()
	switch {
	case c.Extension != nil:
		name = c.Extension.Name
	case c.Sequence != nil:
		name = c.Sequence.QName().String()
		if c.OldSequence != nil && c.OldSequence.OwnedBy != c.Sequence.OwnedBy {
			name += " owned by " + cmp.Or(c.Sequence.OwnedBy, "none")
		}
	case c.Domain != nil:
		name = c.Domain.QName().String()
	case c.CompositeType != nil:
		name = c.CompositeType.QName().String()
	case c.Schema != nil:
		name = c.Schema.Name
	}
	s := string(c.Kind) + " " + strings.TrimSpace(name)
	for _, h := range c.Hazards {
		s += fmt.Sprintf(" !%s/%s", h.Code, h.Severity)
	}
	return s
}

func TestTypeObjects(t *testing.T) {
	email := func(edit func(d *schema.Domain)) *schema.Domain {
		d := &schema.Domain{Schema: "public", Name: "email", Type: "text", Checks: []*schema.Check{{Name: "email_check", Expr: "value like '%@%'"}}}
		edit(d)
		return d
	}
	none := func(*schema.Domain) {}
	addr := func(attrs ...string) *schema.CompositeType {
		c := &schema.CompositeType{Schema: "public", Name: "addr"}
		for _, a := range attrs {
			name, typ, _ := strings.Cut(a, " ")
			c.Attributes = append(c.Attributes, &schema.TypeAttribute{Name: name, Type: typ})
		}
		return c
	}
	seq := func(edit func(s *schema.Sequence)) *schema.Sequence {
		s := &schema.Sequence{Schema: "public", Name: "order_no", Type: "bigint", Start: 1, Increment: 1}
		edit(s)
		return s
	}
	owned := func(s *schema.Sequence) { s.OwnedBy = "public.users.code" }
	users := func(cols ...*schema.Column) *schema.Table { return table("users", cols...) }
	citext := &schema.Extension{Name: "citext", Schema: "public", Version: "1.6"}
	for _, tc := range []struct {
		name     string
		from, to *schema.Database
		want     []string
	}{{
		name: "created from nothing: extension first, types and sequence before the table, OWNED BY after it",
		from: typeObjectDB(),
		to: typeObjectDB(&schema.Extension{Name: "citext", Schema: "public", Comment: "ci"}, email(none), addr("street text", "mail public.email"),
			seq(owned), users(col("code", "text"), col("mail", "public.email"), nullable("home", "public.addr"))),
		want: []string{
			"create_extension citext",
			"create_domain public.email",
			"create_composite_type public.addr",
			"create_sequence public.order_no",
			"create_table public.users",
			"alter_sequence public.order_no owned by public.users.code",
			"comment_extension citext",
		},
	}, {
		name: "dropped: OWNED BY released first, types after the table, the extension last",
		from: typeObjectDB(citext, email(none), addr("street text", "mail public.email"),
			seq(owned), users(col("code", "text"), col("mail", "public.email"), nullable("home", "public.addr"))),
		to: typeObjectDB(),
		want: []string{
			"alter_sequence public.order_no owned by none",
			"drop_table public.users !drop-table/error",
			"drop_composite_type public.addr",
			"drop_domain public.email",
			"drop_sequence public.order_no !drop-type/warning",
			"drop_extension citext !drop-extension/warning",
		},
	}, {
		name: "extension version compared only when both sides name one; schema moved",
		from: typeObjectDB(citext, &schema.Extension{Name: "hstore", Schema: "public", Version: "1.7"}),
		to:   typeObjectDB(&schema.Schema{Name: "ext"}, &schema.Extension{Name: "citext", Schema: "ext"}, &schema.Extension{Name: "hstore", Schema: "public", Version: "1.8"}),
		want: []string{"create_schema ext", "alter_extension citext", "alter_extension hstore !extension-update/warning"},
	}, {
		name: "domain altered: NOT NULL and a new check may fail on the columns' values",
		from: typeObjectDB(email(none)),
		to: typeObjectDB(email(func(d *schema.Domain) {
			d.NotNull = true
			d.Checks = append(d.Checks, &schema.Check{Name: "email_short", Expr: "length(value) < 100"})
		})),
		want: []string{"alter_domain public.email !set-not-null/warning !check-may-fail/warning"},
	}, {
		name: "domain check added NOT VALID: no hazard",
		from: typeObjectDB(email(none)),
		to: typeObjectDB(email(func(d *schema.Domain) {
			d.Checks = append(d.Checks, &schema.Check{Name: "email_short", Expr: "length(value) < 100", NotValid: true})
		})),
		want: []string{"alter_domain public.email"},
	}, {
		name: "domain base type changed while a column uses it: dropped early, created again; the drop fails and says so",
		from: typeObjectDB(email(none), users(col("mail", "public.email"))),
		to:   typeObjectDB(email(func(d *schema.Domain) { d.Type = "character varying(100)" }), users(col("mail", "public.email"))),
		want: []string{"drop_domain public.email !type-in-use/error", "create_domain public.email"},
	}, {
		name: "composite type: attributes dropped, retyped and appended in one ALTER TYPE",
		from: typeObjectDB(addr("street text", "zip integer", "old text")),
		to:   typeObjectDB(addr("street text", "zip bigint", "city text")),
		want: []string{"alter_composite_type public.addr"},
	}, {
		name: "composite type used by a column: ALTER TYPE fails and says so",
		from: typeObjectDB(addr("street text"), users(nullable("home", "public.addr[]"))),
		to:   typeObjectDB(addr("street text", "city text"), users(nullable("home", "public.addr[]"))),
		want: []string{"alter_composite_type public.addr !type-in-use/error"},
	}, {
		name: "composite type reordered: dropped and created again",
		from: typeObjectDB(addr("street text", "city text")),
		to:   typeObjectDB(addr("city text", "street text")),
		want: []string{"drop_composite_type public.addr !drop-type/info", "create_composite_type public.addr"},
	}, {
		name: "sequence narrowed and its owner moved",
		from: typeObjectDB(seq(owned), users(col("code", "text"), col("code2", "text"))),
		to: typeObjectDB(seq(func(s *schema.Sequence) { s.Type, s.OwnedBy = "integer", "public.users.code2" }),
			users(col("code", "text"), col("code2", "text"))),
		want: []string{
			"alter_sequence public.order_no owned by none",
			"alter_sequence public.order_no !narrow-type/warning",
			"alter_sequence public.order_no owned by public.users.code2",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			p := mustCompare(t, tc.from, tc.to, Options{})
			got := []string{}
			for _, c := range p.Changes {
				got = append(got, describeTypeChange(c))
			}
			if d := gocmp.Diff(tc.want, got); d != "" {
				t.Errorf("plan (-want +got):\n%s", d)
			}
		})
	}
}
