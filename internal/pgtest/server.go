// Package pgtest runs a real, throw-away PostgreSQL server for tests: every
// PostgreSQL test of schemadiff uses it, none mocks PostgreSQL.
//
// A package's TestMain calls Main; its tests then call NewDB for a fresh
// database of their own and Exec to load SQL into it. Setting
// SCHEMADIFF_TEST_PG_URL to a superuser URL of a running server uses that
// server instead of starting one. The server itself is internal/pgserver's.
package pgtest

import (
	"context"
	"fmt"
	"os"

	"github.com/schemadiff/schemadiff/internal/pgserver"
)

// EnvURL names the environment variable that points the tests at an existing
// server (a superuser URL) instead of starting one.
const EnvURL = "SCHEMADIFF_TEST_PG_URL"

// ErrNoBinaries is returned (wrapped) by Start when no PostgreSQL server
// binaries are installed (pgserver.ErrNoBinaries).
var ErrNoBinaries = pgserver.ErrNoBinaries

// Server is a running PostgreSQL server: a private one, or the external one
// SCHEMADIFF_TEST_PG_URL names.
type Server struct {
	url string
	srv *pgserver.Server // nil for an external server
}

// AdminURL returns a superuser URL of the server's "postgres" database.
func (s *Server) AdminURL() string { return s.url }

// Start starts a new server in a fresh temp dir (or, when SCHEMADIFF_TEST_PG_URL
// is set, checks and returns that server). It returns ErrNoBinaries (wrapped)
// when PostgreSQL is not installed.
func Start(ctx context.Context) (*Server, error) {
	if u := os.Getenv(EnvURL); u != "" {
		if err := pgserver.Ping(ctx, u); err != nil {
			return nil, fmt.Errorf("pgtest: %s is set but the server does not answer: %w", EnvURL, err)
		}
		return &Server{url: u}, nil
	}
	return StartWith(ctx)
}

// StartWith starts a new server in a fresh temp dir, as Start does, with extra
// server settings ("name=value", each passed as -c name=value after the
// defaults, so they win), e.g. "max_locks_per_transaction=10". It always
// starts its own server, even when SCHEMADIFF_TEST_PG_URL is set: an existing
// server's settings cannot be changed for one test. The server listens on
// 127.0.0.1 (tests and the tools they run expect host:port URLs).
func StartWith(ctx context.Context, settings ...string) (*Server, error) {
	bin, err := pgserver.Find(ctx)
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w; install them with: apt-get install postgresql", err)
	}
	srv, err := pgserver.Start(ctx, bin, pgserver.Options{Settings: settings, TCP: true})
	if err != nil {
		return nil, err
	}
	return &Server{url: srv.URL(), srv: srv}, nil
}

// Stop stops the server and removes its directory. It does nothing to an
// external server (SCHEMADIFF_TEST_PG_URL).
func (s *Server) Stop() {
	if s != nil {
		s.srv.Stop()
	}
}
