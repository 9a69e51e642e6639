package diff

import (
	"slices"
	"testing"

	"github.com/schemadiff/schemadiff/schema"
)

// TestSQLServerSequenceHazards: a SQL Server sequence whose type changes is
// dropped and created again (a warning that it starts over); one whose range
// narrows, from its type's bounds (not PostgreSQL's), warns that ALTER
// SEQUENCE may fail.
func TestSQLServerSequenceHazards(t *testing.T) {
	i64 := func(v int64) *int64 { return &v }
	seq := func(typ string, lo, hi *int64) *schema.Sequence {
		return &schema.Sequence{Schema: "dbo", Name: "s", Type: typ, Start: 1, Increment: 1, MinValue: lo, MaxValue: hi}
	}
	tests := []struct {
		name     string
		from, to *schema.Sequence
		want     []string
	}{
		{"int to bigint", seq("int", nil, nil), seq("bigint", nil, nil), []string{HazardDropType}},
		{"bigint to int", seq("bigint", nil, nil), seq("int", nil, nil), []string{HazardDropType}},
		{"min set above the type's", seq("int", nil, nil), seq("int", i64(1), nil), []string{HazardNarrowType}},
		{"bounds back to the type's", seq("int", i64(1), i64(100)), seq("int", nil, nil), nil},
		{"negative min within the type's", seq("smallint", nil, nil), seq("smallint", i64(-32768), nil), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range sqlserverSequenceHazards(tt.from, tt.to) {
				got = append(got, h.Code)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("hazards %v, want %v", got, tt.want)
			}
		})
	}
}
