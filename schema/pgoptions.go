package schema

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TableOptions are the PostgreSQL settings of a table beyond its columns
// and constraints (CREATE TABLE, ALTER TABLE:
// https://www.postgresql.org/docs/15/sql-altertable.html). SQL Server has
// none of them: schema files that set one for SQL Server are refused.
type TableOptions struct {
	// Unlogged makes the table UNLOGGED (ALTER TABLE … SET UNLOGGED).
	Unlogged bool `json:"unlogged,omitempty"`
	// StorageParameters are the table's storage parameters as "name=value"
	// (ALTER TABLE … SET (name = value)), e.g. "fillfactor=70",
	// "autovacuum_enabled=false". Names are those of
	// https://www.postgresql.org/docs/15/sql-createtable.html#SQL-CREATETABLE-STORAGE-PARAMETERS
	// (pgStorageParameters). canonical: sorted by name; a boolean value is
	// "true" or "false", a number as strconv prints it.
	StorageParameters []string `json:"storage_parameters,omitempty"`
	// ReplicaIdentity is what logical replication writes of an updated or
	// deleted row (ALTER TABLE … REPLICA IDENTITY): "full", "nothing" or
	// "index" (the unique index ReplicaIdentityIndex names). canonical: ""
	// for DEFAULT (the primary key).
	ReplicaIdentity string `json:"replica_identity,omitempty"`
	// ReplicaIdentityIndex names the index of REPLICA IDENTITY USING INDEX
	// (an index of the table, or the index of a unique or primary key
	// constraint, which has the constraint's name). canonical: set only
	// when ReplicaIdentity is "index".
	ReplicaIdentityIndex string `json:"replica_identity_index,omitempty"`
}

// The values of Column.Compression, Column.Storage and
// TableOptions.ReplicaIdentity (besides "").
var (
	pgCompressions      = []string{"pglz", "lz4"}
	pgStorages          = []string{"plain", "external", "extended", "main"}
	pgReplicaIdentities = []string{"default", "full", "nothing", "index"}
)

// pgParamKind says what value a storage parameter takes.
type pgParamKind int

const (
	pgParamInt pgParamKind = iota
	pgParamReal
	pgParamBool
	pgParamEnum // vacuum_index_cleanup: auto, on, off
)

// pgStorageParameters are the table storage parameters of PostgreSQL 15
// (CREATE TABLE, "Storage Parameters"), with the kind of their value. The
// toast. variants apply to the table's TOAST table.
var pgStorageParameters = map[string]pgParamKind{
	"fillfactor": pgParamInt, "toast_tuple_target": pgParamInt, "parallel_workers": pgParamInt,
	"autovacuum_enabled": pgParamBool, "toast.autovacuum_enabled": pgParamBool,
	"vacuum_index_cleanup": pgParamEnum, "toast.vacuum_index_cleanup": pgParamEnum,
	"vacuum_truncate": pgParamBool, "toast.vacuum_truncate": pgParamBool,
	"autovacuum_vacuum_threshold": pgParamInt, "toast.autovacuum_vacuum_threshold": pgParamInt,
	"autovacuum_vacuum_scale_factor": pgParamReal, "toast.autovacuum_vacuum_scale_factor": pgParamReal,
	"autovacuum_vacuum_insert_threshold": pgParamInt, "toast.autovacuum_vacuum_insert_threshold": pgParamInt,
	"autovacuum_vacuum_insert_scale_factor": pgParamReal, "toast.autovacuum_vacuum_insert_scale_factor": pgParamReal,
	"autovacuum_analyze_threshold": pgParamInt, "autovacuum_analyze_scale_factor": pgParamReal,
	"autovacuum_vacuum_cost_delay": pgParamReal, "toast.autovacuum_vacuum_cost_delay": pgParamReal,
	"autovacuum_vacuum_cost_limit": pgParamInt, "toast.autovacuum_vacuum_cost_limit": pgParamInt,
	"autovacuum_freeze_min_age": pgParamInt, "toast.autovacuum_freeze_min_age": pgParamInt,
	"autovacuum_freeze_max_age": pgParamInt, "toast.autovacuum_freeze_max_age": pgParamInt,
	"autovacuum_freeze_table_age": pgParamInt, "toast.autovacuum_freeze_table_age": pgParamInt,
	"autovacuum_multixact_freeze_min_age": pgParamInt, "toast.autovacuum_multixact_freeze_min_age": pgParamInt,
	"autovacuum_multixact_freeze_max_age": pgParamInt, "toast.autovacuum_multixact_freeze_max_age": pgParamInt,
	"autovacuum_multixact_freeze_table_age": pgParamInt, "toast.autovacuum_multixact_freeze_table_age": pgParamInt,
	"log_autovacuum_min_duration": pgParamInt, "toast.log_autovacuum_min_duration": pgParamInt,
	"user_catalog_table": pgParamBool,
}

// CanonicalStorageParameter returns "name=value" in canonical form (see
// TableOptions.StorageParameters), or an error saying what is wrong with p.
func CanonicalStorageParameter(p string) (string, error) {
	name, value, ok := strings.Cut(p, "=")
	name, value = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value)
	if !ok || value == "" {
		return "", fmt.Errorf("storage parameter %q is not name=value (e.g. \"fillfactor=70\")", p)
	}
	kind, known := pgStorageParameters[name]
	if !known {
		return "", fmt.Errorf("unknown storage parameter %q (PostgreSQL 15 table storage parameters: fillfactor, autovacuum_*, toast.*, …)", name)
	}
	switch kind {
	case pgParamInt:
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return "", fmt.Errorf("storage parameter %s takes an integer, not %q", name, value)
		}
		value = strconv.FormatInt(n, 10)
	case pgParamReal:
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return "", fmt.Errorf("storage parameter %s takes a number, not %q", name, value)
		}
		value = strconv.FormatFloat(f, 'g', -1, 64)
	case pgParamBool:
		// PostgreSQL's parse_bool: true/false, on/off, yes/no, 1/0 and
		// unique prefixes of them; the usual spellings are enough here.
		switch strings.ToLower(value) {
		case "true", "on", "yes", "1":
			value = "true"
		case "false", "off", "no", "0":
			value = "false"
		default:
			return "", fmt.Errorf("storage parameter %s takes true or false, not %q", name, value)
		}
	case pgParamEnum:
		value = strings.ToLower(value)
		switch value {
		case "auto", "on", "off":
		case "true", "yes", "1":
			value = "on"
		case "false", "no", "0":
			value = "off"
		default:
			return "", fmt.Errorf("storage parameter %s takes auto, on or off, not %q", name, value)
		}
	}
	return name + "=" + value, nil
}

// StorageParameterName returns the name of a "name=value" parameter.
func StorageParameterName(p string) string {
	name, _, _ := strings.Cut(p, "=")
	return name
}

// pgTypeStorage holds pg_type.typstorage of the built-in types whose
// storage is not plain (PostgreSQL 15, SELECT typname, typstorage FROM
// pg_type WHERE typstorage <> 'p'): a column of any other built-in, enum or
// fixed-length type is stored plain.
var pgTypeStorage = map[string]string{
	"text": "extended", "character varying": "extended", "character": "extended", "bytea": "extended",
	"json": "extended", "jsonb": "extended", "xml": "extended", "tsvector": "extended", "tsquery": "plain",
	"bit varying": "extended", "bit": "extended", "citext": "extended", "hstore": "extended",
	"numeric": "main", "inet": "main", "cidr": "main",
	"path": "extended", "polygon": "extended", "int2vector": "plain", "oidvector": "plain",
	"pg_node_tree": "extended", "refcursor": "extended", "name": "plain", "jsonpath": "extended", "txid_snapshot": "extended", "pg_snapshot": "extended",
	"pg_brin_bloom_summary": "extended", "pg_brin_minmax_multi_summary": "extended", "pg_dependencies": "extended",
	"pg_mcv_list": "extended", "pg_ndistinct": "extended",
}

// TypeStorage returns the default storage mode (pg_type.typstorage) of a
// PostgreSQL column type in canonical spelling: arrays and the variable-length
// built-ins are "extended" (numeric, inet and cidr "main"), other built-in
// and enum types "plain".
func TypeStorage(typ string) string {
	if strings.HasSuffix(typ, "]") {
		return "extended"
	}
	base := typ
	if i := strings.IndexByte(base, '('); i >= 0 {
		base = strings.TrimSpace(base[:i]) + base[strings.IndexByte(base, ')')+1:]
	}
	if s, ok := pgTypeStorage[strings.TrimSpace(base)]; ok {
		return s
	}
	return "plain"
}

// loadTableOptions reads the table options of a table object.
func (l *loader) loadTableOptions(o object, t *Table) {
	var pos Pos
	t.Unlogged, pos, _ = o.boolean("unlogged")
	l.setPos(t, "unlogged", pos)
	var poss []Pos
	t.StorageParameters, poss, _ = o.strList("storage_parameters")
	for i, p := range poss {
		l.setPos(t, fmt.Sprintf("storage_parameters.%d", i), p)
	}
	if len(poss) > 0 {
		l.setPos(t, "storage_parameters", poss[0])
	}
	t.ReplicaIdentity, pos, _ = o.str("replica_identity")
	l.setPos(t, "replica_identity", pos)
	t.ReplicaIdentityIndex, pos, _ = o.str("replica_identity_index")
	l.setPos(t, "replica_identity_index", pos)
}

// loadColumnStorage reads compression and storage of a column object.
func (l *loader) loadColumnStorage(o object, c *Column) {
	var pos Pos
	c.Compression, pos, _ = o.str("compression")
	l.setPos(c, "compression", pos)
	c.Storage, pos, _ = o.str("storage")
	l.setPos(c, "storage", pos)
}

// validateTableOptions checks the table options and the columns'
// compression and storage: their values, and that the dialect is
// PostgreSQL.
func (l *loader) validateTableOptions(db *Database, t *Table, obj string) {
	pg := db.Dialect == Postgres
	set := func(key string, on bool) bool {
		if on && !pg {
			l.otherDialect(l.at(t, key, t.Pos), obj, key, Postgres)
		}
		return on && pg
	}
	set("unlogged", t.Unlogged)
	if set("storage_parameters", len(t.StorageParameters) > 0) {
		seen := map[string]bool{}
		for i, p := range t.StorageParameters {
			at := l.at(t, fmt.Sprintf("storage_parameters.%d", i), t.Pos)
			c, err := CanonicalStorageParameter(p)
			if err != nil {
				l.errorf(at, obj, `write "name=value" with a parameter of CREATE TABLE's WITH clause`, "%v", err)
				continue
			}
			if name := StorageParameterName(c); seen[name] {
				l.errorf(at, obj, "keep one of them", "storage parameter %s is given twice", name)
			} else {
				seen[name] = true
			}
		}
	}
	if set("replica_identity", t.ReplicaIdentity != "") {
		at := l.at(t, "replica_identity", t.Pos)
		ri := strings.ToLower(t.ReplicaIdentity)
		switch {
		case !slices.Contains(pgReplicaIdentities, ri):
			l.errorf(at, obj, `use "default", "full", "nothing" or "index" (with replica_identity_index)`, "invalid replica_identity %q", t.ReplicaIdentity)
		case ri == "index" && t.ReplicaIdentityIndex == "":
			l.errorf(at, obj, `add replica_identity_index = "<unique index or key name>"`, `replica_identity "index" needs replica_identity_index`)
		}
	}
	if set("replica_identity_index", t.ReplicaIdentityIndex != "") && !strings.EqualFold(t.ReplicaIdentity, "index") {
		l.errorf(l.at(t, "replica_identity_index", t.Pos), obj, `add replica_identity = "index", or remove replica_identity_index`,
			"replica_identity_index is set but replica_identity is not \"index\"")
	}
	for _, c := range t.Columns {
		cobj := obj + " column " + c.Name
		for _, a := range []struct {
			key, value string
			allowed    []string
		}{{"compression", c.Compression, pgCompressions}, {"storage", c.Storage, pgStorages}} {
			if a.value == "" {
				continue
			}
			at := l.at(c, a.key, c.Pos)
			if !pg {
				l.otherDialect(at, cobj, a.key, Postgres)
			} else if !slices.Contains(a.allowed, strings.ToLower(a.value)) {
				l.errorf(at, cobj, "use one of "+strings.Join(a.allowed, ", "), "invalid %s %q", a.key, a.value)
			}
		}
	}
}

// normalizeTableOptions brings t's options and its columns' compression
// and storage to canonical form (see the fields). Values were validated.
func normalizeTableOptions(t *Table) {
	var params []string
	for _, p := range t.StorageParameters {
		if c, err := CanonicalStorageParameter(p); err == nil {
			params = append(params, c)
		} else {
			params = append(params, p)
		}
	}
	slices.SortFunc(params, func(a, b string) int { return strings.Compare(StorageParameterName(a), StorageParameterName(b)) })
	t.StorageParameters = params
	t.ReplicaIdentity = strings.ToLower(t.ReplicaIdentity)
	if t.ReplicaIdentity == "default" {
		t.ReplicaIdentity = ""
	}
	if t.ReplicaIdentity != "index" {
		t.ReplicaIdentityIndex = ""
	}
	for _, c := range t.Columns {
		c.Compression = strings.ToLower(c.Compression)
		c.Storage = strings.ToLower(c.Storage)
		if c.Storage != "" && c.Storage == TypeStorage(c.Type) {
			c.Storage = ""
		}
	}
}

// replicaIdentityIndexes checks, once every index and key has its name,
// that the index of each REPLICA IDENTITY USING INDEX is a unique index of
// the table or its primary key or a unique constraint (PostgreSQL refuses
// any other: "… is not a unique index"; ALTER TABLE … REPLICA IDENTITY).
func (n *normalizer) replicaIdentityIndexes() {
	for _, t := range n.db.Tables {
		name := t.ReplicaIdentityIndex
		if t.ReplicaIdentity != "index" || name == "" {
			continue
		}
		ok := t.PrimaryKey != nil && t.PrimaryKey.Name == name ||
			slices.ContainsFunc(t.Uniques, func(u *Unique) bool { return u.Name == name }) ||
			slices.ContainsFunc(t.Indexes, func(x *Index) bool { return x.Name == name && x.Unique && x.Where == "" })
		if !ok {
			n.errorf(t.Pos, "table "+t.QName().String(), "name a unique index without where, a unique constraint or the primary key of the table",
				"replica_identity_index %s is no unique index or key of the table", name)
		}
	}
}
