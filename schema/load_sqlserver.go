package schema

// Reading the SQL Server-only attributes of schema files: DESC keys of
// primary keys and unique constraints, the state of foreign keys and
// checks (nocheck, disabled, not_for_replication) and index options.
// Validation (validate_sqlserver_attrs.go) refuses them on PostgreSQL.

// keyDesc reads `desc = ["col", ...]` of a primary key or unique constraint.
func (l *loader) keyDesc(o object, owner any) []string {
	return l.columnList(o, owner, "desc", false)
}

// constraintState reads nocheck, disabled and not_for_replication of a
// foreign key or check, recording their positions under owner.
func (l *loader) constraintState(o object, owner any) ConstraintState {
	return ConstraintState{
		NoCheck:           l.flag(o, owner, "nocheck"),
		Disabled:          l.flag(o, owner, "disabled"),
		NotForReplication: l.flag(o, owner, "not_for_replication"),
	}
}

// indexOptions reads columnstore, fill_factor, pad_index, ignore_dup_key
// and data_compression of an index.
func (l *loader) indexOptions(o object, ix *Index) {
	var pos Pos
	ix.Columnstore = l.flag(o, ix, "columnstore")
	ix.FillFactor, pos, _ = o.integer("fill_factor")
	l.setPos(ix, "fill_factor", pos)
	ix.PadIndex = l.flag(o, ix, "pad_index")
	ix.IgnoreDupKey = l.flag(o, ix, "ignore_dup_key")
	ix.DataCompression, pos, _ = o.str("data_compression")
	l.setPos(ix, "data_compression", pos)
}
