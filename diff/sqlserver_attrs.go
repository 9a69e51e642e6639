package diff

import (
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// The kinds of change that set SQL Server attributes in place.
const (
	// RebuildIndex rebuilds Index of Table with its options (FILLFACTOR,
	// PAD_INDEX, IGNORE_DUP_KEY, DATA_COMPRESSION): only those differ from
	// the live index (SQL Server: ALTER INDEX … REBUILD WITH (…)).
	RebuildIndex Kind = "rebuild_index"
	// SetConstraintState enables, disables or re-trusts the Check or
	// ForeignKey of Table (the to-side definition, whose SystemName is the
	// live constraint's): only its ConstraintState's NoCheck and Disabled
	// differ (SQL Server: ALTER TABLE … [WITH CHECK] CHECK | NOCHECK CONSTRAINT).
	SetConstraintState Kind = "set_constraint_state"
)

// The SQL Server attribute hazard codes.
const (
	HazardIndexRebuild      = "index-rebuild"      // ALTER INDEX … REBUILD rebuilds an index offline
	HazardConstraintTrust   = "constraint-retrust" // WITH CHECK CHECK CONSTRAINT scans the table and fails on rows that violate the constraint
	HazardConstraintNoTrust = "constraint-nocheck" // a constraint is disabled or added WITH NOCHECK: existing (or new) rows are not checked
)

// indexOptionsOnly reports whether indexes a and b differ in their options
// only (FILLFACTOR, PAD_INDEX, IGNORE_DUP_KEY, DATA_COMPRESSION), which
// ALTER INDEX … REBUILD sets in place.
func indexOptionsOnly(a, b *schema.Index) bool {
	x := *b
	x.FillFactor, x.PadIndex, x.IgnoreDupKey, x.DataCompression = a.FillFactor, a.PadIndex, a.IgnoreDupKey, a.DataCompression
	return equalIndex(a, &x) && !equalIndex(a, b)
}

// rebuildIndexChange rebuilds index x of table with its new options.
func rebuildIndexChange(table schema.QName, x *schema.Index) *Change {
	what := "the index"
	if isClustered(x) {
		what = "the table (the index is clustered)"
	}
	return &Change{Kind: RebuildIndex, Table: table, Index: x, Hazards: []Hazard{hazard(HazardIndexRebuild, Warning,
		"Rebuilding index %s to change its options rewrites %s and, offline, blocks writes to table %s while it runs (ONLINE = ON avoids that on Enterprise edition and Azure SQL).", x.Name, what, table)}}
}

// stateOnly reports whether two states differ in NoCheck or Disabled only
// (NOT FOR REPLICATION is part of the definition: drop and create).
func stateOnly(a, b schema.ConstraintState) bool {
	return a != b && a.NotForReplication == b.NotForReplication
}

// constraintStateHazards: re-trusting scans the table and fails on rows
// that violate the constraint; disabling or leaving untrusted stops
// checking (and makes the optimizer ignore the constraint).
func constraintStateHazards(table schema.QName, what, name string, s schema.ConstraintState) []Hazard {
	switch {
	case !s.NoCheck:
		return []Hazard{hazard(HazardConstraintTrust, Warning,
			"Checking %s %s on table %s again (WITH CHECK) reads every row and fails if one violates it.", what, name, table)}
	case s.Disabled:
		return []Hazard{hazard(HazardConstraintNoTrust, Warning,
			"Disabling %s %s on table %s: SQL Server no longer checks the rows written to it.", what, name, table)}
	}
	return []Hazard{hazard(HazardConstraintNoTrust, Info,
		"%s %s on table %s is enabled WITH NOCHECK: the rows already there are not checked, and the optimizer does not trust it.", capitalize(what), name, table)}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// setCheckState returns the change that gives check sc of table the state
// of tc, when only that differs, else nil.
func setCheckState(table schema.QName, sc, tc *schema.Check) *Change {
	x, y := *sc, *tc
	x.ConstraintState, y.ConstraintState = schema.ConstraintState{}, schema.ConstraintState{}
	if !equalCheck(&x, &y) || !stateOnly(sc.ConstraintState, tc.ConstraintState) {
		return nil
	}
	live := *tc
	live.SystemName = sc.SystemName
	return &Change{Kind: SetConstraintState, Table: table, Check: &live,
		Hazards: constraintStateHazards(table, "check constraint", tc.Name, tc.ConstraintState)}
}

// setForeignKeyState is setCheckState for foreign keys.
func setForeignKeyState(table schema.QName, sf, tf *schema.ForeignKey) *Change {
	x, y := *sf, *tf
	x.ConstraintState, y.ConstraintState = schema.ConstraintState{}, schema.ConstraintState{}
	if !equalForeignKey(&x, &y) || !stateOnly(sf.ConstraintState, tf.ConstraintState) {
		return nil
	}
	live := *tf
	live.SystemName = sf.SystemName
	return &Change{Kind: SetConstraintState, Table: table, ForeignKey: &live,
		Hazards: constraintStateHazards(table, "foreign key", tf.Name, tf.ConstraintState)}
}

// addConstraintStateHazards adds to the hazards of a new check or foreign
// key the one its state calls for, when it is not checked.
func addConstraintStateHazards(hs []Hazard, table schema.QName, what, name string, s schema.ConstraintState) []Hazard {
	if !s.NoCheck {
		return hs
	}
	return append(hs, constraintStateHazards(table, what, name, s)...)
}

// uncheckedChecks splits off the checks of t that CREATE TABLE cannot
// create as they are (a check declared inline is enabled, trusted and
// valid): they are added after it, WITH NOCHECK and disabled (SQL Server)
// or NOT VALID (PostgreSQL, whose CREATE TABLE refuses NOT VALID) as they
// say. It returns t itself when there are none.
func uncheckedChecks(t *schema.Table) (*schema.Table, []*schema.Check) {
	var keep, later []*schema.Check
	for _, ck := range t.Checks {
		if ck.NoCheck || ck.NotValid {
			later = append(later, ck)
		} else {
			keep = append(keep, ck)
		}
	}
	if len(later) == 0 {
		return t, nil
	}
	c := *t
	c.Checks = keep
	return &c, later
}

// identityRecreated reports whether a change of IDENTITY makes SQL Server
// recreate the column: every change but one of NOT FOR REPLICATION alone,
// which sys.sp_identitycolumnforreplication sets in place (an AlterColumn
// with Alter.Identity).
func identityRecreated(a, b *schema.Identity) bool {
	if a == nil || b == nil {
		return a != b
	}
	x := *b
	x.NotForReplication = a.NotForReplication
	return !equalIdentity(a, &x)
}
