package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// This file renders the changes of PostgreSQL extensions, domains,
// composite types and sequences (PostgreSQL 15: CREATE/ALTER/DROP
// EXTENSION, DOMAIN, TYPE and SEQUENCE).

// typeChange renders the changes of extensions, domains and composite
// types.
func (postgresDialect) typeChange(c *diff.Change) ([]string, error) {
	switch c.Kind {
	case diff.CreateExtension, diff.DropExtension, diff.AlterExtension, diff.CommentExtension:
		return pgExtensionChange(c)
	case diff.CreateDomain, diff.DropDomain, diff.AlterDomain, diff.CommentDomain:
		return pgDomainChange(c)
	default:
		return pgCompositeTypeChange(c)
	}
}

// pgExtensionChange renders CreateExtension (IF NOT EXISTS: an extension is
// database-wide, and one installed already is what the schema wants),
// DropExtension, AlterExtension (SET SCHEMA, UPDATE TO) and
// CommentExtension.
func pgExtensionChange(c *diff.Change) ([]string, error) {
	x := c.Extension
	if x == nil || x.Name == "" {
		return nil, errMissing("extension")
	}
	name := pgIdent(x.Name)
	switch c.Kind {
	case diff.CreateExtension:
		s := "CREATE EXTENSION IF NOT EXISTS " + name
		if x.Schema != "" {
			s += " SCHEMA " + pgIdent(x.Schema)
		}
		if x.Version != "" {
			s += " VERSION " + pgLiteral(x.Version)
		}
		return []string{s}, nil
	case diff.DropExtension:
		return []string{"DROP EXTENSION " + name}, nil
	case diff.CommentExtension:
		return []string{"COMMENT ON EXTENSION " + name + " IS " + pgComment(c.Comment)}, nil
	}
	old := c.OldExtension
	if old == nil {
		return nil, errMissing("old extension")
	}
	var out []string
	if old.Schema != x.Schema {
		out = append(out, "ALTER EXTENSION "+name+" SET SCHEMA "+pgIdent(x.Schema))
	}
	if old.Version != x.Version && x.Version != "" {
		out = append(out, "ALTER EXTENSION "+name+" UPDATE TO "+pgLiteral(x.Version))
	}
	return out, nil
}

// pgDomainChange renders CreateDomain, DropDomain, AlterDomain and
// CommentDomain.
func pgDomainChange(c *diff.Change) ([]string, error) {
	d := c.Domain
	if d == nil || d.Name == "" {
		return nil, errMissing("domain")
	}
	name := pgQName(d.Schema, d.Name)
	switch c.Kind {
	case diff.CreateDomain:
		s, err := pgCreateDomain(d)
		return []string{s}, err
	case diff.DropDomain:
		return []string{"DROP DOMAIN " + name}, nil
	case diff.CommentDomain:
		return []string{"COMMENT ON DOMAIN " + name + " IS " + pgComment(c.Comment)}, nil
	}
	old := c.OldDomain
	if old == nil {
		return nil, errMissing("old domain")
	}
	prefix := "ALTER DOMAIN " + name
	var out []string
	if !sameDomainDefault(old.Default, d.Default) {
		if d.Default == nil {
			out = append(out, prefix+" DROP DEFAULT")
		} else {
			def, err := pgDefault(d.Default)
			if err != nil {
				return nil, err
			}
			out = append(out, prefix+" SET DEFAULT "+def)
		}
	}
	if old.NotNull != d.NotNull {
		if d.NotNull {
			out = append(out, prefix+" SET NOT NULL")
		} else {
			out = append(out, prefix+" DROP NOT NULL")
		}
	}
	drop, add, validate := diff.DomainCheckChanges(old, d)
	for _, ck := range drop {
		out = append(out, prefix+" DROP CONSTRAINT "+pgIdent(ck.Name))
	}
	for _, ck := range add {
		s, err := checkClause(postgresDialect{}, ck)
		if err != nil {
			return nil, err
		}
		out = append(out, prefix+" ADD "+s)
	}
	for _, ck := range validate {
		out = append(out, prefix+" VALIDATE CONSTRAINT "+pgIdent(ck.Name))
	}
	return out, nil
}

// sameDomainDefault reports whether two defaults (either may be nil) are equal.
func sameDomainDefault(a, b *schema.Default) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Kind == b.Kind && a.Value == b.Value
}

// pgCreateDomain renders CREATE DOMAIN name AS type [COLLATE] [DEFAULT]
// [NOT NULL] [CONSTRAINT name CHECK (…)]…; a NOT VALID check is added
// after (CREATE DOMAIN takes none).
func pgCreateDomain(d *schema.Domain) (string, error) {
	typ, err := pgType(d.Type)
	if err != nil {
		return "", err
	}
	s := "CREATE DOMAIN " + pgQName(d.Schema, d.Name) + " AS " + typ
	if d.Collation != "" {
		s += " COLLATE " + pgIdent(d.Collation)
	}
	if d.Default != nil {
		def, err := pgDefault(d.Default)
		if err != nil {
			return "", err
		}
		s += " DEFAULT " + def
	}
	if d.NotNull {
		s += " NOT NULL"
	}
	for _, ck := range d.Checks {
		if ck.NotValid {
			return "", fmt.Errorf("domain %s: check %s is NOT VALID, which CREATE DOMAIN cannot say: create it valid", d.QName(), ck.Name)
		}
		clause, err := checkClause(postgresDialect{}, ck)
		if err != nil {
			return "", err
		}
		s += " " + clause
	}
	return s, nil
}

// pgCompositeTypeChange renders CreateCompositeType, DropCompositeType,
// AlterCompositeType (one ALTER TYPE: DROP ATTRIBUTE, ALTER ATTRIBUTE …
// TYPE, ADD ATTRIBUTE) and CommentCompositeType.
func pgCompositeTypeChange(c *diff.Change) ([]string, error) {
	ct := c.CompositeType
	if ct == nil || ct.Name == "" {
		return nil, errMissing("composite type")
	}
	name := pgQName(ct.Schema, ct.Name)
	switch c.Kind {
	case diff.CreateCompositeType:
		var attrs []string
		for _, a := range ct.Attributes {
			s, err := pgAttribute(a)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, "\t"+s)
		}
		return []string{"CREATE TYPE " + name + " AS (\n" + strings.Join(attrs, ",\n") + "\n)"}, nil
	case diff.DropCompositeType:
		return []string{"DROP TYPE " + name}, nil
	case diff.CommentCompositeType:
		return []string{"COMMENT ON TYPE " + name + " IS " + pgComment(c.Comment)}, nil
	}
	old := c.OldCompositeType
	if old == nil {
		return nil, errMissing("old composite type")
	}
	var actions []string
	for _, a := range old.Attributes {
		if ct.Attribute(a.Name) == nil {
			actions = append(actions, "DROP ATTRIBUTE "+pgIdent(a.Name))
		}
	}
	for _, a := range ct.Attributes {
		o := old.Attribute(a.Name)
		switch {
		case o == nil:
			s, err := pgAttribute(a)
			if err != nil {
				return nil, err
			}
			actions = append(actions, "ADD ATTRIBUTE "+s)
		case *o != *a:
			s, err := pgAttribute(a)
			if err != nil {
				return nil, err
			}
			actions = append(actions, "ALTER ATTRIBUTE "+strings.Replace(s, " ", " TYPE ", 1))
		}
	}
	return []string{"ALTER TYPE " + name + " " + strings.Join(actions, ", ")}, nil
}

// pgAttribute renders "name" type [COLLATE collation].
func pgAttribute(a *schema.TypeAttribute) (string, error) {
	typ, err := pgType(a.Type)
	if err != nil {
		return "", fmt.Errorf("attribute %s: %w", a.Name, err)
	}
	s := pgIdent(a.Name) + " " + typ
	if a.Collation != "" {
		s += " COLLATE " + pgIdent(a.Collation)
	}
	return s, nil
}

// sequenceChange renders CreateSequence, DropSequence, AlterSequence and
// CommentSequence.
func (postgresDialect) sequenceChange(c *diff.Change) ([]string, error) {
	s := c.Sequence
	if s == nil || s.Name == "" {
		return nil, errMissing("sequence")
	}
	name := pgQName(s.Schema, s.Name)
	switch c.Kind {
	case diff.CreateSequence:
		return []string{"CREATE SEQUENCE " + name + pgSequenceOptions(nil, s)}, nil
	case diff.DropSequence:
		return []string{"DROP SEQUENCE " + name}, nil
	case diff.CommentSequence:
		return []string{"COMMENT ON SEQUENCE " + name + " IS " + pgComment(c.Comment)}, nil
	}
	old := c.OldSequence
	if old == nil {
		return nil, errMissing("old sequence")
	}
	var out []string
	if opts := pgSequenceOptions(old, s); opts != "" {
		out = append(out, "ALTER SEQUENCE "+name+opts)
	}
	if old.OwnedBy != s.OwnedBy {
		owner := "NONE"
		if s.OwnedBy != "" {
			parts := strings.Split(s.OwnedBy, ".")
			if len(parts) != 3 {
				return nil, fmt.Errorf("sequence %s: owned_by %q is not schema.table.column", s.QName(), s.OwnedBy)
			}
			owner = pgQName(parts[0], parts[1]) + "." + pgIdent(parts[2])
		}
		out = append(out, "ALTER SEQUENCE "+name+" OWNED BY "+owner)
	}
	return out, nil
}

// pgSequenceOptions renders the options of s that differ from old (nil:
// CREATE SEQUENCE, where the canonical defaults go unsaid), each with a
// leading space. ALTER SEQUENCE states both bounds when the type,
// direction or bounds change.
func pgSequenceOptions(old, s *schema.Sequence) string {
	create := old == nil
	if create {
		old = &schema.Sequence{Type: "bigint", Increment: 1}
		id := &schema.Identity{Increment: s.Increment, MinValue: s.MinValue, MaxValue: s.MaxValue}
		old.Start = schema.IdentityDefaultStart(s.Type, id)
	}
	var b strings.Builder
	if s.Type != old.Type {
		b.WriteString(" AS " + s.Type)
	}
	if s.Increment != old.Increment {
		b.WriteString(" INCREMENT BY " + strconv.FormatInt(s.Increment, 10))
	}
	bounds := s.Type != old.Type || s.Increment != old.Increment || !sameSeqBound(s.MinValue, old.MinValue) || !sameSeqBound(s.MaxValue, old.MaxValue)
	switch {
	case bounds && !create:
		// Both bounds as numbers: after a change of type, NO MAXVALUE
		// gives a descending sequence the type's maximum, not -1
		// (sequence.c, init_params).
		lo, hi := schema.IdentityBounds(s.Type, s.Increment)
		if s.MinValue != nil {
			lo = *s.MinValue
		}
		if s.MaxValue != nil {
			hi = *s.MaxValue
		}
		b.WriteString(" MINVALUE " + strconv.FormatInt(lo, 10) + " MAXVALUE " + strconv.FormatInt(hi, 10))
	case bounds:
		if s.MinValue != nil {
			b.WriteString(" MINVALUE " + strconv.FormatInt(*s.MinValue, 10))
		}
		if s.MaxValue != nil {
			b.WriteString(" MAXVALUE " + strconv.FormatInt(*s.MaxValue, 10))
		}
	}
	if s.Start != old.Start {
		b.WriteString(" START WITH " + strconv.FormatInt(s.Start, 10))
	}
	if s.Cache != old.Cache {
		b.WriteString(" CACHE " + strconv.FormatInt(max(s.Cache, 1), 10))
	}
	if s.Cycle != old.Cycle {
		if s.Cycle {
			b.WriteString(" CYCLE")
		} else {
			b.WriteString(" NO CYCLE")
		}
	}
	return b.String()
}

func sameSeqBound(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
