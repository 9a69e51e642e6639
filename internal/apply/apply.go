// Package apply takes a live database to a desired schema directly, without
// migration files: it reads the database and plans the changes (Plan), gates
// the error-level hazards (CheckHazards), runs the statements under a lock
// timeout, in transactions wherever they allow one (Execute), and is then
// used to read the database again, proving it equals the desired schema.
//
// Statements run over database/sql: PostgreSQL through pgx's stdlib driver,
// SQL Server through go-mssqldb, so that both dialects share one execution
// path (transactions, lock timeout, cancellation).
package apply

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	mssql "github.com/microsoft/go-mssqldb"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/internal/source"
	"github.com/schemadiff/schemadiff/introspect"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

// Target is the database to apply to and the part of it schemadiff manages.
type Target struct {
	// URL is the database (postgres://, postgresql:// or sqlserver://).
	URL string
	// Schemas are the database schemas (namespaces) managed; empty: all user schemas.
	Schemas []string
	// Exclude holds glob patterns of tables left alone, as name or
	// schema.name; the migration tools' own tables are always left alone.
	Exclude []string
	// AllowDropAll lets a desired schema that declares no tables drop every
	// table of the database (diff.CheckDropAll).
	AllowDropAll bool
	// Warn and Strict are source.Options': where the warnings of the
	// database read go (nil: nowhere), and whether they are an error instead.
	Warn   io.Writer
	Strict bool
}

// Plan reads the database t names and returns the plan that takes it to
// want. An object of want that t leaves out (a schema not among t.Schemas, a
// table t.Exclude matches) is an error naming it: applying it could never be
// verified by reading the database back.
func Plan(ctx context.Context, t Target, want *schema.Database, opts diff.Options) (*diff.Plan, error) {
	if err := checkScope(t, want); err != nil {
		return nil, err
	}
	live, err := inspect(ctx, t)
	if err != nil {
		return nil, err
	}
	if live.Dialect != want.Dialect {
		return nil, fmt.Errorf("%s is a %s database but the desired schema is %s", redact.URL(t.URL), live.Dialect, want.Dialect)
	}
	if !t.AllowDropAll {
		if err := diff.CheckDropAll(live, want); err != nil {
			return nil, err
		}
	}
	return diff.Compare(live, want, opts)
}

// inspect reads the part of the database t manages. Managed schemas that do
// not exist yet (the plan creates them) are not asked for, as introspection
// refuses a missing schema; when none exists, that part is empty.
func inspect(ctx context.Context, t Target) (*schema.Database, error) {
	opts := source.Options{Schemas: t.Schemas, Exclude: t.Exclude, Warn: t.Warn, Strict: t.Strict}
	if len(t.Schemas) > 0 {
		have, err := existingSchemas(ctx, t.URL)
		if err != nil {
			return nil, err
		}
		opts.Schemas = slices.DeleteFunc(slices.Clone(t.Schemas), func(s string) bool { return !slices.Contains(have, s) })
		if len(opts.Schemas) == 0 {
			return &schema.Database{Dialect: source.Dialect(t.URL)}, nil
		}
	}
	return source.Load(ctx, t.URL, opts)
}

// existingSchemas lists the schemas (namespaces) of the database at url.
func existingSchemas(ctx context.Context, url string) ([]string, error) {
	s, err := open(ctx, url)
	if err != nil {
		return nil, err
	}
	defer s.close()
	rows, err := s.conn.QueryContext(ctx, s.driver.schemasQuery)
	if err != nil {
		return nil, redact.Error(fmt.Errorf("list the schemas of %s: %w", redact.URL(url), err), url)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("list the schemas: %w", err)
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// checkScope returns an error naming the first object of want that reading
// t leaves out.
func checkScope(t Target, want *schema.Database) error {
	in := introspect.Options{Schemas: t.Schemas, Exclude: append(migrate.ToolTables(), t.Exclude...)}
	managed := func(schemaName string) bool { return len(t.Schemas) == 0 || slices.Contains(t.Schemas, schemaName) }
	// outside names object (of database schema schemaName) and why it is outside.
	outside := func(object, schemaName string, pos schema.Pos) error {
		at := ""
		if !pos.IsZero() {
			at = pos.String() + ": "
		}
		why := fmt.Sprintf("its schema is not among the managed schemas (--schema %s): add --schema %s", strings.Join(t.Schemas, " --schema "), schemaName)
		if managed(schemaName) {
			why = "it is left out of the database comparison (by --exclude, or as a migration tool's table): stop excluding it"
		}
		return fmt.Errorf("%s%s is in the desired schema but %s, or remove it from the desired schema", at, object, why)
	}
	for _, s := range want.Schemas {
		if !managed(s.Name) {
			return outside("schema "+s.Name, s.Name, s.Pos)
		}
	}
	for _, e := range want.Enums {
		if !managed(e.Schema) {
			return outside("enum "+e.QName().String(), e.Schema, e.Pos)
		}
	}
	for _, o := range typeObjects(want) {
		if !managed(o.schema) {
			return outside(o.object, o.schema, o.pos)
		}
	}
	for _, tb := range want.Tables {
		ok, err := in.Reads(tb.Schema, tb.Name)
		if err != nil {
			return err
		}
		if !ok {
			return outside("table "+tb.QName().String(), tb.Schema, tb.Pos)
		}
	}
	return nil
}

// HazardError is the refusal of a plan that holds error-level hazards not
// allowed by name.
type HazardError struct {
	// Codes are the hazard codes to allow, sorted, each once.
	Codes []string
	// Hazards are the refused hazards, in plan order.
	Hazards []diff.Hazard
}

// Error lists the refused hazards and the codes that would allow them.
func (e *HazardError) Error() string {
	hs := make([]string, len(e.Hazards))
	for i, h := range e.Hazards {
		hs[i] = h.Code + " (" + h.Message + ")"
	}
	return fmt.Sprintf("refusing to apply: the plan has error-level hazards: %s; pass --allow-hazards %s to apply it anyway",
		strings.Join(hs, ", "), strings.Join(e.Codes, ","))
}

// CheckHazards returns a *HazardError when plan holds an error-level hazard
// whose code allowed does not name, nil otherwise.
func CheckHazards(plan *diff.Plan, allowed []string) error {
	e := &HazardError{}
	for _, c := range plan.Changes {
		for _, h := range c.Hazards {
			if h.Severity != diff.Error || slices.Contains(allowed, h.Code) {
				continue
			}
			e.Hazards = append(e.Hazards, h)
			if !slices.Contains(e.Codes, h.Code) {
				e.Codes = append(e.Codes, h.Code)
			}
		}
	}
	if len(e.Hazards) == 0 {
		return nil
	}
	slices.Sort(e.Codes)
	return e
}

// Batch is a run of statements executed together: consecutive statements in
// one transaction, or one statement that must run outside a transaction block.
type Batch struct {
	Statements []render.Statement
	// Transaction is false for a statement render marks NoTransaction.
	Transaction bool
}

// Batches splits stmts, keeping their order, into transactions of
// consecutive statements that allow one, and single statements that must run
// outside a transaction block (render.Statement.NoTransaction: CREATE/DROP
// INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE).
func Batches(stmts []render.Statement) []Batch {
	var out []Batch
	for _, s := range stmts {
		if !s.NoTransaction && len(out) > 0 && out[len(out)-1].Transaction {
			last := &out[len(out)-1]
			last.Statements = append(last.Statements, s)
			continue
		}
		out = append(out, Batch{Statements: []render.Statement{s}, Transaction: !s.NoTransaction})
	}
	return out
}

// transactional counts the statements of batches that run in a transaction.
func transactional(batches []Batch) int {
	n := 0
	for _, b := range batches {
		if b.Transaction {
			n += len(b.Statements)
		}
	}
	return n
}

// Options tune Execute.
type Options struct {
	// LockTimeout is how long a statement may wait for a lock before it fails
	// instead of queueing behind a long transaction (and making every later
	// query of the table queue behind it); 0 waits as long as it takes. It is
	// set first, for the whole session, rounded up to milliseconds.
	LockTimeout time.Duration
	// StatementTimeout is, on PostgreSQL, how long a statement may run
	// before the server cancels it (statement_timeout, set for the session
	// after the lock timeout); 0 leaves the server's setting. SQL Server has
	// no such setting for a session: it is ignored there.
	StatementTimeout time.Duration
	// Progress, when not nil, receives one line per step.
	Progress io.Writer
}

// Execute runs stmts, in order, on the database url names, over one
// connection: the lock timeout first, then every batch of Batches(stmts) —
// a transaction committed whole or rolled back whole, or one statement on
// its own. It stops at the first failure with an *ExecError. Cancelling ctx
// (Ctrl-C) stops the running statement and rolls its transaction back.
func Execute(ctx context.Context, url string, stmts []render.Statement, opts Options) error {
	if opts.LockTimeout < 0 {
		return fmt.Errorf("lock timeout %s: give a duration of 0 or more", opts.LockTimeout)
	}
	s, err := open(ctx, url)
	if err != nil {
		return err
	}
	defer s.close()
	sets := []string{s.driver.lockTimeout(opts.LockTimeout)}
	if opts.StatementTimeout > 0 && s.driver.statementTimeout != nil {
		sets = append(sets, s.driver.statementTimeout(opts.StatementTimeout))
	}
	for _, set := range sets {
		if _, err := s.conn.ExecContext(ctx, set); err != nil {
			return redact.Error(fmt.Errorf("%s: %w", set, err), url)
		}
	}
	x := &executor{conn: s.conn, driver: s.driver, opts: opts, total: len(stmts)}
	batches := Batches(stmts)
	if outside := len(stmts) - transactional(batches); outside > 0 {
		x.progress("%d of %d statements cannot run inside a transaction block: each runs on its own, in plan order", outside, len(stmts))
	}
	for _, b := range batches {
		if err := x.run(ctx, b); err != nil {
			return redact.Error(err, url)
		}
	}
	return nil
}

// executor runs the batches of one Execute.
type executor struct {
	conn   *sql.Conn
	driver dbDriver
	opts   Options
	total  int // statements in the plan
	done   int // statements committed so far
}

// progress writes one line of progress.
func (x *executor) progress(format string, args ...any) {
	if x.opts.Progress != nil {
		fmt.Fprintf(x.opts.Progress, format+"\n", args...)
	}
}

// run executes one batch, committing it or rolling it back whole.
func (x *executor) run(ctx context.Context, b Batch) error {
	if !b.Transaction {
		s := b.Statements[0]
		x.progress("running outside a transaction: %s", firstLine(s.SQL))
		if _, err := x.conn.ExecContext(ctx, s.SQL); err != nil {
			return x.failed(ctx, s, 0, err)
		}
		x.done++
		return nil
	}
	x.progress("running %s in one transaction", plural(len(b.Statements), "statement"))
	tx, err := x.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin a transaction: %w", err)
	}
	for i, s := range b.Statements {
		if _, err := tx.ExecContext(ctx, s.SQL); err != nil {
			e := x.failed(ctx, s, i, err)
			// Cancelled, database/sql rolls back itself (or the connection
			// is gone, which rolls back on the server).
			if rb := tx.Rollback(); rb != nil && ctx.Err() == nil && !errors.Is(rb, sql.ErrTxDone) {
				e.Rollback = rb
			}
			return e
		}
	}
	if err := tx.Commit(); err != nil {
		return x.failed(ctx, b.Statements[len(b.Statements)-1], len(b.Statements)-1, fmt.Errorf("commit: %w", err))
	}
	x.done += len(b.Statements)
	x.progress("committed")
	return nil
}

// failed builds the *ExecError of statement s, the undone-th statement of
// its transaction (0 outside one).
func (x *executor) failed(ctx context.Context, s render.Statement, undone int, err error) *ExecError {
	e := &ExecError{Statement: s, Index: x.done + undone + 1, Total: x.total, Committed: x.done, Undone: undone, Err: err}
	switch {
	case ctx.Err() != nil:
		e.Cause = "cancelled"
		if !errors.Is(err, ctx.Err()) {
			e.Err = fmt.Errorf("%w: %w", ctx.Err(), err)
		}
	case x.driver.isLockTimeout(err):
		e.Cause = fmt.Sprintf("waited longer than the lock timeout (%s) for a lock another session holds on an object it changes: retry when that session is done, or raise --lock-timeout", x.opts.LockTimeout)
	}
	return e
}

// ExecError is a statement that failed, and what of the plan stands.
type ExecError struct {
	// Statement is the statement that failed; Index its 1-based place among Total.
	Statement    render.Statement
	Index, Total int
	// Committed is the number of statements committed before (they stay
	// applied); Undone the number of statements of the failed one's
	// transaction rolled back with it.
	Committed, Undone int
	// Cause says why, when it is known: "cancelled", or a lock timeout.
	Cause string
	Err   error
	// Rollback is the error of rolling the transaction back, if that failed.
	Rollback error
}

// Error says which statement failed, why, and what was rolled back or stays.
func (e *ExecError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "statement %d of %d failed", e.Index, e.Total)
	if e.Cause != "" {
		b.WriteString(" (" + e.Cause + ")")
	}
	fmt.Fprintf(&b, ": %s: %v; ", firstLine(e.Statement.SQL), e.Err)
	switch {
	case e.Rollback != nil:
		fmt.Fprintf(&b, "rolling its transaction back failed (%v): the server rolls it back as the connection closes", e.Rollback)
	case e.Undone > 0:
		fmt.Fprintf(&b, "its transaction was rolled back (%s undone)", plural(e.Undone, "earlier statement"))
	case e.Statement.NoTransaction && strings.Contains(e.Statement.SQL, "INDEX CONCURRENTLY"):
		// https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
		b.WriteString("it ran outside a transaction; a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it before running apply again")
	case e.Statement.NoTransaction:
		b.WriteString("it ran outside a transaction")
	default:
		b.WriteString("its transaction was rolled back")
	}
	if e.Committed == 0 {
		b.WriteString("; nothing was applied")
	} else {
		fmt.Fprintf(&b, "; the %s committed before stay applied: the database is between the two schemas (run apply again to finish)", plural(e.Committed, "statement"))
	}
	return b.String()
}

// Unwrap returns the driver's error.
func (e *ExecError) Unwrap() error { return e.Err }

// session is one connection to a database.
type session struct {
	db     *sql.DB
	conn   *sql.Conn
	driver dbDriver
}

// open connects to the database url names, over one connection.
func open(ctx context.Context, url string) (*session, error) {
	d, err := driver(url)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(d.name, url)
	if err != nil {
		return nil, redact.Error(fmt.Errorf("open %s: %w", redact.URL(url), err), url)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, redact.Error(fmt.Errorf("connect to %s: %w", redact.URL(url), redact.OneLine(err)), url)
	}
	return &session{db: db, conn: conn, driver: d}, nil
}

// close closes the connection and its pool.
func (s *session) close() {
	s.conn.Close()
	s.db.Close()
}

// dbDriver is what differs between the dialects when executing.
type dbDriver struct {
	name string // the database/sql driver
	// schemasQuery selects the name of every schema of the database.
	schemasQuery string
	// lockTimeout renders the statement setting the session's lock timeout.
	lockTimeout func(time.Duration) string
	// statementTimeout renders the statement setting the session's statement
	// timeout; nil where the dialect has none.
	statementTimeout func(time.Duration) string
	// isLockTimeout reports whether err is the server giving up on a lock.
	isLockTimeout func(error) bool
}

// driver returns the driver of the database url names.
func driver(url string) (dbDriver, error) {
	switch source.Dialect(url) {
	case schema.Postgres:
		return dbDriver{
			name:         "pgx",
			schemasQuery: "SELECT nspname::text FROM pg_namespace",
			// lock_timeout in milliseconds, 0 turns it off
			// (https://www.postgresql.org/docs/current/runtime-config-client.html).
			lockTimeout: func(d time.Duration) string { return fmt.Sprintf("SET lock_timeout = %d", millis(d)) },
			// statement_timeout in milliseconds (same page).
			statementTimeout: func(d time.Duration) string { return fmt.Sprintf("SET statement_timeout = %d", millis(d)) },
			// SQLSTATE 55P03 lock_not_available: "canceling statement due to lock timeout".
			isLockTimeout: func(err error) bool {
				var pg *pgconn.PgError
				return errors.As(err, &pg) && pg.Code == "55P03"
			},
		}, nil
	case schema.SQLServer:
		return dbDriver{
			name:         "sqlserver",
			schemasQuery: "SELECT name FROM sys.schemas",
			// SET LOCK_TIMEOUT in milliseconds; -1 waits forever, 0 does not
			// wait at all (https://learn.microsoft.com/sql/t-sql/statements/set-lock-timeout-transact-sql).
			lockTimeout: func(d time.Duration) string {
				if d == 0 {
					return "SET LOCK_TIMEOUT -1"
				}
				return fmt.Sprintf("SET LOCK_TIMEOUT %d", millis(d))
			},
			// Msg 1222: "Lock request time out period exceeded."
			isLockTimeout: func(err error) bool {
				var ms mssql.Error
				return errors.As(err, &ms) && ms.Number == 1222
			},
		}, nil
	}
	return dbDriver{}, fmt.Errorf("%s is not a database URL: use postgres://, postgresql:// or sqlserver://", redact.URL(url))
}

// millis is d in whole milliseconds, rounded up.
func millis(d time.Duration) int64 { return int64((d + time.Millisecond - 1) / time.Millisecond) }

// firstLine is the first line of a statement, for messages.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// plural renders "1 statement" or "3 statements".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// typeObject names an extension, sequence, domain or composite type of a
// desired schema, with the schema it lives in.
type typeObject struct {
	object, schema string
	pos            schema.Pos
}

// typeObjects lists the extensions, sequences, domains and composite types
// of db.
func typeObjects(db *schema.Database) []typeObject {
	var out []typeObject
	for _, x := range db.Extensions {
		out = append(out, typeObject{"extension " + x.Name, x.Schema, x.Pos})
	}
	for _, x := range db.Sequences {
		out = append(out, typeObject{"sequence " + x.QName().String(), x.Schema, x.Pos})
	}
	for _, x := range db.Domains {
		out = append(out, typeObject{"domain " + x.QName().String(), x.Schema, x.Pos})
	}
	for _, x := range db.CompositeTypes {
		out = append(out, typeObject{"composite type " + x.QName().String(), x.Schema, x.Pos})
	}
	return out
}
