package review

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// This file applies the statements of extensions, sequences, domains and
// composite types (sqlread_types.go) to the state. An opTypeObject carries
// its edit; o.target names the kind ("extension", "sequence", "domain",
// "composite type"), o.name an extension, o.table the others.

// typeObjectOp holds what an opTypeObject needs beyond the common fields
// of op.
type typeObjectOp struct {
	extension *schema.Extension
	domain    *schema.Domain
	composite *schema.CompositeType
	// seqEdits set the options a CREATE or ALTER SEQUENCE says.
	seqEdits []func(*schema.Sequence)
	// domainEdit and compositeEdits make an ALTER DOMAIN or ALTER TYPE's
	// change; they return what is wrong ("" when done).
	domainEdit     func(*schema.Domain) string
	compositeEdits []func(*schema.CompositeType) string
	// edit applies the op to the state.
	edit func(*state, op)
}

func cloneDomain(d schema.Domain) schema.Domain {
	if d.Default != nil {
		v := *d.Default
		d.Default = &v
	}
	d.Checks = cloneEach(d.Checks, func(c schema.Check) schema.Check { return c })
	return d
}

func cloneComposite(c schema.CompositeType) schema.CompositeType {
	c.Attributes = cloneEach(c.Attributes, func(a schema.TypeAttribute) schema.TypeAttribute { return a })
	return c
}

func cloneBound(p *int64) *int64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// dropTypeObjectsIn removes the extensions, sequences, domains and
// composite types of schema name (DROP SCHEMA).
func dropTypeObjectsIn(db *schema.Database, name string) {
	db.Extensions = slices.DeleteFunc(db.Extensions, func(x *schema.Extension) bool { return x.Schema == name })
	db.Sequences = slices.DeleteFunc(db.Sequences, func(x *schema.Sequence) bool { return x.Schema == name })
	db.Domains = slices.DeleteFunc(db.Domains, func(x *schema.Domain) bool { return x.Schema == name })
	db.CompositeTypes = slices.DeleteFunc(db.CompositeTypes, func(x *schema.CompositeType) bool { return x.Schema == name })
}

// typeObjectName names the object of o for findings: "domain public.email".
func typeObjectName(o op) string {
	if o.target == "extension" {
		return "extension " + o.name
	}
	return o.target + " " + o.table.String()
}

// typeObjectMissing reports an op on an object no earlier migration creates.
func (s *state) typeObjectMissing(o op, doing string) {
	if !o.ifExist {
		s.conflict(o, CodeDropMissing, diff.Error, typeObjectName(o),
			"%s is %s but no earlier migration creates it; create it first or fix the name.", typeObjectName(o), doing)
	}
}

// typeObjectDuplicate reports an op creating an object that exists.
func (s *state) typeObjectDuplicate(o op) {
	if !o.ifExist {
		s.conflict(o, CodeDuplicate, diff.Error, typeObjectName(o), "%s is created twice; remove the second CREATE.", typeObjectName(o))
	}
}

func createExtension(s *state, o op) {
	if slices.ContainsFunc(s.db.Extensions, func(x *schema.Extension) bool { return x.Name == o.name }) {
		s.typeObjectDuplicate(o)
		return
	}
	x := *o.extension
	if x.Schema == "" {
		x.Schema = s.db.Dialect.DefaultSchema()
	}
	x.Pos = o.pos
	s.db.Extensions = append(s.db.Extensions, &x)
}

func alterExtension(s *state, o op) {
	i := slices.IndexFunc(s.db.Extensions, func(x *schema.Extension) bool { return x.Name == o.name })
	if i < 0 {
		s.typeObjectMissing(o, "altered")
		return
	}
	x := s.db.Extensions[i]
	if o.extension.Schema != "" {
		x.Schema = o.extension.Schema
	}
	// UPDATE without TO goes to the default version, which the control file
	// names: unknown here, so any version is accepted.
	x.Version = o.extension.Version
}

func createSequence(s *state, o op) {
	if s.sequence(o.table) != nil {
		s.typeObjectDuplicate(o)
		return
	}
	seq := &schema.Sequence{Schema: o.table.Schema, Name: o.table.Name, Pos: o.pos}
	for _, e := range o.seqEdits {
		e(seq)
	}
	s.db.Sequences = append(s.db.Sequences, seq)
}

func alterSequence(s *state, o op) {
	seq := s.sequence(o.table)
	if seq == nil {
		// A serial's sequence, perhaps renamed after its table or column.
		renamed := &schema.Sequence{Schema: o.table.Schema, Name: o.table.Name}
		for _, e := range o.seqEdits {
			e(renamed)
		}
		if !s.serialSequence(o.table) && !s.serialSequence(renamed.QName()) {
			s.typeObjectMissing(o, "altered")
		}
		return
	}
	for _, e := range o.seqEdits {
		e(seq)
	}
}

func (s *state) sequence(q schema.QName) *schema.Sequence {
	for _, x := range s.db.Sequences {
		if x.QName() == q {
			return x
		}
	}
	return nil
}

func createDomain(s *state, o op) {
	if s.db.Domain(o.table) != nil {
		s.typeObjectDuplicate(o)
		return
	}
	d := cloneDomain(*o.domain)
	d.Pos = o.pos
	s.db.Domains = append(s.db.Domains, &d)
}

func alterDomain(s *state, o op) {
	d := s.db.Domain(o.table)
	if d == nil {
		s.typeObjectMissing(o, "altered")
		return
	}
	if msg := o.domainEdit(d); msg != "" {
		s.conflict(o, CodeDropMissing, diff.Error, typeObjectName(o), "%s %s; fix the name.", typeObjectName(o), msg)
	}
}

// removeDomainCheck drops check name of d; it returns what is wrong when
// there is none (and ifExists is not set).
func removeDomainCheck(d *schema.Domain, name string, ifExists bool) string {
	n := len(d.Checks)
	d.Checks = slices.DeleteFunc(d.Checks, func(c *schema.Check) bool { return c.Name == name })
	if n == len(d.Checks) && !ifExists {
		return "has no check " + name + " to drop"
	}
	return ""
}

func createCompositeType(s *state, o op) {
	if s.db.CompositeType(o.table) != nil {
		s.typeObjectDuplicate(o)
		return
	}
	c := cloneComposite(*o.composite)
	c.Pos = o.pos
	s.db.CompositeTypes = append(s.db.CompositeTypes, &c)
}

func alterCompositeType(s *state, o op) {
	ct := s.db.CompositeType(o.table)
	if ct == nil {
		s.typeObjectMissing(o, "altered")
		return
	}
	for _, e := range o.compositeEdits {
		if msg := e(ct); msg != "" {
			s.conflict(o, CodeDropMissing, diff.Error, typeObjectName(o), "%s %s; fix the name.", typeObjectName(o), msg)
		}
	}
}

// dropTypeObject drops the extension, sequence or domain o names.
func dropTypeObject(s *state, o op) {
	db := s.db
	n := len(db.Extensions) + len(db.Sequences) + len(db.Domains)
	switch o.target {
	case "extension":
		db.Extensions = slices.DeleteFunc(db.Extensions, func(x *schema.Extension) bool { return x.Name == o.name })
	case "sequence":
		db.Sequences = slices.DeleteFunc(db.Sequences, func(x *schema.Sequence) bool { return x.QName() == o.table })
	default:
		db.Domains = slices.DeleteFunc(db.Domains, func(x *schema.Domain) bool { return x.QName() == o.table })
	}
	if n == len(db.Extensions)+len(db.Sequences)+len(db.Domains) && !(o.target == "sequence" && s.serialSequence(o.table)) {
		s.typeObjectMissing(o, "dropped")
	}
}

// serialSequence reports whether q is the name PostgreSQL gives the
// sequence of a serial column of the state (<table>_<column>_seq): the
// column's statements create it, and ALTER or DROP SEQUENCE of it are
// part of changing that column.
func (s *state) serialSequence(q schema.QName) bool {
	for _, t := range s.db.Tables {
		if t.Schema != q.Schema {
			continue
		}
		for _, c := range t.Columns {
			if schema.PostgresObjectName(t.Name, c.Name, "seq") == q.Name {
				return true
			}
		}
	}
	return false
}

// foldSerialSequences removes the sequences owned by a serial column: a
// CREATE SEQUENCE … OWNED BY column followed by that column's DEFAULT
// nextval() makes the column serial (applyAlter), whose sequence is its
// own.
func (s *state) foldSerialSequences() {
	if s.db.Dialect != schema.Postgres || len(s.db.Sequences) == 0 {
		return
	}
	s.db.Sequences = slices.DeleteFunc(s.db.Sequences, func(q *schema.Sequence) bool {
		parts := strings.Split(q.OwnedBy, ".")
		if len(parts) != 3 {
			return false
		}
		t := s.db.Table(schema.QName{Schema: parts[0], Name: parts[1]})
		if t == nil {
			return false
		}
		c := t.Column(parts[2])
		return c != nil && serialBase[canonical(s.db.Dialect, c.Type)] != ""
	})
}

// dropCompositeType drops the composite type q (DROP TYPE of what is not
// an enum); ok is false when there is none.
func (s *state) dropCompositeType(q schema.QName) bool {
	n := len(s.db.CompositeTypes)
	s.db.CompositeTypes = slices.DeleteFunc(s.db.CompositeTypes, func(x *schema.CompositeType) bool { return x.QName() == q })
	return n != len(s.db.CompositeTypes)
}

// commentTypeObject sets the comment of the extension, sequence, domain or
// composite type o names (target "extension", "sequence", "domain"; a
// "type" that is no enum is a domain or composite type).
func (s *state) commentTypeObject(o op) {
	switch o.target {
	case "extension":
		for _, x := range s.db.Extensions {
			if x.Name == o.name {
				x.Comment = o.value
			}
		}
	case "sequence":
		if x := s.sequence(o.table); x != nil {
			x.Comment = o.value
		}
	default:
		if d := s.db.Domain(o.table); d != nil {
			d.Comment = o.value
		}
		if c := s.db.CompositeType(o.table); c != nil {
			c.Comment = o.value
		}
	}
}
