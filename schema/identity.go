package schema

import "math"

// IdentityBounds returns the MINVALUE and MAXVALUE PostgreSQL gives the
// sequence of an identity column of type typ (canonical: smallint, integer,
// bigint; any other type is taken as bigint) when they are not set: for an
// ascending sequence 1 and the type's maximum, for a descending one the
// type's minimum and -1 (CREATE SEQUENCE, "MINVALUE"/"MAXVALUE",
// https://www.postgresql.org/docs/15/sql-createsequence.html).
func IdentityBounds(typ string, increment int64) (minValue, maxValue int64) {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	switch typ {
	case "smallint":
		lo, hi = math.MinInt16, math.MaxInt16
	case "integer":
		lo, hi = math.MinInt32, math.MaxInt32
	}
	if increment < 0 {
		return lo, -1
	}
	return 1, hi
}

// identityRange returns the sequence bounds of identity id on a column of
// type typ: MinValue and MaxValue, or their defaults (IdentityBounds).
func identityRange(typ string, id *Identity) (minValue, maxValue int64) {
	minValue, maxValue = IdentityBounds(typ, id.Increment)
	if id.MinValue != nil {
		minValue = *id.MinValue
	}
	if id.MaxValue != nil {
		maxValue = *id.MaxValue
	}
	return minValue, maxValue
}

// IdentityDefaultStart returns the START PostgreSQL gives the sequence of
// identity id on a column of type typ when none is set: its minimum when it
// ascends, its maximum when it descends.
func IdentityDefaultStart(typ string, id *Identity) int64 {
	minValue, maxValue := identityRange(typ, id)
	if id.Increment < 0 {
		return maxValue
	}
	return minValue
}

// CanonicalIdentity brings the PostgreSQL identity id of a column of type typ
// (canonical) to its canonical form (see Identity): increment 1 when unset,
// the default start when unset, bounds that are the defaults nil, cache 1 as 0.
// Introspection and Normalize share it.
func CanonicalIdentity(typ string, id *Identity) {
	if id.Increment == 0 {
		id.Increment = 1
	}
	lo, hi := IdentityBounds(typ, id.Increment)
	if id.Seed == 0 {
		id.Seed = IdentityDefaultStart(typ, id)
	}
	if id.MinValue != nil && *id.MinValue == lo {
		id.MinValue = nil
	}
	if id.MaxValue != nil && *id.MaxValue == hi {
		id.MaxValue = nil
	}
	if id.Cache == 1 {
		id.Cache = 0
	}
}
