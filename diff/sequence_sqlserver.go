package diff

import (
	"math/big"

	"github.com/schemadiff/schemadiff/schema"
)

// sqlserverSequenceHazards returns the hazards of changing SQL Server
// sequence s into t: a type change, which ALTER SEQUENCE cannot make (it has
// no AS: "ALTER SEQUENCE (Transact-SQL)"), so the sequence is dropped and
// created again and starts over; and a range that gets narrower than the
// one it had (the bounds of its type when MINVALUE/MAXVALUE are unset,
// "CREATE SEQUENCE (Transact-SQL)"), which fails if the current value is
// outside it. A type change says only the first: the sequence created
// again has no current value to fall outside.
func sqlserverSequenceHazards(s, t *schema.Sequence) []Hazard {
	if s.Type != t.Type {
		return []Hazard{hazard(HazardDropType, Warning,
			"Sequence %s changes type from %s to %s, which ALTER SEQUENCE cannot do: it is dropped and created again, loses its position and starts over at %d; a default that calls NEXT VALUE FOR it makes the DROP fail.",
			t.QName(), s.Type, t.Type, t.Start)}
	}
	sLo, sHi, err1 := sqlserverSequenceRange(s)
	tLo, tHi, err2 := sqlserverSequenceRange(t)
	if err1 == nil && err2 == nil && (tLo.Cmp(sLo) > 0 || tHi.Cmp(sHi) < 0) {
		return []Hazard{hazard(HazardNarrowType, Warning,
			"Sequence %s gets a narrower range: ALTER SEQUENCE fails if its current value is outside it.", t.QName())}
	}
	return nil
}

// sqlserverSequenceRange returns the MINVALUE and MAXVALUE of a canonical
// SQL Server sequence: its own, or its type's bounds.
func sqlserverSequenceRange(s *schema.Sequence) (lo, hi *big.Int, err error) {
	lo, hi, err = schema.SQLServerSequenceBounds(s.Type)
	if err != nil {
		return nil, nil, err
	}
	if s.MinValue != nil {
		lo = big.NewInt(*s.MinValue)
	}
	if s.MaxValue != nil {
		hi = big.NewInt(*s.MaxValue)
	}
	return lo, hi, nil
}
