package render

import (
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// describeObjectChange describes a change of a sequence ("alter sequence
// dbo.s: increment 1 → 5"); ok is false for the other kinds.
func describeObjectChange(c *diff.Change) (s string, ok bool) {
	verb, _, _ := strings.Cut(string(c.Kind), "_")
	switch c.Kind {
	case diff.CreateSequence, diff.DropSequence, diff.AlterSequence:
		if c.Sequence == nil {
			return verb + " sequence ?", true
		}
		s := verb + " sequence " + c.Sequence.QName().String()
		if parts := sequenceParts(c.OldSequence, c.Sequence); c.Kind == diff.AlterSequence && len(parts) > 0 {
			s += ": " + strings.Join(parts, ", ")
		}
		return s, true
	}
	return "", false
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
