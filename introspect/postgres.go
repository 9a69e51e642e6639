package introspect

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"os"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/schema"
)

// postgres inspects a PostgreSQL database through one connection.
type postgres struct {
	conn *pgx.Conn
	url  string
	// afterBegin, when set (by tests), runs inside Inspect's transaction right
	// after it began, before the catalog is read.
	afterBegin func(ctx context.Context, tx pgx.Tx) error
}

// openPostgres connects to a PostgreSQL URL. Connecting and logging in must
// finish within the URL's connect_timeout (seconds; or PGCONNECT_TIMEOUT;
// default defaultConnectTimeout).
func openPostgres(ctx context.Context, url string) (*postgres, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, redact.Error(fmt.Errorf("introspect: invalid PostgreSQL URL %s: %w", url, err), url)
	}
	if u, err := neturl.Parse(url); err == nil && !u.Query().Has("connect_timeout") && os.Getenv("PGCONNECT_TIMEOUT") == "" {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, redact.Error(connectError(err, url, cfg), url)
	}
	return &postgres{conn: conn, url: url}, nil
}

// connectError turns a connection failure into one line that says what to do.
// A server error is given alone: pgx's error also lists every attempt before
// it (with sslmode=prefer, "tls error: server refused TLS connection"), which
// is noise next to the server's answer.
func connectError(err error, url string, cfg *pgx.ConnConfig) error {
	where := redact.URL(url)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "28P01", "28000":
			return fmt.Errorf("introspect: authentication failed for user %q at %s: check the user name and password in the URL (and pg_hba.conf): %w", cfg.User, where, pgErr)
		case "3D000":
			return fmt.Errorf("introspect: database %q does not exist at %s: create it or fix the database name in the URL: %w", cfg.Database, where, pgErr)
		}
		return fmt.Errorf("introspect: connecting to %s: %w", where, pgErr)
	}
	if errors.Is(err, context.DeadlineExceeded) && cfg.ConnectTimeout > 0 {
		return fmt.Errorf("introspect: PostgreSQL at %s:%d (%s) did not answer within %s: check the host and port point at a PostgreSQL server (raise the limit with connect_timeout=SECONDS in the URL)", cfg.Host, cfg.Port, where, cfg.ConnectTimeout)
	}
	return fmt.Errorf("introspect: cannot reach PostgreSQL at %s:%d (%s): check the host and port and that the server is running and accepts connections: %w", cfg.Host, cfg.Port, where, redact.OneLine(err))
}

// Dialect returns schema.Postgres.
func (p *postgres) Dialect() schema.Dialect { return schema.Postgres }

// Close closes the connection.
func (p *postgres) Close() error {
	ctx := context.Background()
	return p.conn.Close(ctx)
}

// Inspect reads the database in a read-only, repeatable-read transaction.
func (p *postgres) Inspect(ctx context.Context, opts Options) (*schema.Database, error) {
	db, err := p.inspect(ctx, opts)
	if err != nil {
		return nil, redact.Error(err, p.url)
	}
	norm, err := schema.NormalizeOwned(db)
	if err != nil {
		return nil, fmt.Errorf("introspect: normalizing the schema read from %s: %w", redact.URL(p.url), err)
	}
	return norm, nil
}

func (p *postgres) inspect(ctx context.Context, opts Options) (*schema.Database, error) {
	tx, snapshot, err := p.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("introspect: beginning a read-only transaction: %w", err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // read-only: nothing to lose

	if err := setUpTx(ctx, tx); err != nil {
		return nil, err
	}
	if p.afterBegin != nil {
		if err := p.afterBegin(ctx, tx); err != nil {
			return nil, err
		}
	}
	return readCatalog(ctx, tx, opts, p.snapshotOpener(snapshot))
}

// pgTxSetup sets up a transaction Inspect reads in, for that transaction
// only (set_config's is_local), and returns transaction_read_only:
//   - a fixed search_path makes pg_get_expr/format_type/regclass output
//     independent of the role's settings: objects of "public" print
//     unqualified, those of other schemas qualified;
//   - jit off: the catalog queries' estimated costs (subqueries per row, over
//     arrays of thousands of oids) pass jit_above_cost, and compiling them
//     cost more than running them — at 5,000 tables 3.7 s of JIT (EXPLAIN
//     ANALYZE's "JIT: Timing") for a columns query that runs in 0.3 s
//     (docs/performance.md). The setting exists from PostgreSQL 11
//     (https://www.postgresql.org/docs/15/runtime-config-query.html#GUC-JIT);
//     it is left alone before.
const pgTxSetup = `SELECT set_config('search_path', 'public', true), current_setting('transaction_read_only'),
       (SELECT set_config('jit', 'off', true) WHERE current_setting('server_version_num')::int >= 110000)`

// setUpTx runs pgTxSetup in tx and fails unless tx is read-only.
func setUpTx(ctx context.Context, tx pgx.Tx) error {
	var readOnly string
	if err := tx.QueryRow(ctx, pgTxSetup).Scan(nil, &readOnly, nil); err != nil {
		return fmt.Errorf("introspect: setting up the transaction: %w", err)
	}
	if readOnly != "on" {
		return fmt.Errorf("introspect: the transaction is not read-only (transaction_read_only=%s)", readOnly)
	}
	return nil
}

// begin starts the read-only, repeatable-read transaction Inspect reads in,
// and exports its snapshot (pg_export_snapshot, which must come first: it
// cannot run in a savepoint). When the server refuses the export, the
// transaction, aborted, is started again without it and the snapshot is "".
func (p *postgres) begin(ctx context.Context) (pgx.Tx, string, error) {
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	tx, err := p.conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, "", err
	}
	var id string
	if err := tx.QueryRow(ctx, `SELECT pg_export_snapshot()`).Scan(&id); err == nil {
		return tx, id, nil
	}
	tx.Rollback(ctx) //nolint:errcheck // read-only: nothing to lose
	tx, err = p.conn.BeginTx(ctx, opts)
	return tx, "", err
}

// snapshotOpener returns a function that opens a read-only transaction on
// the exported snapshot id over a new connection (SET TRANSACTION
// SNAPSHOT: https://www.postgresql.org/docs/15/sql-set-transaction.html),
// with the search_path Inspect sets, and the function that ends it and
// closes the connection. It returns nil when id is "" (no snapshot was
// exported): the catalog is then read on one transaction alone.
func (p *postgres) snapshotOpener(id string) func(context.Context) (pgx.Tx, func(), error) {
	if id == "" {
		return nil
	}
	return func(ctx context.Context) (pgx.Tx, func(), error) {
		conn, err := pgx.ConnectConfig(ctx, p.conn.Config())
		if err != nil {
			return nil, nil, err
		}
		end := func() { conn.Close(context.Background()) } //nolint:errcheck // read-only: nothing to lose
		other, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err == nil {
			_, err = other.Exec(ctx, `SET TRANSACTION SNAPSHOT '`+strings.ReplaceAll(id, "'", "''")+`'`)
		}
		if err == nil {
			err = setUpTx(ctx, other)
		}
		if err != nil {
			end()
			return nil, nil, err
		}
		return other, end, nil
	}
}
