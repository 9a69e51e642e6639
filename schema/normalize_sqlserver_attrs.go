package schema

import (
	"slices"
	"strings"
)

// normalizeSQLServerAttrs brings the SQL Server-only attributes of t to
// their canonical form (see the "canonical:" notes of the model). On
// PostgreSQL validation has refused them, so they are all zero there.
func normalizeSQLServerAttrs(t *Table) {
	if pk := t.PrimaryKey; pk != nil {
		pk.Desc = keyOrder(pk.Columns, pk.Desc)
	}
	for _, u := range t.Uniques {
		u.Desc = keyOrder(u.Columns, u.Desc)
	}
	for _, fk := range t.ForeignKeys {
		fk.NoCheck = fk.NoCheck || fk.Disabled
	}
	for _, ck := range t.Checks {
		ck.NoCheck = ck.NoCheck || ck.Disabled
	}
	for _, x := range t.Indexes {
		if x.FillFactor == 100 { // "FILLFACTOR values 0 and 100 are the same in all respects" (CREATE INDEX)
			x.FillFactor = 0
		}
		x.DataCompression = strings.ToUpper(strings.TrimSpace(x.DataCompression))
		if x.DataCompression == "NONE" || x.Columnstore && x.DataCompression == "COLUMNSTORE" {
			x.DataCompression = ""
		}
	}
}

// keyOrder returns the columns of cols that desc lists, in key order (nil
// when none).
func keyOrder(cols, desc []string) []string {
	var out []string
	for _, c := range cols {
		if slices.Contains(desc, c) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
