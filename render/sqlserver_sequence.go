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
	was := schema.Sequence{}
	if old != nil {
		was = *old
	}
	var b strings.Builder
	bound := func(kw string, v, before *int64) {
		switch {
		case v != nil && (before == nil || *v != *before):
			b.WriteString(" " + kw + " " + strconv.FormatInt(*v, 10))
		case v == nil && before != nil:
			b.WriteString(" NO " + kw)
		}
	}
	bound("MINVALUE", s.MinValue, was.MinValue)
	bound("MAXVALUE", s.MaxValue, was.MaxValue)
	switch {
	case s.Cycle && !was.Cycle:
		b.WriteString(" CYCLE")
	case !s.Cycle && was.Cycle:
		b.WriteString(" NO CYCLE")
	}
	if s.Cache != was.Cache {
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
