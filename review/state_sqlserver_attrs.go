package review

import (
	"slices"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// rebuildIndex applies ALTER INDEX … REBUILD WITH (…) (its options in
// o.value) to index o.name of the table, or to every index of it (ALL): the
// options it names replace the index's, the others keep their values.
func (s *state) rebuildIndex(o op) {
	t := s.table(o)
	if t == nil {
		return
	}
	if o.name == "" {
		for _, x := range t.Indexes {
			indexOptions(x, o.value)
		}
		return
	}
	x := findIndex(t, o.name)
	if x == nil && isKeyConstraint(t, o.name) {
		return // the index of a primary key or unique constraint: its options are not in the model
	}
	if x == nil {
		s.conflict(o, CodeDropMissing, diff.Error, "index "+o.name, "Index %s is rebuilt but no migration creates it; fix the name.", o.name)
		return
	}
	indexOptions(x, o.value)
}

// isKeyConstraint reports whether name is t's primary key or one of its
// unique constraints.
func isKeyConstraint(t *schema.Table, name string) bool {
	if t.PrimaryKey != nil && t.PrimaryKey.Name == name {
		return true
	}
	return slices.ContainsFunc(t.Uniques, func(u *schema.Unique) bool { return u.Name == name })
}

// constraintState applies { CHECK | NOCHECK } CONSTRAINT to the check or
// foreign key o.name of the table (every one of them for ALL): disabled,
// enabled and not trusted, or enabled and trusted.
func (s *state) constraintState(o op) {
	t := s.table(o)
	if t == nil {
		return
	}
	found := false
	set := func(st *schema.ConstraintState, name string) {
		if o.name != "" && name != o.name {
			return
		}
		found = true
		switch o.value {
		case "disable":
			st.Disabled, st.NoCheck = true, true
		case "enable-check":
			st.Disabled, st.NoCheck = false, false
		case "enable-nocheck":
			if st.Disabled { // an enabled constraint stays as it is
				st.Disabled, st.NoCheck = false, true
			}
		}
	}
	for _, ck := range t.Checks {
		set(&ck.ConstraintState, ck.Name)
	}
	for _, fk := range t.ForeignKeys {
		set(&fk.ConstraintState, fk.Name)
	}
	if !found && o.name != "" {
		s.conflict(o, CodeDropMissing, diff.Error, "constraint "+o.name, "Constraint %s of %s is enabled or disabled but no migration creates it; fix the name.", o.name, t.QName())
	}
}

// identityReplication sets NOT FOR REPLICATION of the table's identity column.
func (s *state) identityReplication(o op) {
	t := s.table(o)
	if t == nil {
		return
	}
	for _, c := range t.Columns {
		if c.Identity != nil {
			c.Identity.NotForReplication = o.value == "1"
			return
		}
	}
	s.conflict(o, CodeDropMissing, diff.Error, "table "+t.QName().String(),
		"sp_identitycolumnforreplication sets NOT FOR REPLICATION of the identity column of %s, which has none; fix the name.", t.QName())
}
