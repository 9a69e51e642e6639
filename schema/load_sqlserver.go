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
	var s ConstraintState
	var pos Pos
	s.NoCheck, pos, _ = o.boolean("nocheck")
	l.setPos(owner, "nocheck", pos)
	s.Disabled, pos, _ = o.boolean("disabled")
	l.setPos(owner, "disabled", pos)
	s.NotForReplication, pos, _ = o.boolean("not_for_replication")
	l.setPos(owner, "not_for_replication", pos)
	return s
}

// indexOptions reads columnstore, fill_factor, pad_index, ignore_dup_key
// and data_compression of an index.
func (l *loader) indexOptions(o object, ix *Index) {
	var pos Pos
	ix.Columnstore, pos, _ = o.boolean("columnstore")
	l.setPos(ix, "columnstore", pos)
	ix.FillFactor, pos, _ = o.integer("fill_factor")
	l.setPos(ix, "fill_factor", pos)
	ix.PadIndex, pos, _ = o.boolean("pad_index")
	l.setPos(ix, "pad_index", pos)
	ix.IgnoreDupKey, pos, _ = o.boolean("ignore_dup_key")
	l.setPos(ix, "ignore_dup_key", pos)
	ix.DataCompression, pos, _ = o.str("data_compression")
	l.setPos(ix, "data_compression", pos)
}
