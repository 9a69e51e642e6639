// Package pgtest runs a real, throw-away PostgreSQL server for tests: every
// PostgreSQL test of schemadiff uses it, none mocks PostgreSQL.
//
// A package's TestMain calls Main; its tests then call NewDB for a fresh
// database of their own and Exec to load SQL into it. Setting
// SCHEMADIFF_TEST_PG_URL to a superuser URL of a running server uses that
// server instead of starting one.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the environment variable that points the tests at an existing
// server (a superuser URL) instead of starting one.
const EnvURL = "SCHEMADIFF_TEST_PG_URL"

// ErrNoBinaries is returned by Start when no PostgreSQL server binaries are
// installed.
var ErrNoBinaries = errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH nor in /usr/lib/postgresql/*/bin; install them with: apt-get install postgresql")

// dirPrefix starts the name of every temp dir a Server lives in.
const dirPrefix = "schemadiff-pgtest-"

// Server is a running PostgreSQL server.
type Server struct {
	url   string
	dir   string // temp dir holding data/, sock/ and server.log; "" for an external server
	pgctl string
	asPG  bool // run the binaries as the postgres OS user (we are root)
}

// AdminURL returns a superuser URL of the server's "postgres" database.
func (s *Server) AdminURL() string { return s.url }

// Start starts a new server in a fresh temp dir (or, when SCHEMADIFF_TEST_PG_URL
// is set, checks and returns that server). It returns ErrNoBinaries (wrapped)
// when PostgreSQL is not installed.
func Start(ctx context.Context) (*Server, error) {
	if u := os.Getenv(EnvURL); u != "" {
		if err := ping(ctx, u); err != nil {
			return nil, fmt.Errorf("pgtest: %s is set but the server does not answer: %w", EnvURL, err)
		}
		return &Server{url: u}, nil
	}
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	return startFresh(ctx, bin, nil)
}

// StartWith starts a new server in a fresh temp dir, as Start does, with extra
// server settings ("name=value", each passed as -c name=value after the
// defaults, so they win; no spaces, as pg_ctl -o splits on them), e.g.
// "max_locks_per_transaction=10". It always starts its own server, even when
// SCHEMADIFF_TEST_PG_URL is set: an existing server's settings cannot be
// changed for one test.
func StartWith(ctx context.Context, settings ...string) (*Server, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	return startFresh(ctx, bin, settings)
}

// startFresh starts a new server from the binaries in bin, retrying when the
// chosen port is taken.
func startFresh(ctx context.Context, bin string, settings []string) (*Server, error) {
	removeStaleDirs()
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ { // a free port can be taken before the server binds it
		s, err := start(ctx, bin, settings)
		if err == nil {
			return s, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}

// start makes one attempt at initdb + pg_ctl start, with the extra settings.
func start(ctx context.Context, bin string, settings []string) (s *Server, err error) {
	dir, err := os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, fmt.Errorf("pgtest: creating temp dir: %w", err)
	}
	s = &Server{dir: dir, pgctl: filepath.Join(bin, "pg_ctl"), asPG: os.Geteuid() == 0}
	defer func() {
		if err != nil {
			s.Stop()
		}
	}()
	if s.asPG {
		if err := chownToPostgres(dir); err != nil {
			return nil, err
		}
	}
	data, sock, logFile := filepath.Join(dir, "data"), filepath.Join(dir, "sock"), filepath.Join(dir, "server.log")
	if err := s.run(ctx, "", "mkdir", "-p", sock); err != nil {
		return nil, err
	}
	if err := s.run(ctx, "", filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "+
		"-c synchronous_commit=off -c max_connections=50", port, sock)
	for _, setting := range settings {
		opts += " -c " + setting
	}
	if err := s.run(ctx, logFile, s.pgctl, "start", "-D", data, "-l", logFile, "-w", "-t", "60", "-o", opts); err != nil {
		return nil, err
	}
	s.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := ping(ctx, s.url)
		if err == nil {
			return s, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, fmt.Errorf("pgtest: server does not accept connections on port %d: %w%s", port, err, tail(logFile))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop stops the server and removes its directory. It does nothing to an
// external server (SCHEMADIFF_TEST_PG_URL).
func (s *Server) Stop() {
	if s == nil || s.dir == "" {
		return
	}
	data := filepath.Join(s.dir, "data")
	if _, err := os.Stat(filepath.Join(data, "postmaster.pid")); err == nil {
		// immediate: the data is thrown away anyway.
		_ = s.run(context.Background(), "", s.pgctl, "stop", "-D", data, "-m", "immediate", "-w", "-t", "30")
	}
	_ = os.RemoveAll(s.dir)
}

// run runs a command (as the postgres user when s.asPG); on failure the
// error holds the command's output and, if logFile is set, the end of that log.
func (s *Server) run(ctx context.Context, logFile, name string, args ...string) error {
	if s.asPG {
		args = append([]string{"-u", "postgres", "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = s.dir // the postgres user must be able to stat the working directory
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("pgtest: %s %s: %w\n%s%s", name, strings.Join(args, " "), err, strings.TrimSpace(string(out)), tail(logFile))
	}
	return nil
}

// tail returns the end of the server log, for error messages.
func tail(logFile string) string {
	if logFile == "" {
		return ""
	}
	b, err := os.ReadFile(logFile)
	if err != nil || len(b) == 0 {
		return ""
	}
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return "\nserver log (" + logFile + "):\n" + string(b)
}

// ping connects to url once.
func ping(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// findBinaries returns the directory holding initdb and pg_ctl: the one on
// PATH, else the newest /usr/lib/postgresql/*/bin.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "pg_ctl")); err == nil {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", ErrNoBinaries
}

// version reads N out of /usr/lib/postgresql/N/bin.
func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// chownToPostgres gives dir to the postgres OS user.
func chownToPostgres(dir string) error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("pgtest: running as root needs the OS user postgres (PostgreSQL refuses to run as root): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return fmt.Errorf("pgtest: chown %s to postgres: %w", dir, err)
	}
	return nil
}

// staleAfter is how old a left-over server dir must be before it is removed.
const staleAfter = time.Hour

// removeStaleDirs removes the temp dirs of servers that earlier, killed test
// runs left behind: older than staleAfter and with no live postmaster.
func removeStaleDirs() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < staleAfter || postmasterAlive(filepath.Join(d, "data")) {
			continue
		}
		_ = os.RemoveAll(d)
	}
}

// postmasterAlive reports whether the postmaster.pid of data names a live process.
func postmasterAlive(data string) bool {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || pid <= 0 {
		return false
	}
	return syscall.Kill(pid, 0) == nil
}
