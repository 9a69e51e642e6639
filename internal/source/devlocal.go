package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/schemadiff/schemadiff/internal/pgserver"
	"github.com/schemadiff/schemadiff/internal/progress"
)

// LocalDev is the --dev-url value (and dev_url of the configuration) that
// asks for a private PostgreSQL server started from the server binaries
// installed on the machine, for the one command, instead of a server of the
// user's.
const LocalDev = "local"

// localSettings keep a throwaway dev server small and quick to start: it
// holds a few scratch databases for seconds and loses nothing worth keeping
// on a crash (fsync and friends are already off; pgserver.Options).
func localSettings() []string {
	return []string{"shared_buffers=16MB", "max_connections=20", "autovacuum=off", "wal_level=minimal", "max_wal_senders=0"}
}

// StartLocalDev starts the private PostgreSQL server of --dev-url local: the
// newest installed server binaries (pgserver.Find), a fresh temp dir, a unix
// socket only. It returns the server's superuser URL and stop, which stops
// the server and removes its files; the caller must call it, also when the
// command is interrupted. On a terminal w it says what it starts and how long
// that took; elsewhere it prints nothing. Without server binaries the error
// says to install them.
func StartLocalDev(ctx context.Context, w io.Writer) (url string, stop func(), err error) {
	bin, err := pgserver.Find(ctx)
	if errors.Is(err, pgserver.ErrNoBinaries) {
		return "", nil, fmt.Errorf("--dev-url local needs the PostgreSQL server binaries: apt-get install postgresql (or set %s to their directory): %w", pgserver.EnvBinDir, err)
	}
	if err != nil {
		return "", nil, fmt.Errorf("--dev-url local: %w", err)
	}
	show := progress.IsTerminal(w)
	if show {
		fmt.Fprintf(w, "starting a private PostgreSQL %s for --dev-url local (%s)…", bin.Version, bin.Dir)
	}
	begin := time.Now()
	srv, err := pgserver.Start(ctx, bin, pgserver.Options{Settings: localSettings(), Owned: true})
	if show {
		if err == nil {
			fmt.Fprintf(w, " ready in %.1fs\n", time.Since(begin).Seconds())
		} else {
			fmt.Fprintln(w)
		}
	}
	if err != nil {
		return "", nil, fmt.Errorf("--dev-url local: %w", err)
	}
	return srv.URL(), srv.Stop, nil
}
