package schema

import (
	"fmt"
	"slices"
	"strings"
)

// validateSQLServerAttrs checks the SQL Server-only attributes of a table's
// keys, constraints and indexes: on PostgreSQL each is refused; on SQL Server
// each is checked against what CREATE INDEX / ALTER TABLE accept.
func (l *loader) validateSQLServerAttrs(db *Database, t *Table, obj string) {
	if pk := t.PrimaryKey; pk != nil {
		l.keyDescValid(db, pk, pk.Columns, pk.Desc, pk.Pos, obj+" primary key")
	}
	for _, u := range t.Uniques {
		l.keyDescValid(db, u, u.Columns, u.Desc, u.Pos, named(obj+" unique", u.Name))
	}
	for _, fk := range t.ForeignKeys {
		l.constraintStateValid(db, fk, fk.ConstraintState, fk.Pos, named(obj+" foreign key", fk.Name))
	}
	for _, ck := range t.Checks {
		l.constraintStateValid(db, ck, ck.ConstraintState, ck.Pos, named(obj+" check", ck.Name))
	}
	for _, c := range t.Columns {
		if c.Identity != nil && c.Identity.NotForReplication && db.Dialect == Postgres {
			l.otherDialect(l.at(c, "identity.not_for_replication", c.Pos), obj+" column "+c.Name, "identity not_for_replication", SQLServer)
		}
	}
	for _, ix := range t.Indexes {
		l.indexOptionsValid(db, ix, named(obj+" index", ix.Name))
	}
}

// keyDescValid checks the desc list of a primary key or unique constraint:
// SQL Server only, and each a key column.
func (l *loader) keyDescValid(db *Database, owner any, cols, desc []string, fallback Pos, obj string) {
	for i, d := range desc {
		at := l.at(owner, fmt.Sprintf("desc.%d", i), fallback)
		if db.Dialect == Postgres {
			l.otherDialect(at, obj, "desc", SQLServer)
			return
		}
		if !slices.Contains(cols, d) {
			l.errorf(at, obj, "list in desc only columns that columns lists", "desc names %q, which is not a key column", d)
		}
	}
}

// msOption is a SQL Server attribute of an object, and whether a file sets it.
type msOption struct {
	key string
	set bool
}

// refuseOnPostgres reports every option that is set as a SQL Server option.
func (l *loader) refuseOnPostgres(owner any, fallback Pos, obj string, opts ...msOption) {
	for _, o := range opts {
		if o.set {
			l.otherDialect(l.at(owner, o.key, fallback), obj, o.key, SQLServer)
		}
	}
}

// constraintStateValid refuses nocheck, disabled and not_for_replication on PostgreSQL.
func (l *loader) constraintStateValid(db *Database, owner any, s ConstraintState, fallback Pos, obj string) {
	if db.Dialect == Postgres {
		l.refuseOnPostgres(owner, fallback, obj,
			msOption{"nocheck", s.NoCheck}, msOption{"disabled", s.Disabled}, msOption{"not_for_replication", s.NotForReplication})
	}
}

// indexOptionsValid checks columnstore, fill_factor, pad_index,
// ignore_dup_key and data_compression (CREATE INDEX and CREATE COLUMNSTORE
// INDEX on Microsoft Learn: FILLFACTOR is 1 to 100, IGNORE_DUP_KEY applies to
// unique indexes, a columnstore index takes neither, nor DESC or INCLUDE;
// a clustered columnstore index holds every column of the table).
func (l *loader) indexOptionsValid(db *Database, ix *Index, obj string) {
	at := func(key string) Pos { return l.at(ix, key, ix.Pos) }
	if db.Dialect == Postgres {
		l.refuseOnPostgres(ix, ix.Pos, obj, msOption{"columnstore", ix.Columnstore}, msOption{"fill_factor", ix.FillFactor != 0},
			msOption{"pad_index", ix.PadIndex}, msOption{"ignore_dup_key", ix.IgnoreDupKey}, msOption{"data_compression", ix.DataCompression != ""})
		return
	}
	if ix.FillFactor < 0 || ix.FillFactor > 100 {
		l.errorf(at("fill_factor"), obj, "use a percentage from 1 to 100", "fill_factor %d is out of range", ix.FillFactor)
	}
	if ix.IgnoreDupKey && !ix.Unique {
		l.errorf(at("ignore_dup_key"), obj, "make the index unique = true, or remove ignore_dup_key",
			"ignore_dup_key applies only to a unique index")
	}
	valid := []string{"NONE", "ROW", "PAGE"}
	if ix.Columnstore {
		valid = []string{"COLUMNSTORE", "COLUMNSTORE_ARCHIVE"}
	}
	if c := ix.DataCompression; c != "" && !slices.Contains(valid, strings.ToUpper(c)) {
		l.errorf(at("data_compression"), obj, "use one of "+strings.Join(valid, ", "), "invalid data_compression %q for this index", c)
	}
	if !ix.Columnstore {
		return
	}
	switch {
	case ix.Unique:
		l.errorf(at("columnstore"), obj, "remove unique", "a columnstore index cannot be unique")
	case len(ix.Include) > 0:
		l.errorf(at("include"), obj, "list the columns in columns", "a columnstore index has no INCLUDE columns")
	case ix.FillFactor != 0 || ix.PadIndex:
		l.errorf(at("columnstore"), obj, "remove fill_factor and pad_index", "a columnstore index takes no fill_factor or pad_index")
	case ix.Clustered != nil && *ix.Clustered && (len(ix.Parts) > 0 || ix.Where != ""):
		l.errorf(at("columnstore"), obj, "remove columns and where: a clustered columnstore index holds every row and column",
			"a clustered columnstore index takes no columns and no filter")
	case (ix.Clustered == nil || !*ix.Clustered) && len(ix.Parts) == 0:
		l.errorf(at("columnstore"), obj, `add columns = ["..."]`, "a nonclustered columnstore index needs columns")
	}
	for _, p := range ix.Parts {
		if p.Desc {
			l.errorf(at("columnstore"), obj, "remove desc", "a columnstore index has no sort order")
			break
		}
	}
}
