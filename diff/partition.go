package diff

import (
	"slices"

	"github.com/schemadiff/schemadiff/schema"
)

// markRebuilt finds the tables of both sides whose partitioning changes:
// PostgreSQL cannot change a table's partition key, nor make a plain table
// partitioned or the other way round, so they are dropped and created
// again, and with them their partitions (dropping a partitioned table drops
// its partitions). Their columns count as recreated, so that the foreign
// keys on and to them are dropped before and added again after.
func (d *differ) markRebuilt() {
	d.rebuilt = map[schema.QName]bool{}
	for _, t := range d.dst.Tables {
		if s := d.srcTables.Table(t.QName()); s != nil && !equalPartitioning(s.PartitionBy, t.PartitionBy) {
			d.rebuilt[t.QName()] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, t := range d.dst.Tables {
			if t.PartitionOf != nil && !d.rebuilt[t.QName()] && d.srcTables.Table(t.QName()) != nil &&
				d.rebuilt[schema.ParseQName(t.PartitionOf.Parent, t.Schema)] {
				d.rebuilt[t.QName()], changed = true, true
			}
		}
	}
	for q := range d.rebuilt {
		for _, c := range d.srcTables.Table(q).Columns {
			mark(d.recreated, q, c.Name)
			mark(d.retyped, q, c.Name)
		}
	}
}

// equalPartitioning reports whether two canonical partition keys are equal.
func equalPartitioning(a, b *schema.Partitioning) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Strategy == b.Strategy && slices.EqualFunc(a.Keys, b.Keys, equalIndexPart)
}

// dropTable drops table s of the source (after renames) in phase p, unless
// it is a partition whose parent the plan drops or rebuilds: the parent's
// DROP TABLE drops it.
func (d *differ) dropTable(s *schema.Table, p phase) {
	orig := d.origTable(s.QName())
	if po := s.PartitionOf; po != nil {
		parent := d.renamedTable(schema.ParseQName(po.Parent, orig.Schema))
		if d.dstTables.Table(parent) == nil || d.rebuilt[parent] {
			return
		}
	}
	h := dropTableHazard(orig)
	if s.PartitionBy != nil {
		h.Message = "Dropping partitioned table " + orig.QName().String() + " deletes all its rows and drops its partitions."
	}
	if p != phaseDropTables {
		h.Message = "Table " + orig.QName().String() + " is dropped and created again because its partitioning changes (PostgreSQL cannot change a partition key, nor partition an existing table): all its rows are lost."
	}
	d.add(p, &Change{Kind: DropTable, Table: orig.QName(), TableDef: orig, Hazards: []Hazard{h}})
}

// tablePhase returns the phase that creates t: a partition is created once
// every table is, and the columns of its parent are in place.
func tablePhase(t *schema.Table) phase {
	if t.PartitionOf != nil {
		return phasePartitions
	}
	return phaseCreateTables
}

// comparePartitionOf detaches and attaches a table that becomes or stops
// being a partition, or whose parent or bound changes (PostgreSQL cannot
// alter a bound: DETACH, then ATTACH with the new one). A table that stops
// being a partition is detached first, before its own columns change; one
// attached again is detached after its parent's columns change, which
// reach it that way.
func (d *differ) comparePartitionOf(s, t *schema.Table) {
	sp, tp := s.PartitionOf, t.PartitionOf
	if sp != nil && tp != nil && d.renamedTable(schema.ParseQName(sp.Parent, d.origTable(s.QName()).Schema)).String() == tp.Parent && sp.Bound == tp.Bound {
		return
	}
	if sp != nil {
		orig := d.origTable(s.QName())
		p, keeps := phaseColumnsAfterAlter, ""
		if tp == nil {
			p, keeps = phaseDropForeignKeys, "; it keeps, as its own, the copies of the parent's keys and indexes PostgreSQL made for it"
		}
		d.add(p, &Change{Kind: DetachPartition, Table: orig.QName(), TableDef: orig, Hazards: []Hazard{hazard(HazardPartitionDetach, Warning,
			"Detaching partition %s from %s: queries of the parent no longer see its rows%s.", orig.QName(), sp.Parent, keeps)}})
	}
	if tp != nil {
		d.add(phasePartitions, &Change{Kind: AttachPartition, Table: t.QName(), TableDef: t, Hazards: []Hazard{hazard(HazardPartitionAttach, Warning,
			"Attaching %s to %s scans it for rows outside the bound %s (and the parent's default partition for rows inside it) under locks; a row outside makes it fail.", t.QName(), tp.Parent, tp.Bound)}})
	}
}

// partitionColumns returns s and t as alterTable compares them when one
// of them is a partition and the other not: a table detached as it is then
// (schema.Detached: its parent's columns, and copies of its keys and
// indexes), a table attached with its parent's columns, which it must have
// before. Between two partitions nothing changes: the parent's changes
// reach them.
func (d *differ) partitionColumns(s, t *schema.Table) (*schema.Table, *schema.Table) {
	switch {
	case s.PartitionOf != nil && t.PartitionOf == nil:
		if parent := d.srcTables.Table(d.renamedTable(schema.ParseQName(s.PartitionOf.Parent, d.origTable(s.QName()).Schema))); parent != nil {
			return schema.Detached(s, parent), t
		}
	case t.PartitionOf != nil && s.PartitionOf == nil:
		c := *t
		if p := d.dstTables.Table(schema.ParseQName(t.PartitionOf.Parent, t.Schema)); p != nil {
			c.Columns = p.Columns
		}
		return s, &c
	}
	return s, t
}

// partitioned returns the partitioned tables of the target: an online plan
// leaves their changes as they are.
func (d *differ) partitioned() map[schema.QName]bool {
	m := map[schema.QName]bool{}
	for _, t := range d.dst.Tables {
		if t.PartitionBy != nil {
			m[t.QName()] = true
		}
	}
	return m
}

// concurrentIndexes reports whether the indexes of table (an existing one)
// are built and dropped without blocking writes (onlineIndexes), which
// PostgreSQL cannot do on a partitioned table ("cannot create index on
// partitioned table … concurrently").
func (d *differ) concurrentIndexes(table schema.QName) bool {
	if t := d.dstTables.Table(table); t != nil && t.PartitionBy != nil {
		return false
	}
	return d.onlineIndexes()
}
