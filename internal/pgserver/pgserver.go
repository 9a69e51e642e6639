// Package pgserver starts a private, throwaway PostgreSQL server from the
// server binaries installed on the machine, and removes it again: initdb into
// a fresh temp dir, pg_ctl start (as the postgres OS user when running as
// root, since PostgreSQL refuses to run as root), and at Stop pg_ctl stop -m
// immediate and the removal of the dir. The tests' server (internal/pgtest)
// and `--dev-url local` both use it.
package pgserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvBinDir names the environment variable that, when set, is the only
// directory searched for the server binaries (initdb, pg_ctl): it picks one
// of several installed versions.
const EnvBinDir = "SCHEMADIFF_PG_BINDIR"

// ErrNoBinaries is returned (wrapped) by Find when no PostgreSQL server
// binaries are installed.
var ErrNoBinaries = errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH, in pg_config --bindir nor in /usr/lib/postgresql/*/bin")

// dirPrefix starts the name of every temp dir a Server lives in.
const dirPrefix = "schemadiff-pg-"

// ownerFile, in an Owned server's dir, holds the pid of the process that
// started it.
const ownerFile = "owner.pid"

// socketPort is the port number in the name of the unix socket of a server
// without TCP (.s.PGSQL.5432): the socket dir is the server's own, so no
// other server can hold it.
const socketPort = 5432

// maxSocketPath is the longest unix socket path PostgreSQL accepts ("Unix-domain
// socket path … is too long (maximum 107 bytes)": sizeof(sun_path) - 1 on Linux).
const maxSocketPath = 107

// Binaries is an installation of the PostgreSQL server binaries.
type Binaries struct {
	// Dir is the directory holding initdb, pg_ctl and postgres.
	Dir string
	// Version is what initdb --version prints after "(PostgreSQL) ", e.g. "15.8".
	Version string
}

// Options shape a server.
type Options struct {
	// Settings are extra server settings, "name=value" each, passed as -c
	// name=value after the defaults (fsync, full_page_writes and
	// synchronous_commit off, max_connections=50), so they win.
	Settings []string
	// TCP makes the server listen on 127.0.0.1 at a free port and URL name
	// that port. Without it the server listens only on a unix socket in its
	// own dir: nothing to collide with, nothing reachable from the network.
	TCP bool
	// Owned ties the server to the running process: when the process dies
	// without Stop (SIGKILL, a second Ctrl-C), the next Start of any server
	// stops it and removes its dir. Without it, a server left behind runs
	// until stopped (a test server kept for profiling), and only its dir is
	// removed once its postmaster is gone and it is an hour old.
	Owned bool
}

// Server is a running PostgreSQL server.
type Server struct {
	url   string
	dir   string // temp dir holding data/, sock/ and server.log
	pgctl string
	asPG  bool // run the binaries as the postgres OS user (we are root)
}

// URL returns a superuser URL of the server's "postgres" database (user
// postgres, no password).
func (s *Server) URL() string { return s.url }

// Start starts a new server from bin in a fresh temp dir (under $TMPDIR,
// which the postgres OS user must be able to traverse when running as
// root). When the unix socket path under $TMPDIR would be too long, the
// server listens on TCP alone, whatever opts.TCP says. It retries when the
// free port it picked (TCP) is taken before the server binds it. What
// killed processes left behind is removed first (see Options.Owned).
func Start(ctx context.Context, bin Binaries, opts Options) (*Server, error) {
	removeStaleDirs()
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		s, err := start(ctx, bin.Dir, opts)
		if err == nil {
			return s, nil
		}
		lastErr = err
		if ctx.Err() != nil || !opts.TCP {
			break
		}
	}
	return nil, lastErr
}

// start makes one attempt at initdb + pg_ctl start; on failure it removes
// what it made.
func start(ctx context.Context, bin string, opts Options) (*Server, error) {
	dir, err := os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, fmt.Errorf("pgserver: creating temp dir: %w", err)
	}
	s := &Server{dir: dir, pgctl: filepath.Join(bin, "pg_ctl"), asPG: os.Geteuid() == 0}
	if err := s.init(ctx, bin, opts); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// init runs initdb and pg_ctl start in s.dir and waits until the server
// answers, setting s.url.
func (s *Server) init(ctx context.Context, bin string, opts Options) error {
	if s.asPG {
		if err := chownToPostgres(s.dir); err != nil {
			return err
		}
	}
	if opts.Owned {
		if err := os.WriteFile(filepath.Join(s.dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
			return fmt.Errorf("pgserver: %w", err)
		}
	}
	data, sock, logFile := filepath.Join(s.dir, "data"), filepath.Join(s.dir, "sock"), filepath.Join(s.dir, "server.log")
	if err := s.run(ctx, "", "mkdir", "-p", sock); err != nil {
		return err
	}
	if err := s.run(ctx, "", filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return err
	}
	port, listen, sockDir := socketPort, "''", shellQuote(sock) // pg_ctl hands -o to a shell
	// A unix socket path longer than 107 bytes is refused: a long $TMPDIR
	// falls back to TCP alone.
	tcp := opts.TCP
	if len(filepath.Join(sock, fmt.Sprintf(".s.PGSQL.%d", socketPort))) > maxSocketPath {
		tcp, sockDir = true, "''"
	}
	if tcp {
		var err error
		if port, err = freePort(); err != nil {
			return err
		}
		listen = "127.0.0.1"
	}
	o := fmt.Sprintf("-p %d -k %s -c listen_addresses=%s -c fsync=off -c full_page_writes=off "+
		"-c synchronous_commit=off -c max_connections=50", port, sockDir, listen)
	for _, setting := range opts.Settings {
		o += " -c " + shellQuote(setting)
	}
	if err := s.run(ctx, logFile, s.pgctl, "start", "-D", data, "-l", logFile, "-w", "-t", "60", "-o", o); err != nil {
		return err
	}
	if tcp {
		s.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	} else {
		s.url = fmt.Sprintf("postgres://postgres@/postgres?host=%s&port=%d&sslmode=disable", url.QueryEscape(sock), port)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := Ping(ctx, s.url)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("pgserver: the server does not accept connections at %s: %w%s", s.url, err, tail(logFile))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop stops the server and removes its directory. It may be called more
// than once, and on a nil Server.
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
	s.dir = ""
}

// run runs a command (as the postgres user when s.asPG); on failure the
// error holds the command's output and, if logFile is set, the end of that log.
func (s *Server) run(ctx context.Context, logFile, name string, args ...string) error {
	prog := filepath.Base(name)
	if s.asPG {
		args = append([]string{"-u", "postgres", "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = s.dir // the postgres user must be able to stat the working directory
	// Cancelling ctx kills the whole process group (runuser and initdb and
	// the processes initdb starts), not runuser alone, so that nothing goes
	// on writing into a dir that is being removed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("pgserver: %s stopped: %w", prog, ctx.Err())
	}
	if err != nil {
		return fmt.Errorf("pgserver: %s %s: %w\n%s%s", name, strings.Join(args, " "), err, strings.TrimSpace(string(out)), tail(logFile))
	}
	return nil
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
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

// Ping connects to the server at url once (waiting at most 5 seconds) and
// returns the connection error, if any.
func Ping(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgserver: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// chownToPostgres gives dir to the postgres OS user.
func chownToPostgres(dir string) error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("pgserver: running as root needs the OS user postgres (PostgreSQL refuses to run as root): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return fmt.Errorf("pgserver: chown %s to postgres: %w", dir, err)
	}
	return nil
}

// staleAfter is how old a left-over server dir must be before it is removed.
const staleAfter = time.Hour

// removeStaleDirs removes the servers that earlier, killed processes left
// behind: an Owned server whose owner is gone is stopped and removed; the dir
// of another is removed when it is older than staleAfter and its postmaster
// is gone.
func removeStaleDirs() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, d := range dirs {
		if owner, err := os.ReadFile(filepath.Join(d, ownerFile)); err == nil {
			if pid, err := strconv.Atoi(string(owner)); err == nil && !Alive(pid) {
				if pm, err := PostmasterPID(filepath.Join(d, "data")); err == nil && Alive(pm) {
					_ = syscall.Kill(pm, syscall.SIGQUIT) // PostgreSQL's immediate shutdown
				}
				_ = os.RemoveAll(d)
			}
			continue
		}
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < staleAfter || postmasterAlive(filepath.Join(d, "data")) {
			continue
		}
		_ = os.RemoveAll(d)
	}
}

// postmasterAlive reports whether the postmaster.pid of data names a live process.
func postmasterAlive(data string) bool {
	pid, err := PostmasterPID(data)
	return err == nil && Alive(pid)
}

// PostmasterPID returns the pid of the postmaster of the data directory
// data, as its postmaster.pid records it; an error when there is none.
func PostmasterPID(data string) (int, error) {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		return 0, fmt.Errorf("%s/postmaster.pid: %w", data, err)
	}
	return pid, nil
}

// Alive reports whether process pid runs: it exists and, where /proc tells,
// is not a zombie (an ended postmaster whose parent, pg_ctl, is gone stays
// one until init reaps it, and some containers' init never does).
func Alive(pid int) bool {
	if pid <= 0 || syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// "pid (comm) S ...": the state follows the last ')'.
	rest := string(stat[bytes.LastIndexByte(stat, ')')+1:])
	return !strings.HasPrefix(strings.TrimSpace(rest), "Z")
}

// Find returns the newest installation of the server binaries: the one
// $SCHEMADIFF_PG_BINDIR names when it is set (and only that), else the
// newest of initdb's directory on PATH, pg_config --bindir, and
// /usr/lib/postgresql/*/bin (Debian, Ubuntu) and /usr/pgsql-*/bin (RHEL);
// on a tie, the one found first. It returns ErrNoBinaries (wrapped) when
// there is none.
func Find(ctx context.Context) (Binaries, error) {
	if dir := os.Getenv(EnvBinDir); dir != "" {
		b, ok := probe(ctx, dir)
		if !ok {
			return Binaries{}, fmt.Errorf("%s=%s holds no initdb and pg_ctl: %w", EnvBinDir, dir, ErrNoBinaries)
		}
		return b, nil
	}
	var dirs []string
	if p, err := exec.LookPath("initdb"); err == nil {
		dirs = append(dirs, filepath.Dir(p))
	}
	if out, err := exec.CommandContext(ctx, "pg_config", "--bindir").Output(); err == nil {
		dirs = append(dirs, strings.TrimSpace(string(out)))
	}
	for _, pattern := range []string{"/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin"} {
		m, _ := filepath.Glob(pattern)
		dirs = append(dirs, m...)
	}
	return newest(ctx, dirs)
}

// newest probes dirs in order and returns the installation of the highest
// version, the first of equals; ErrNoBinaries when none holds one.
func newest(ctx context.Context, dirs []string) (Binaries, error) {
	var best Binaries
	seen := map[string]bool{}
	for _, d := range dirs {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			d = real
		}
		if seen[d] {
			continue
		}
		seen[d] = true
		// initdb on PATH may be a link into the real directory (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb).
		if real, err := filepath.EvalSymlinks(filepath.Join(d, "initdb")); err == nil {
			d = filepath.Dir(real)
		}
		if b, ok := probe(ctx, d); ok && (best.Dir == "" || newer(b.Version, best.Version)) {
			best = b
		}
	}
	if best.Dir == "" {
		return Binaries{}, ErrNoBinaries
	}
	return best, nil
}

// versionRE reads the version out of "initdb (PostgreSQL) 15.8 (Debian 15.8-1)".
var versionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+(?:\.\d+)*)`)

// probe reports whether dir holds initdb and pg_ctl, and initdb's version.
func probe(ctx context.Context, dir string) (Binaries, bool) {
	if _, err := os.Stat(filepath.Join(dir, "pg_ctl")); err != nil {
		return Binaries{}, false
	}
	out, err := exec.CommandContext(ctx, filepath.Join(dir, "initdb"), "--version").Output()
	if err != nil {
		return Binaries{}, false
	}
	m := versionRE.FindSubmatch(bytes.TrimSpace(out))
	if m == nil {
		return Binaries{}, false
	}
	return Binaries{Dir: dir, Version: string(m[1])}, true
}

// newer reports whether version a ("15.8") is higher than b, comparing the
// dot-separated numbers in order.
func newer(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x > y
		}
	}
	return false
}
