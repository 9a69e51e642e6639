package diff

import (
	"slices"

	"github.com/schemadiff/schemadiff/schema"
)

// The kinds of change of PostgreSQL table options and enum comments.
const (
	// AlterTableOptions changes the options of Table from OldOptions to
	// Options: SET LOGGED/UNLOGGED, SET (…)/RESET (…) of storage parameters,
	// REPLICA IDENTITY.
	AlterTableOptions Kind = "alter_table_options"
	// CommentEnum sets the comment of Enum to Comment; OldComment is the previous one.
	CommentEnum Kind = "comment_enum"
)

// setTableOptions adds the AlterTableOptions that turns the options of s
// into those of t, in the last phase (a REPLICA IDENTITY index exists by
// then). created says t is created by the plan: changing its persistence
// then rewrites an empty table, which is no hazard.
func (d *differ) setTableOptions(s, t *schema.Table, created bool) {
	old, opts := s.TableOptions, t.TableOptions
	if equalTableOptions(old, opts) {
		return
	}
	c := &Change{Kind: AlterTableOptions, Table: t.QName(), Options: &opts, OldOptions: &old}
	if old.Unlogged != opts.Unlogged && !created {
		c.Hazards = append(c.Hazards, persistenceHazard(t.QName(), opts.Unlogged))
	}
	d.add(phaseComments, c)
}

// equalTableOptions reports whether two canonical table options are equal.
func equalTableOptions(a, b schema.TableOptions) bool {
	return a.Unlogged == b.Unlogged && slices.Equal(a.StorageParameters, b.StorageParameters) &&
		a.ReplicaIdentity == b.ReplicaIdentity && a.ReplicaIdentityIndex == b.ReplicaIdentityIndex
}

// persistenceHazard: SET LOGGED and SET UNLOGGED rewrite the table under an
// ACCESS EXCLUSIVE lock (ALTER TABLE: "This form changes the table from
// unlogged to logged or vice-versa … a table rewrite"); SET LOGGED also
// writes all of it to the WAL.
func persistenceHazard(t schema.QName, unlogged bool) Hazard {
	if unlogged {
		return hazard(HazardTableRewrite, Warning, "SET UNLOGGED rewrites table %s under an ACCESS EXCLUSIVE lock; an unlogged table is emptied after a crash and not replicated.", t)
	}
	return hazard(HazardTableRewrite, Warning, "SET LOGGED rewrites table %s under an ACCESS EXCLUSIVE lock and writes all of it to the WAL.", t)
}

// setColumnStorage adds, for a column the plan adds (or whose table it
// creates) with an explicit compression or storage, the AlterColumn that
// sets them: CREATE TABLE and ADD COLUMN of PostgreSQL 15 take no STORAGE.
func (d *differ) setColumnStorage(table schema.QName, c *schema.Column) {
	if c.Storage == "" && c.Compression == "" {
		return
	}
	old := *c
	old.Storage, old.Compression = "", ""
	d.add(phaseColumnsAfterAlter, &Change{Kind: AlterColumn, Table: table, Column: c, OldColumn: &old,
		Alter: ColumnAlter{Storage: c.Storage != "", Compression: c.Compression != ""}})
}

// commentEnum adds the CommentEnum that turns the comment of s (nil: none)
// into that of t.
func (d *differ) commentEnum(s, t *schema.Enum) {
	old := ""
	if s != nil {
		old = s.Comment
	}
	if old != t.Comment {
		d.add(phaseComments, &Change{Kind: CommentEnum, Enum: t, Comment: t.Comment, OldComment: old})
	}
}
