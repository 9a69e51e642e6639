package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// pg builds a canonical PostgreSQL database of tables and enums: schemas are
// every schema they use (public always), tables and enums sorted.
func pg(objects ...any) *schema.Database {
	db := &schema.Database{Dialect: schema.Postgres}
	names := []string{"public"}
	for _, o := range objects {
		switch o := o.(type) {
		case *schema.Table:
			db.Tables = append(db.Tables, o)
			names = append(names, o.Schema)
		case *schema.Enum:
			db.Enums = append(db.Enums, o)
			names = append(names, o.Schema)
		case *schema.Schema:
			db.Schemas = append(db.Schemas, o)
		default:
			panic(fmt.Sprintf("pg: unexpected %T", o))
		}
	}
	slices.Sort(names)
	for _, n := range slices.Compact(names) {
		if db.Schema(n) == nil {
			db.Schemas = append(db.Schemas, &schema.Schema{Name: n})
		}
	}
	slices.SortFunc(db.Schemas, func(a, b *schema.Schema) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(db.Tables, func(a, b *schema.Table) int { return compareQName(a.QName(), b.QName()) })
	slices.SortFunc(db.Enums, func(a, b *schema.Enum) int { return compareQName(a.QName(), b.QName()) })
	return db
}

// table builds a table "name" or "schema.name" with an "id integer" primary key
// (named as PostgreSQL would) and the given columns after it.
func table(name string, cols ...*schema.Column) *schema.Table {
	q := schema.ParseQName(name, "public")
	return &schema.Table{
		Schema:     q.Schema,
		Name:       q.Name,
		Columns:    append([]*schema.Column{col("id", "integer")}, cols...),
		PrimaryKey: &schema.PrimaryKey{Name: q.Name + "_pkey", Columns: []string{"id"}},
	}
}

// col builds a NOT NULL column.
func col(name, typ string) *schema.Column { return &schema.Column{Name: name, Type: typ} }

// nullable builds a nullable column.
func nullable(name, typ string) *schema.Column {
	return &schema.Column{Name: name, Type: typ, Null: true}
}

// fk builds a foreign key named as PostgreSQL would, to table "name" or "schema.name".
func fk(t *schema.Table, column, ref, refColumn string) *schema.ForeignKey {
	q := schema.ParseQName(ref, "public")
	return &schema.ForeignKey{
		Name: t.Name + "_" + column + "_fkey", Columns: []string{column},
		RefSchema: q.Schema, RefTable: q.Name, RefColumns: []string{refColumn},
		OnDelete: "NO ACTION", OnUpdate: "NO ACTION",
	}
}

// index builds a plain index on columns.
func index(name string, columns ...string) *schema.Index {
	x := &schema.Index{Name: name}
	for _, c := range columns {
		x.Parts = append(x.Parts, schema.IndexPart{Column: c})
	}
	return x
}

// with returns t after applying edit to it (to build variations inline).
func with(t *schema.Table, edit func(t *schema.Table)) *schema.Table {
	edit(t)
	return t
}

// describe renders a change in one line: kind, object, details and hazards.
func describe(c *Change) string {
	var b strings.Builder
	b.WriteString(string(c.Kind))
	b.WriteString(" ")
	switch {
	case c.Schema != nil:
		b.WriteString(c.Schema.Name)
	case c.Enum != nil:
		b.WriteString(c.Enum.QName().String())
		if c.Value != "" {
			fmt.Fprintf(&b, " +%s", c.Value)
		}
		if c.ValueBefore != "" {
			fmt.Fprintf(&b, " before %s", c.ValueBefore)
		}
		for _, u := range c.Uses {
			fmt.Fprintf(&b, " uses %s.%s", u.Table, u.Column.Name)
		}
	default:
		b.WriteString(c.Table.String())
	}
	switch {
	case c.Kind == RenameTable:
		fmt.Fprintf(&b, " from %s", c.OldName)
	case c.Kind == RenameColumn:
		fmt.Fprintf(&b, ".%s from %s", c.Column.Name, c.OldColumn.Name)
	case c.Column != nil:
		fmt.Fprintf(&b, ".%s", c.Column.Name)
	case c.PrimaryKey != nil:
		fmt.Fprintf(&b, " %s", c.PrimaryKey.Name)
	case c.Unique != nil:
		fmt.Fprintf(&b, " %s", c.Unique.Name)
	case c.Check != nil:
		fmt.Fprintf(&b, " %s", c.Check.Name)
	case c.Exclude != nil:
		fmt.Fprintf(&b, " %s", c.Exclude.Name)
	case c.ForeignKey != nil:
		fmt.Fprintf(&b, " %s", c.ForeignKey.Name)
	case c.Index != nil:
		fmt.Fprintf(&b, " %s", c.Index.Name)
	case c.Policy != nil:
		fmt.Fprintf(&b, " %s", c.Policy.Name)
	}
	if c.RenamedFrom != "" {
		fmt.Fprintf(&b, " from %s", c.RenamedFrom)
	}
	if c.Alter != (ColumnAlter{}) {
		a := c.Alter
		fmt.Fprintf(&b, " {Type:%v Null:%v Default:%v Identity:%v Computed:%v Collation:%v}", a.Type, a.Null, a.Default, a.Identity, a.Computed, a.Collation)
		if c.Alter.Using != "" {
			fmt.Fprintf(&b, " using %q", c.Alter.Using)
		}
	}
	if c.Comment != "" || c.OldComment != "" {
		fmt.Fprintf(&b, " %q (was %q)", c.Comment, c.OldComment)
	}
	if c.Concurrently {
		b.WriteString(" concurrently")
	}
	for _, h := range c.Hazards {
		fmt.Fprintf(&b, " !%s/%s", h.Code, h.Severity)
	}
	return b.String()
}

// describePlan renders every change of p with describe.
func describePlan(p *Plan) []string {
	out := []string{}
	for _, c := range p.Changes {
		out = append(out, describe(c))
	}
	return out
}

// mustCompare runs Compare and fails the test on error.
func mustCompare(t *testing.T, from, to *schema.Database, opts Options) *Plan {
	t.Helper()
	p, err := Compare(from, to, opts)
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	return p
}
