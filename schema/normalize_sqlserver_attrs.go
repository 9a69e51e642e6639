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
		canonicalState(&fk.ConstraintState)
	}
	for _, ck := range t.Checks {
		canonicalState(&ck.ConstraintState)
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

// canonicalState: a disabled constraint is not trusted (is_not_trusted =
// 1); an enabled NOT FOR REPLICATION one is never trusted either, whether
// it was added WITH CHECK or not, so its is_not_trusted says nothing and
// NoCheck is false (sys.foreign_keys shows is_not_trusted = 1 for every NOT
// FOR REPLICATION key; "using NOT FOR REPLICATION will render your
// constraint untrusted": dba.stackexchange.com/questions/5047).
func canonicalState(s *ConstraintState) {
	switch {
	case s.Disabled:
		s.NoCheck = true
	case s.NotForReplication:
		s.NoCheck = false
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
