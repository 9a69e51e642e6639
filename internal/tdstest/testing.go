package tdstest

import "testing"

// Start runs a server on a free loopback port for the test, serving what
// lookup returns, and closes it when the test ends.
func Start(t testing.TB, lookup Lookup) *Server {
	t.Helper()
	s, err := Listen("127.0.0.1:0", lookup)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// StartFile runs a server for the test serving the recording (file or
// folder) at path; see LoadPath.
func StartFile(t testing.TB, path string) *Server {
	t.Helper()
	lookup, err := LoadPath(path)
	if err != nil {
		t.Fatal(err)
	}
	return Start(t, lookup)
}
