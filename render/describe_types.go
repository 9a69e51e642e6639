package render

import (
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// describeTypeObject describes a change of an extension, sequence, domain
// or composite type, e.g. "create domain public.email (text)", "alter
// sequence public.order_no: owned by public.orders.no"; ok is false for
// other changes.
func describeTypeObject(c *diff.Change) (string, bool) {
	kind, name := "", "?"
	switch {
	case c.Extension != nil:
		kind, name = "extension", c.Extension.Name
	case c.Sequence != nil:
		kind, name = "sequence", c.Sequence.QName().String()
	case c.Domain != nil:
		kind, name = "domain", c.Domain.QName().String()
	case c.CompositeType != nil:
		kind, name = "composite type", c.CompositeType.QName().String()
	default:
		return "", false
	}
	verb, _, _ := strings.Cut(string(c.Kind), "_")
	s := verb + " " + kind + " " + name
	switch c.Kind {
	case diff.CommentExtension, diff.CommentSequence, diff.CommentDomain, diff.CommentCompositeType:
		return describeComment(kind+" "+name, c.Comment), true
	case diff.CreateExtension:
		if v := c.Extension.Version; v != "" {
			s += " version " + v
		}
		return s + " in schema " + c.Extension.Schema, true
	case diff.AlterExtension:
		if o := c.OldExtension; o != nil {
			return s + ": " + o.Schema + " " + versionOrAny(o.Version) + " → " + c.Extension.Schema + " " + versionOrAny(c.Extension.Version), true
		}
	case diff.CreateDomain:
		return s + " (" + c.Domain.Type + ")", true
	case diff.CreateCompositeType:
		return s + " " + attributesDesc(c.CompositeType), true
	case diff.AlterCompositeType:
		if o := c.OldCompositeType; o != nil {
			return s + ": " + attributesDesc(o) + " → " + attributesDesc(c.CompositeType), true
		}
	case diff.AlterSequence:
		if o := c.OldSequence; o != nil && o.OwnedBy != c.Sequence.OwnedBy {
			return s + ": owned by " + ownerOrNone(c.Sequence.OwnedBy), true
		}
		if parts := sequenceParts(c.OldSequence, c.Sequence); len(parts) > 0 {
			return s + ": " + strings.Join(parts, ", "), true
		}
		return s + " options", true
	}
	return s, true
}

// attributesDesc lists a composite type's attributes: (a text, b integer).
func attributesDesc(ct *schema.CompositeType) string {
	parts := make([]string, len(ct.Attributes))
	for i, a := range ct.Attributes {
		parts[i] = a.Name + " " + a.Type
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func versionOrAny(s string) string {
	if s == "" {
		return "(any version)"
	}
	return s
}

func ownerOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// sequenceParts lists what differs between two versions of a sequence,
// e.g. "increment 1 → 5".
func sequenceParts(old, s *schema.Sequence) []string {
	if old == nil {
		return nil
	}
	var parts []string
	num := func(name string, a, b int64) {
		if a != b {
			parts = append(parts, name+" "+strconv.FormatInt(a, 10)+" → "+strconv.FormatInt(b, 10))
		}
	}
	bound := func(name string, a, b *int64) {
		text := func(p *int64) string {
			if p == nil {
				return "default"
			}
			return strconv.FormatInt(*p, 10)
		}
		if text(a) != text(b) {
			parts = append(parts, name+" "+text(a)+" → "+text(b))
		}
	}
	if old.Type != s.Type {
		parts = append(parts, "type "+old.Type+" → "+s.Type)
	}
	num("start", old.Start, s.Start)
	num("increment", old.Increment, s.Increment)
	bound("min", old.MinValue, s.MinValue)
	bound("max", old.MaxValue, s.MaxValue)
	num("cache", old.Cache, s.Cache)
	if old.Cycle != s.Cycle {
		parts = append(parts, "cycle "+strconv.FormatBool(old.Cycle)+" → "+strconv.FormatBool(s.Cycle))
	}
	return parts
}
