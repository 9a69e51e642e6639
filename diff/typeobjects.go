package diff

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// This file compares the PostgreSQL extensions, sequences, domains and
// composite types of two databases (issue 12).
//
// Order: extensions first (phaseExtensions: the column types, operator
// classes and functions they bring exist before the tables), then domains,
// composite types and sequences (phaseTypes, after the enums a domain may be
// over, before the tables using them); what goes away is dropped after the
// tables (phaseDropTypes, phaseDropExtensions). A sequence's OWNED BY is
// set after its table exists and released before its column goes, so that
// the sequence is never dropped with a column by surprise.

// typeObjectKey returns the sort level and name of a change of this file's
// kinds (ok false for other changes): within a phase, domains before the
// composite types that may use them are created, and dropped after them.
func typeObjectKey(c *Change) (level int, q schema.QName, ok bool) {
	switch {
	case c.Extension != nil:
		return 1, schema.QName{Name: c.Extension.Name}, true
	case c.Domain != nil:
		if c.Kind == DropDomain {
			return 4, c.Domain.QName(), true
		}
		return 3, c.Domain.QName(), true
	case c.CompositeType != nil:
		if c.Kind == DropCompositeType {
			return 3, c.CompositeType.QName(), true
		}
		return 4, c.CompositeType.QName(), true
	case c.Sequence != nil:
		return 5, c.Sequence.QName(), true
	}
	return 0, schema.QName{}, false
}

// compareTypeObjects compares extensions, sequences, domains and composite
// types. The source side is d.orig: renames touch none of them.
func (d *differ) compareTypeObjects() {
	d.compareExtensions()
	d.compareSequences()
	d.compareDomains()
	d.compareCompositeTypes()
}

// commentTypeObject adds a comment change of kind k when old and new differ, in the
// last phase.
func (d *differ) commentTypeObject(k Kind, c *Change, old, new string) {
	if old != new {
		c.Kind, c.Comment, c.OldComment = k, new, old
		d.add(phaseComments, c)
	}
}

func (d *differ) compareExtensions() {
	pairByName(d.orig.Extensions, d.dst.Extensions, func(x *schema.Extension) string { return x.Name }, func(s, t *schema.Extension) {
		switch {
		case s == nil:
			d.add(phaseExtensions, &Change{Kind: CreateExtension, Extension: t})
			d.commentTypeObject(CommentExtension, &Change{Extension: t}, "", t.Comment)
		case t == nil:
			d.add(phaseDropExtensions, &Change{Kind: DropExtension, Extension: s, Hazards: []Hazard{hazard(HazardDropExtension, Warning,
				"Dropping extension %s drops the types, functions and operators it owns; it fails while columns, indexes or functions of the schema use them.", s.Name)}})
		default:
			if s.Schema != t.Schema || extensionVersionChanged(s, t) {
				c := &Change{Kind: AlterExtension, Extension: t, OldExtension: s}
				if extensionVersionChanged(s, t) {
					// ALTER EXTENSION UPDATE runs the update scripts the
					// extension ships (extension--old--new.sql); few ship
					// any that go back to an older version.
					c.Hazards = []Hazard{hazard(HazardExtensionUpdate, Warning,
						"ALTER EXTENSION %s UPDATE TO '%s' needs the extension's update script from version %s, installed on the server; extensions rarely ship scripts that go back to an older version.",
						t.Name, t.Version, s.Version)}
				}
				d.add(phaseExtensions, c)
			}
			d.commentTypeObject(CommentExtension, &Change{Extension: t}, s.Comment, t.Comment)
		}
	})
}

// extensionVersionChanged reports whether an extension's version changes:
// only when both sides name one (a schema file that names none accepts the
// version installed).
func extensionVersionChanged(s, t *schema.Extension) bool {
	return s.Version != "" && t.Version != "" && s.Version != t.Version
}

func (d *differ) compareSequences() {
	key := func(s *schema.Sequence) string { return qnameKey(s.QName()) }
	pairByName(d.orig.Sequences, d.dst.Sequences, key, func(s, t *schema.Sequence) {
		switch {
		case s == nil:
			d.add(phaseTypes, &Change{Kind: CreateSequence, Sequence: t})
			d.sequenceOwner(nil, t)
			d.commentTypeObject(CommentSequence, &Change{Sequence: t}, "", t.Comment)
		case t == nil:
			d.sequenceOwner(s, nil)
			d.add(phaseDropTypes, &Change{Kind: DropSequence, Sequence: s, Hazards: []Hazard{hazard(HazardDropType, Warning,
				"Dropping sequence %s loses its position: a sequence created again starts over.", s.QName())}})
		default:
			if !equalSequenceOptions(s, t) {
				old := *t
				old.Type, old.Start, old.Increment, old.MinValue, old.MaxValue, old.Cache, old.Cycle =
					s.Type, s.Start, s.Increment, s.MinValue, s.MaxValue, s.Cache, s.Cycle
				hazards := sequenceHazards(s, t)
				if d.dst.Dialect == schema.SQLServer {
					hazards = sqlserverSequenceHazards(s, t)
				}
				d.add(phaseTypes, &Change{Kind: AlterSequence, Sequence: t, OldSequence: &old, Hazards: hazards})
			}
			d.sequenceOwner(s, t)
			d.commentTypeObject(CommentSequence, &Change{Sequence: t}, s.Comment, t.Comment)
		}
	})
}

// equalSequenceOptions reports whether two canonical sequences have the
// same options (OWNED BY and comment aside).
func equalSequenceOptions(s, t *schema.Sequence) bool {
	return s.Type == t.Type && s.Start == t.Start && s.Increment == t.Increment && sameSeqBound(s.MinValue, t.MinValue) &&
		sameSeqBound(s.MaxValue, t.MaxValue) && s.Cache == t.Cache && s.Cycle == t.Cycle
}

func sameSeqBound(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// sequenceHazards: a sequence's type narrowed or bounds tightened makes
// ALTER SEQUENCE fail when its current value is outside the new range.
func sequenceHazards(s, t *schema.Sequence) []Hazard {
	sLo, sHi := sequenceRange(s)
	tLo, tHi := sequenceRange(t)
	if tLo > sLo || tHi < sHi {
		return []Hazard{hazard(HazardNarrowType, Warning,
			"Sequence %s gets a narrower range: ALTER SEQUENCE fails if its current value is outside it.", t.QName())}
	}
	return nil
}

// sequenceRange returns a canonical sequence's MINVALUE and MAXVALUE.
func sequenceRange(s *schema.Sequence) (lo, hi int64) {
	lo, hi = schema.IdentityBounds(s.Type, s.Increment)
	if s.MinValue != nil {
		lo = *s.MinValue
	}
	if s.MaxValue != nil {
		hi = *s.MaxValue
	}
	return lo, hi
}

// sequenceOwner releases the OWNED BY of s (nil: none) early, before the
// column it names may be dropped (which would drop the sequence), and sets
// that of t (nil: none) once the tables and columns exist.
func (d *differ) sequenceOwner(s, t *schema.Sequence) {
	from, to := "", ""
	if s != nil {
		from = s.OwnedBy
	}
	if t != nil {
		to = t.OwnedBy
	}
	if from == to {
		return
	}
	if from != "" {
		seq := *s
		if t != nil {
			seq = *t
		}
		seq.OwnedBy = ""
		old := seq
		old.OwnedBy = from
		d.add(phaseDropDependents, &Change{Kind: AlterSequence, Sequence: &seq, OldSequence: &old})
	}
	if to != "" {
		old := *t
		old.OwnedBy = ""
		d.add(phaseAddForeignKeys, &Change{Kind: AlterSequence, Sequence: t, OldSequence: &old})
	}
}

func (d *differ) compareDomains() {
	key := func(x *schema.Domain) string { return qnameKey(x.QName()) }
	pairByName(d.orig.Domains, d.dst.Domains, key, func(s, t *schema.Domain) {
		switch {
		case s == nil:
			d.add(phaseTypes, &Change{Kind: CreateDomain, Domain: t})
			d.commentTypeObject(CommentDomain, &Change{Domain: t}, "", t.Comment)
		case t == nil:
			d.add(phaseDropTypes, &Change{Kind: DropDomain, Domain: s})
		case s.Type != t.Type || s.Collation != t.Collation:
			// ALTER DOMAIN cannot change the base type or the collation.
			d.add(phaseDropDependents, &Change{Kind: DropDomain, Domain: s, Hazards: d.recreateTypeHazards("domain", s.QName())})
			d.add(phaseTypes, &Change{Kind: CreateDomain, Domain: t})
			d.commentTypeObject(CommentDomain, &Change{Domain: t}, "", t.Comment)
		default:
			if !equalDomain(s, t) {
				d.add(phaseTypes, &Change{Kind: AlterDomain, Domain: t, OldDomain: s, Hazards: alterDomainHazards(s, t)})
			}
			d.commentTypeObject(CommentDomain, &Change{Domain: t}, s.Comment, t.Comment)
		}
	})
}

// equalDomain reports whether two canonical domains of the same type and
// collation are equal (comments aside).
func equalDomain(s, t *schema.Domain) bool {
	return s.NotNull == t.NotNull && equalDefault(s.Default, t.Default) &&
		slices.EqualFunc(s.Checks, t.Checks, func(a, b *schema.Check) bool { return sameDomainCheck(a, b) && a.NotValid == b.NotValid })
}

// sameDomainCheck reports whether two checks of a domain are the same
// constraint (validity aside).
func sameDomainCheck(a, b *schema.Check) bool { return a.Name == b.Name && a.Expr == b.Expr }

// DomainCheckChanges returns the checks ALTER DOMAIN drops (those of old
// that new lacks or changes), adds (those of new that old lacks or has
// otherwise) and validates (NOT VALID in old, valid in new), by name.
func DomainCheckChanges(old, new *schema.Domain) (drop, add, validate []*schema.Check) {
	byName := func(cs []*schema.Check, name string) *schema.Check {
		for _, c := range cs {
			if c.Name == name {
				return c
			}
		}
		return nil
	}
	for _, c := range old.Checks {
		if n := byName(new.Checks, c.Name); n == nil || !sameDomainCheck(c, n) || !c.NotValid && n.NotValid {
			drop = append(drop, c)
		}
	}
	for _, c := range new.Checks {
		o := byName(old.Checks, c.Name)
		switch {
		case o == nil || !sameDomainCheck(c, o) || !o.NotValid && c.NotValid:
			add = append(add, c)
		case o.NotValid && !c.NotValid:
			validate = append(validate, c)
		}
	}
	return drop, add, validate
}

// alterDomainHazards: SET NOT NULL fails if a column of the domain holds
// NULL; a check added (not NOT VALID) or validated fails on values that
// violate it (ALTER DOMAIN: "ADD … is checked against the data", SET NOT
// NULL "will fail if the domain's columns contain null values").
func alterDomainHazards(s, t *schema.Domain) []Hazard {
	var hs []Hazard
	if t.NotNull && !s.NotNull {
		hs = append(hs, hazard(HazardSetNotNull, Warning, "SET NOT NULL on domain %s fails if a column of the domain holds NULL, and scans every such column.", t.QName()))
	}
	_, add, validate := DomainCheckChanges(s, t)
	var checked []string
	for _, c := range add {
		if !c.NotValid {
			checked = append(checked, c.Name)
		}
	}
	for _, c := range validate {
		checked = append(checked, c.Name)
	}
	if len(checked) > 0 {
		hs = append(hs, hazard(HazardCheckMayFail, Warning, "Check %s of domain %s is checked against every column of the domain: it fails on values that violate it.",
			strings.Join(checked, ", "), t.QName()))
	}
	return hs
}

// typeUses returns the columns (table.column), domains and composite-type
// attributes of the source that use the type q (or an array of it).
func (d *differ) typeUses(q schema.QName) []string {
	name := q.String()
	is := func(typ string) bool { return typ == name || typ == name+"[]" }
	var uses []string
	for _, t := range d.orig.Tables {
		for _, c := range t.Columns {
			if is(c.Type) {
				uses = append(uses, "column "+columnName(t.QName(), c.Name))
			}
		}
	}
	for _, x := range d.orig.Domains {
		if is(x.Type) {
			uses = append(uses, "domain "+x.QName().String())
		}
	}
	for _, ct := range d.orig.CompositeTypes {
		for _, a := range ct.Attributes {
			if is(a.Type) {
				uses = append(uses, "composite type "+ct.QName().String()+" attribute "+a.Name)
			}
		}
	}
	slices.Sort(uses)
	return uses
}

// recreateTypeHazards: a domain or composite type dropped and created
// again (what ALTER cannot change) cannot be dropped while anything uses
// it: the plan then fails, and says what to change first.
func (d *differ) recreateTypeHazards(kind string, q schema.QName) []Hazard {
	if uses := d.typeUses(q); len(uses) > 0 {
		return []Hazard{hazard(HazardTypeInUse, Error,
			"%s %s is dropped and created again, which fails while %s use it: retype or drop them first, in a migration of their own.",
			kind, q, strings.Join(uses, ", "))}
	}
	return []Hazard{hazard(HazardDropType, Info, "%s %s is dropped and created again: ALTER cannot make this change.", kind, q)}
}

func (d *differ) compareCompositeTypes() {
	key := func(x *schema.CompositeType) string { return qnameKey(x.QName()) }
	pairByName(d.orig.CompositeTypes, d.dst.CompositeTypes, key, func(s, t *schema.CompositeType) {
		switch {
		case s == nil:
			d.add(phaseTypes, &Change{Kind: CreateCompositeType, CompositeType: t})
			d.commentTypeObject(CommentCompositeType, &Change{CompositeType: t}, "", t.Comment)
		case t == nil:
			d.add(phaseDropTypes, &Change{Kind: DropCompositeType, CompositeType: s})
		case slices.EqualFunc(s.Attributes, t.Attributes, func(a, b *schema.TypeAttribute) bool { return *a == *b }):
			d.commentTypeObject(CommentCompositeType, &Change{CompositeType: t}, s.Comment, t.Comment)
		case attributesAlterable(s, t):
			c := &Change{Kind: AlterCompositeType, CompositeType: t, OldCompositeType: s}
			if uses := d.typeUses(s.QName()); len(uses) > 0 {
				c.Hazards = []Hazard{hazard(HazardTypeInUse, Error,
					"ALTER TYPE %s fails while %s use it (PostgreSQL does not alter a composite type stored in a table): retype or drop them first, in a migration of their own.",
					t.QName(), strings.Join(uses, ", "))}
			}
			d.add(phaseTypes, c)
			d.commentTypeObject(CommentCompositeType, &Change{CompositeType: t}, s.Comment, t.Comment)
		default:
			d.add(phaseDropDependents, &Change{Kind: DropCompositeType, CompositeType: s, Hazards: d.recreateTypeHazards("composite type", s.QName())})
			d.add(phaseTypes, &Change{Kind: CreateCompositeType, CompositeType: t})
			d.commentTypeObject(CommentCompositeType, &Change{CompositeType: t}, "", t.Comment)
		}
	})
}

// attributesAlterable reports whether ALTER TYPE can take the attributes
// of s to those of t: the attributes both have keep their order, and the
// new ones come after them (ADD ATTRIBUTE appends).
func attributesAlterable(s, t *schema.CompositeType) bool {
	var kept []string
	for _, a := range s.Attributes {
		if t.Attribute(a.Name) != nil {
			kept = append(kept, a.Name)
		}
	}
	for i, a := range t.Attributes {
		if i < len(kept) {
			if a.Name != kept[i] {
				return false
			}
		} else if s.Attribute(a.Name) != nil {
			return false
		}
	}
	return true
}
