// Command tdsserve runs the TDS test server (internal/tdstest) on its own,
// serving a recording, so that anyone can point schemadiff — or any SQL
// Server client that can turn TLS off — at recorded catalog rows:
//
//	go run ./internal/tdstest/cmd/tdsserve -recording introspect/testdata/sqlserver/users.json -addr 127.0.0.1:14330
//	go run ./cmd/schemadiff inspect --url 'sqlserver://sa:pw@127.0.0.1:14330?database=app&encrypt=disable'
//
// It accepts any login: it is a test server, never expose it. It stops on
// interrupt (Ctrl-C) or SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/schemadiff/schemadiff/internal/tdstest"
)

func main() {
	recording := flag.String("recording", "", "recording to serve: a .json file (served whatever the database) or a folder (NAME.json served for database NAME)")
	addr := flag.String("addr", "127.0.0.1:14330", "host:port to listen on")
	flag.Parse()
	if *recording == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: tdsserve -recording FILE_OR_DIR [-addr HOST:PORT]")
		os.Exit(2)
	}
	lookup, err := tdstest.LoadPath(*recording)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tdsserve:", err)
		os.Exit(1)
	}
	s, err := tdstest.Listen(*addr, lookup)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tdsserve:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "tdsserve: serving %s on %s (any user and password; no TLS, so encrypt=disable), e.g.\n  %s\n", *recording, s.Addr(), s.URL("app"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "tdsserve:", err)
		os.Exit(1)
	}
}
