package introspect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/microsoft/go-mssqldb/msdsn"

	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/schema"
)

// SQL Server introspection reads the catalog views (sys.tables, sys.columns,
// sys.indexes, ...) with the fixed set of queries in sqlserver_queries.go, all
// in one transaction, whatever the number of tables.
//
// What it reads: user tables (not is_ms_shipped, not in sys or
// INFORMATION_SCHEMA, not the tables SSMS's diagram tools add), their columns
// (base type of alias types, lengths in characters, identity, computed,
// DEFAULT constraints, collation when not the database's, MS_Description
// comments, IDENTITY NOT FOR REPLICATION), PRIMARY KEY and UNIQUE
// constraints (DESC keys), clustered and nonclustered rowstore and
// columnstore indexes (unique, filtered, DESC keys, INCLUDE columns,
// FILLFACTOR, PAD_INDEX, IGNORE_DUP_KEY, DATA_COMPRESSION), foreign keys and
// CHECK constraints (disabled, not trusted, NOT FOR REPLICATION); views,
// functions, procedures, DML triggers and sequences (sqlserver_objects.go).
//
// What it leaves out, as the model cannot hold it, each with a warning in
// Database.Warnings naming the object: XML, spatial and memory-optimized
// hash indexes; index options of PRIMARY KEY and UNIQUE constraints;
// columns of CLR user-defined types (whose base type name reads NULL; the
// system CLR types hierarchyid, geometry and geography are read by name);
// and the objects of kinds it does not model, and the unmanaged objects that
// depend on tables and columns (Database.Dependents): sqlserver_unmodelled.go.
// Left out silently: heaps' absence of a clustered index is simply no
// index; alias (user-defined) types are read as their base type; sparse
// columns, partitioning, the order of an ordered clustered columnstore
// index (SQL Server 2022) and the compression of partitions after the
// first are not read.
//
// Names SQL Server generated for constraints created without one
// (is_system_named, e.g. PK__users__3213E83F0A9D95DB, DF__users__status__4AB81AF0)
// are kept in the SystemName / DefaultSystemName fields with the name left
// empty, so that Normalize gives them the same convention name as an unnamed
// constraint of a schema file, and they match by definition.

// sqlServer inspects a SQL Server database through database/sql.
type sqlServer struct {
	db  *sql.DB
	url string // for redacting errors; "" when the *sql.DB came from elsewhere
}

// defaultConnectTimeout bounds connecting and logging in, for both dialects,
// when the URL does not set its own (SQL Server: "dial timeout", in seconds;
// PostgreSQL: connect_timeout).
const defaultConnectTimeout = 10 * time.Second

// openSQLServer connects to a sqlserver:// URL with github.com/microsoft/go-mssqldb.
// Connecting and logging in must finish within the URL's "dial timeout"
// (seconds; default defaultConnectTimeout).
func openSQLServer(ctx context.Context, rawURL string) (Inspector, error) {
	dsn := withDialTimeout(rawURL)
	cfg, err := msdsn.Parse(dsn)
	if err != nil {
		return nil, redact.Error(fmt.Errorf("introspect: invalid SQL Server URL %s: %w", rawURL, err), rawURL)
	}
	connector := mssql.NewConnectorConfig(cfg)
	connector.Dialer = loginDeadline{net.Dialer{KeepAlive: 30 * time.Second}}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
			return nil, redact.Error(fmt.Errorf("introspect: SQL Server at %s did not answer within %s: check the host and port point at a SQL Server (raise the limit with \"dial timeout=SECONDS\" in the URL)", redact.URL(rawURL), cfg.DialTimeout), rawURL)
		}
		return nil, redact.Error(fmt.Errorf("introspect: cannot connect to SQL Server at %s: check the host, port, user, password and database in the URL (sqlserver://user:password@host:1433?database=name) and that the server accepts TCP connections: %w", redact.URL(rawURL), redact.OneLine(err)), rawURL)
	}
	return &sqlServer{db: db, url: rawURL}, nil
}

// withDialTimeout adds "dial timeout" to a sqlserver:// URL that does not set it.
func withDialTimeout(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL // msdsn.Parse reports it
	}
	q := u.Query()
	for k := range q {
		if strings.EqualFold(k, "dial timeout") {
			return rawURL
		}
	}
	q.Set("dial timeout", strconv.Itoa(int(defaultConnectTimeout/time.Second)))
	u.RawQuery = q.Encode()
	return u.String()
}

// loginDeadline dials TCP and holds the connection to the dial context's
// deadline until that context ends. go-mssqldb dials with a context that
// carries the dial timeout and lives through PRELOGIN and LOGIN7 (it is
// cancelled when the login returns), but it does not watch that context
// after the dial: without this, a server that accepts TCP and never answers
// hangs the login.
type loginDeadline struct{ d net.Dialer }

// DialContext dials addr; the connection's deadline is ctx's until ctx is
// cancelled (the login finished), and stays when ctx's deadline passed.
func (l loginDeadline) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := l.d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if deadline, ok := ctx.Deadline(); ok {
		if err := c.SetDeadline(deadline); err != nil {
			c.Close()
			return nil, err
		}
		context.AfterFunc(ctx, func() {
			if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
				c.SetDeadline(time.Time{}) //nolint:errcheck // a closed connection fails its next read anyway
			}
		})
	}
	return c, nil
}

// Dialect returns schema.SQLServer.
func (s *sqlServer) Dialect() schema.Dialect { return schema.SQLServer }

// Close closes the connection pool.
func (s *sqlServer) Close() error { return s.db.Close() }

// Inspect reads the database and returns it normalized.
//
// The catalog is read in one transaction, SNAPSHOT when the database allows
// it (ALLOW_SNAPSHOT_ISOLATION ON: one consistent view without locks) and
// READ COMMITTED otherwise. It is not asked to be read-only: go-mssqldb
// refuses read-only transactions; the queries only SELECT and the
// transaction is always rolled back. A user who wants read-only intent
// says so in the URL (ApplicationIntent=ReadOnly).
func (s *sqlServer) Inspect(ctx context.Context, opts Options) (*schema.Database, error) {
	db, err := s.inspect(ctx, opts)
	if err != nil {
		if s.url != "" {
			err = redact.Error(err, s.url)
		}
		return nil, err
	}
	norm, err := schema.NormalizeOwned(db)
	if err != nil {
		return nil, fmt.Errorf("introspect: normalizing the schema read from SQL Server: %w", err)
	}
	return norm, nil
}

func (s *sqlServer) inspect(ctx context.Context, opts Options) (*schema.Database, error) {
	level := sql.LevelReadCommitted
	err := query(ctx, s.db, msSnapshotQuery, func(r *sql.Rows) error {
		var state sql.NullString
		if err := r.Scan(&state); err != nil {
			return err
		}
		if state.String == "ON" {
			level = sql.LevelSnapshot
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: level})
	if err != nil {
		return nil, fmt.Errorf("introspect: beginning a %s transaction: %w", level, err)
	}
	defer tx.Rollback() //nolint:errcheck // nothing was written
	c := &msCatalog{
		tx:      tx,
		db:      &schema.Database{Dialect: schema.SQLServer},
		tables:  map[int64]*schema.Table{},
		indexes: map[[2]int64]*msIndex{},
		fks:     map[int64]*schema.ForeignKey{},

		views:     map[int64]*schema.View{},
		functions: map[int64]*schema.Function{},
		modules:   map[string]bool{},
	}
	steps := []func(context.Context, Options) error{
		c.readSchemas, c.readTables, c.readColumns, c.readIndexes, c.readIndexColumns,
		c.readForeignKeys, c.readForeignKeyColumns, c.readChecks,
		c.readViews, c.readRoutines, c.readTriggers, c.readSequences, c.readModuleDependencies,
		c.readUnmodelled, c.readDependents,
	}
	for _, step := range steps {
		if err := step(ctx, opts); err != nil {
			return nil, err
		}
	}
	c.placeIndexes()
	return c.db, nil
}

// msCatalog gathers the rows of the catalog queries into a schema.Database.
type msCatalog struct {
	tx        *sql.Tx
	db        *schema.Database
	collation string                       // the database's default collation
	tables    map[int64]*schema.Table      // by object_id: the tables being read
	indexes   map[[2]int64]*msIndex        // by (object_id, index_id)
	order     [][2]int64                   // index keys in query order
	fks       map[int64]*schema.ForeignKey // by constraint object_id

	views     map[int64]*schema.View     // by object_id: the views read
	functions map[int64]*schema.Function // by object_id: the functions and procedures read
	// modules names the views, functions, procedures, triggers and
	// sequences read into the model, as the dependents query names them:
	// they are no unmanaged dependents.
	modules map[string]bool
}

// msIndex is one row of sys.indexes, its key and included columns.
type msIndex struct {
	table      *schema.Table
	name       string
	clustered  bool
	unique     bool
	primaryKey bool
	uniqueKey  bool // backs a UNIQUE constraint
	systemName bool // the backing constraint's name was generated
	where      string
	parts      []schema.IndexPart
	include    []string

	columnstore  bool
	fillFactor   int64
	padded       bool
	ignoreDupKey bool
	compression  string // data_compression_desc, e.g. NONE, PAGE, COLUMNSTORE
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// query runs one named catalog query and calls scan for every row; errors
// name the query.
func query(ctx context.Context, q querier, text string, scan func(*sql.Rows) error) error {
	first, _, _ := strings.Cut(text, "\n")
	name := strings.TrimPrefix(first, "-- schemadiff:")
	rows, err := q.QueryContext(ctx, text)
	if err != nil {
		return fmt.Errorf("introspect: reading %s: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("introspect: reading %s: %w", name, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("introspect: reading %s: %w", name, err)
	}
	return nil
}

// query runs a catalog query in the catalog's transaction.
func (c *msCatalog) query(ctx context.Context, text string, scan func(*sql.Rows) error) error {
	return query(ctx, c.tx, text, scan)
}

// warn records something read that the model cannot hold.
func (c *msCatalog) warn(object, format string, args ...any) {
	c.db.Warnings = append(c.db.Warnings, schema.Warning{Object: object, Message: fmt.Sprintf(format, args...)})
}

// readSchemas reads the database collation, then dbo and the user-created
// schemas (not the fixed role schemas), keeping those opts selects.
func (c *msCatalog) readSchemas(ctx context.Context, opts Options) error {
	if err := c.query(ctx, msDatabaseQuery, func(r *sql.Rows) error { return r.Scan(&c.collation) }); err != nil {
		return err
	}
	err := c.query(ctx, msSchemasQuery, func(r *sql.Rows) error {
		var name string
		if err := r.Scan(&name); err != nil {
			return err
		}
		if selected(opts, name) {
			c.db.Schemas = append(c.db.Schemas, &schema.Schema{Name: name})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range opts.Schemas {
		if c.db.Schema(name) == nil {
			return fmt.Errorf("introspect: schema %q does not exist in the database", name)
		}
	}
	return nil
}

// selected reports whether opts asks for the schema called name.
func selected(opts Options, name string) bool {
	if len(opts.Schemas) == 0 {
		return true
	}
	for _, s := range opts.Schemas {
		if s == name {
			return true
		}
	}
	return false
}

func (c *msCatalog) readTables(ctx context.Context, opts Options) error {
	return c.query(ctx, msTablesQuery, func(r *sql.Rows) error {
		var id int64
		var t schema.Table
		var comment sql.NullString
		if err := r.Scan(&id, &t.Schema, &t.Name, &comment); err != nil {
			return err
		}
		if c.db.Schema(t.Schema) == nil {
			return nil
		}
		if skip, err := opts.excluded(t.Schema, t.Name); err != nil || skip {
			return err
		}
		t.Comment = comment.String
		c.tables[id] = &t
		c.db.Tables = append(c.db.Tables, &t)
		return nil
	})
}

func (c *msCatalog) readColumns(ctx context.Context, _ Options) error {
	return c.query(ctx, msColumnsQuery, func(r *sql.Rows) error {
		var (
			id, maxLength, precision, scale  int64
			name                             string
			typeName                         sql.NullString
			nullable, isIdentity, isComputed bool
			collation, computedDef, comment  sql.NullString
			defName, defDef                  sql.NullString
			seed, increment                  sql.NullInt64
			persisted, defSystemNamed        sql.NullBool
			notForReplication                sql.NullBool
		)
		if err := r.Scan(&id, &name, &typeName, &maxLength, &precision, &scale, &nullable, &collation,
			&isIdentity, &seed, &increment, &notForReplication, &isComputed, &computedDef, &persisted,
			&defName, &defDef, &defSystemNamed, &comment); err != nil {
			return err
		}
		t := c.tables[id]
		if t == nil {
			return nil
		}
		if !typeName.Valid {
			c.warn(t.QName().String()+"."+name, "column of a CLR user-defined type (its type has no base type name): left out of the schema, so changes to it are not planned")
			return nil
		}
		col := &schema.Column{
			Name:    name,
			Type:    sqlServerType(typeName.String, maxLength, precision, scale),
			Null:    nullable,
			Comment: comment.String,
		}
		if collation.Valid && collation.String != c.collation {
			col.Collation = collation.String
		}
		if isIdentity {
			col.Identity = &schema.Identity{Seed: seed.Int64, Increment: increment.Int64, NotForReplication: notForReplication.Bool}
		}
		if isComputed {
			col.Computed = &schema.Computed{Expr: computedDef.String, Persisted: persisted.Bool}
		}
		if defDef.Valid {
			col.Default = &schema.Default{Kind: schema.DefaultExpr, Value: defDef.String}
			if defSystemNamed.Bool {
				col.DefaultSystemName = defName.String
			} else {
				col.DefaultName = defName.String
			}
		}
		t.Columns = append(t.Columns, col)
		return nil
	})
}

// sqlServerType spells a column type from sys.types and sys.columns: lengths
// in characters (max_length is in bytes, two per nchar/nvarchar character;
// -1 is max), precision and scale where the type takes them, and the default
// fractional-seconds scale 7 of datetime2/time/datetimeoffset left out;
// timestamp, the name sys.types keeps for rowversion ("timestamp is the
// synonym for the rowversion data type", Microsoft Learn: rowversion), read
// as rowversion.
func sqlServerType(name string, maxLength, precision, scale int64) string {
	length := func(bytesPerChar int64) string {
		if maxLength == -1 {
			return name + "(max)"
		}
		return name + "(" + strconv.FormatInt(maxLength/bytesPerChar, 10) + ")"
	}
	switch name {
	case "nvarchar", "nchar":
		return length(2)
	case "varchar", "char", "varbinary", "binary":
		return length(1)
	case "decimal", "numeric":
		return fmt.Sprintf("%s(%d,%d)", name, precision, scale)
	case "timestamp":
		return "rowversion"
	case "datetime2", "time", "datetimeoffset":
		if scale == 7 {
			return name
		}
		return fmt.Sprintf("%s(%d)", name, scale)
	}
	return name
}

func (c *msCatalog) readIndexes(ctx context.Context, _ Options) error {
	return c.query(ctx, msIndexesQuery, func(r *sql.Rows) error {
		var (
			id, indexID, typ               int64
			typeDesc                       string
			ix                             msIndex
			filter, compression            sql.NullString
			systemNamed, padded, ignoreDup sql.NullBool
		)
		if err := r.Scan(&id, &indexID, &ix.name, &typ, &typeDesc, &ix.unique, &ix.primaryKey, &ix.uniqueKey,
			&filter, &systemNamed, &ix.fillFactor, &padded, &ignoreDup, &compression); err != nil {
			return err
		}
		if ix.table = c.tables[id]; ix.table == nil {
			return nil
		}
		switch typ {
		case 1, 2: // CLUSTERED, NONCLUSTERED
		case 5, 6: // CLUSTERED COLUMNSTORE, NONCLUSTERED COLUMNSTORE
			ix.columnstore = true
		default:
			c.warn(ix.table.QName().String()+"."+ix.name, "%s index: not read (the model holds rowstore and columnstore indexes), so it is neither compared nor dropped", typeDesc)
			return nil
		}
		ix.clustered = typ == 1 || typ == 5
		ix.padded, ix.ignoreDupKey, ix.compression = padded.Bool, ignoreDup.Bool, compression.String
		ix.where = filter.String
		ix.systemName = systemNamed.Bool
		key := [2]int64{id, indexID}
		c.indexes[key] = &ix
		c.order = append(c.order, key)
		return nil
	})
}

func (c *msCatalog) readIndexColumns(ctx context.Context, _ Options) error {
	return c.query(ctx, msIndexColumnsQuery, func(r *sql.Rows) error {
		var (
			id, indexID, keyOrdinal int64
			column                  string
			desc, included          bool
		)
		if err := r.Scan(&id, &indexID, &column, &keyOrdinal, &desc, &included); err != nil {
			return err
		}
		ix := c.indexes[[2]int64{id, indexID}]
		switch {
		case ix == nil:
		case ix.columnstore: // every column is "included"; a clustered one holds them all
			if !ix.clustered {
				ix.parts = append(ix.parts, schema.IndexPart{Column: column})
			}
		case included:
			ix.include = append(ix.include, column)
		case keyOrdinal > 0: // key_ordinal 0: a partitioning column, not a key
			ix.parts = append(ix.parts, schema.IndexPart{Column: column, Desc: desc})
		}
		return nil
	})
}

// placeIndexes turns the indexes read into primary keys, unique constraints
// and indexes of their tables.
func (c *msCatalog) placeIndexes() {
	for _, key := range c.order {
		ix := c.indexes[key]
		clustered := ix.clustered
		name, systemName := ix.name, ""
		if ix.systemName {
			name, systemName = "", ix.name
		}
		if ix.primaryKey || ix.uniqueKey {
			c.warnKeyOptions(ix)
		}
		switch {
		case ix.primaryKey:
			ix.table.PrimaryKey = &schema.PrimaryKey{Name: name, SystemName: systemName, Columns: partColumns(ix.parts), Desc: descColumns(ix.parts), Clustered: &clustered}
		case ix.uniqueKey:
			ix.table.Uniques = append(ix.table.Uniques, &schema.Unique{Name: name, SystemName: systemName, Columns: partColumns(ix.parts), Desc: descColumns(ix.parts), Clustered: &clustered})
		default:
			ix.table.Indexes = append(ix.table.Indexes, &schema.Index{
				Name: ix.name, Unique: ix.unique, Parts: ix.parts, Include: ix.include, Where: ix.where, Clustered: &clustered,
				Columnstore: ix.columnstore, FillFactor: ix.fillFactor, PadIndex: ix.padded, IgnoreDupKey: ix.ignoreDupKey,
				DataCompression: ix.compression,
			})
		}
	}
}

// warnKeyOptions warns about the index options of a PRIMARY KEY or UNIQUE
// constraint, which the model holds on indexes only.
func (c *msCatalog) warnKeyOptions(ix *msIndex) {
	var set []string
	if ix.fillFactor != 0 && ix.fillFactor != 100 {
		set = append(set, fmt.Sprintf("FILLFACTOR = %d", ix.fillFactor))
	}
	if ix.padded {
		set = append(set, "PAD_INDEX = ON")
	}
	if ix.ignoreDupKey {
		set = append(set, "IGNORE_DUP_KEY = ON")
	}
	if ix.compression != "" && ix.compression != "NONE" {
		set = append(set, "DATA_COMPRESSION = "+ix.compression)
	}
	if len(set) > 0 {
		c.warn(ix.table.QName().String()+"."+ix.name, "constraint index options %s: not read (the model holds index options on indexes only), so they are neither compared nor kept when the constraint is recreated", strings.Join(set, ", "))
	}
}

// descColumns returns the columns of the DESC key parts, in key order.
func descColumns(parts []schema.IndexPart) []string {
	var out []string
	for _, p := range parts {
		if p.Desc {
			out = append(out, p.Column)
		}
	}
	return out
}

func partColumns(parts []schema.IndexPart) []string {
	cols := make([]string, len(parts))
	for i, p := range parts {
		cols[i] = p.Column
	}
	return cols
}

// referentialAction maps sys.foreign_keys' *_referential_action_desc to the model.
func referentialAction(desc string) (string, bool) {
	switch desc {
	case "NO_ACTION", "CASCADE", "SET_NULL", "SET_DEFAULT":
		return strings.ReplaceAll(desc, "_", " "), true
	}
	return "", false
}

func (c *msCatalog) readForeignKeys(ctx context.Context, _ Options) error {
	return c.query(ctx, msForeignKeysQuery, func(r *sql.Rows) error {
		var (
			id, tableID              int64
			name, onDelete, onUpdate string
			systemNamed              bool
			fk                       schema.ForeignKey
		)
		if err := r.Scan(&id, &tableID, &name, &systemNamed, &fk.RefSchema, &fk.RefTable, &onDelete, &onUpdate,
			&fk.Disabled, &fk.NoCheck, &fk.NotForReplication); err != nil {
			return err
		}
		t := c.tables[tableID]
		if t == nil {
			return nil
		}
		var ok bool
		if fk.OnDelete, ok = referentialAction(onDelete); !ok {
			return fmt.Errorf("foreign key %s on %s: unknown delete action %q", name, t.QName(), onDelete)
		}
		if fk.OnUpdate, ok = referentialAction(onUpdate); !ok {
			return fmt.Errorf("foreign key %s on %s: unknown update action %q", name, t.QName(), onUpdate)
		}
		if systemNamed {
			fk.SystemName = name
		} else {
			fk.Name = name
		}
		c.fks[id] = &fk
		t.ForeignKeys = append(t.ForeignKeys, &fk)
		return nil
	})
}

func (c *msCatalog) readForeignKeyColumns(ctx context.Context, _ Options) error {
	return c.query(ctx, msForeignKeyColumnsQuery, func(r *sql.Rows) error {
		var id int64
		var column, refColumn string
		if err := r.Scan(&id, &column, &refColumn); err != nil {
			return err
		}
		if fk := c.fks[id]; fk != nil {
			fk.Columns = append(fk.Columns, column)
			fk.RefColumns = append(fk.RefColumns, refColumn)
		}
		return nil
	})
}

func (c *msCatalog) readChecks(ctx context.Context, _ Options) error {
	return c.query(ctx, msChecksQuery, func(r *sql.Rows) error {
		var (
			tableID     int64
			name, def   string
			systemNamed bool
			state       schema.ConstraintState
		)
		if err := r.Scan(&tableID, &name, &def, &systemNamed, &state.Disabled, &state.NoCheck, &state.NotForReplication); err != nil {
			return err
		}
		t := c.tables[tableID]
		if t == nil {
			return nil
		}
		ck := &schema.Check{Name: name, Expr: def, ConstraintState: state}
		if systemNamed {
			ck.Name, ck.SystemName = "", name
		}
		t.Checks = append(t.Checks, ck)
		return nil
	})
}
