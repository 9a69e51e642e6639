package source

import "github.com/schemadiff/schemadiff/schema"

// carryFunctionPositions copies the source positions of the functions and
// triggers of from (canonical) to the same ones of to, its read-back copy.
func carryFunctionPositions(from, to *schema.Database) {
	fns := map[schema.QName]schema.Pos{}
	for _, f := range from.Functions {
		fns[f.QName()] = f.Pos
	}
	for _, f := range to.Functions {
		f.Pos = fns[f.QName()]
	}
	trs := map[schema.QName]schema.Pos{}
	for _, t := range from.Triggers {
		trs[t.QName()] = t.Pos
	}
	for _, t := range to.Triggers {
		t.Pos = trs[t.QName()]
	}
}
