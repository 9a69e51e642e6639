package render

import (
	"errors"
	"strconv"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// sequenceChange renders CreateSequence, DropSequence and AlterSequence
// ("CREATE SEQUENCE (Transact-SQL)", "ALTER SEQUENCE (Transact-SQL)").
// CREATE SEQUENCE always says AS and START WITH (SQL Server's default start
// is the type's minimum, not 0: see the canonical Sequence). ALTER SEQUENCE
// cannot change the type, so a type change drops and creates the sequence;
// a new start restarts it (RESTART WITH).
func (sqlserverDialect) sequenceChange(c *diff.Change) ([]string, error) {
	s := c.Sequence
	if s == nil || s.Name == "" {
		return nil, errMissing("sequence")
	}
	if s.OwnedBy != "" {
		return nil, errors.New("SQL Server sequences have no OWNED BY")
	}
	drop := "DROP SEQUENCE " + msQName(s.QName())
	create := "CREATE SEQUENCE " + msQName(s.QName()) + " AS " + s.Type + " START WITH " + strconv.FormatInt(s.Start, 10) +
		" INCREMENT BY " + strconv.FormatInt(s.Increment, 10) + msSequenceOptions(s, nil)
	old := c.OldSequence
	switch {
	case c.Kind == diff.DropSequence:
		return []string{drop}, nil
	case c.Kind == diff.CreateSequence:
		return []string{create}, nil
	case old == nil:
		return nil, errMissing("old sequence")
	case old.Type != s.Type:
		return []string{drop, create}, nil
	}
	var set string
	if s.Start != old.Start {
		set += " RESTART WITH " + strconv.FormatInt(s.Start, 10)
	}
	if s.Increment != old.Increment {
		set += " INCREMENT BY " + strconv.FormatInt(s.Increment, 10)
	}
	set += msSequenceOptions(s, old)
	if set == "" {
		return nil, nil
	}
	return []string{"ALTER SEQUENCE " + msQName(s.QName()) + set}, nil
}

// msSequenceOptions renders MINVALUE, MAXVALUE, CYCLE and CACHE of s: all
// that differ from the defaults when old is nil (CREATE), all that differ
// from old otherwise (ALTER, where NO MINVALUE, NO MAXVALUE, NO CYCLE and a
// bare CACHE restore a default).
func msSequenceOptions(s, old *schema.Sequence) string {
	var b strings.Builder
	bound := func(kw string, v, was *int64) {
		switch {
		case old != nil && equalInt64Ptr(v, was):
		case v != nil:
			b.WriteString(" " + kw + " " + strconv.FormatInt(*v, 10))
		case old != nil:
			b.WriteString(" NO " + kw)
		}
	}
	bound("MINVALUE", s.MinValue, oldField(old, func(o *schema.Sequence) *int64 { return o.MinValue }))
	bound("MAXVALUE", s.MaxValue, oldField(old, func(o *schema.Sequence) *int64 { return o.MaxValue }))
	if old == nil && s.Cycle || old != nil && s.Cycle != old.Cycle {
		if s.Cycle {
			b.WriteString(" CYCLE")
		} else {
			b.WriteString(" NO CYCLE")
		}
	}
	if old == nil && s.Cache != 0 || old != nil && s.Cache != old.Cache {
		switch s.Cache {
		case 0:
			b.WriteString(" CACHE")
		case 1:
			b.WriteString(" NO CACHE")
		default:
			b.WriteString(" CACHE " + strconv.FormatInt(s.Cache, 10))
		}
	}
	return b.String()
}

// oldField returns get(old), or nil when old is nil.
func oldField(old *schema.Sequence, get func(*schema.Sequence) *int64) *int64 {
	if old == nil {
		return nil
	}
	return get(old)
}

// equalInt64Ptr reports whether two optional values are the same.
func equalInt64Ptr(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
