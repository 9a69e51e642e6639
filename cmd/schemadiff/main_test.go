package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestMain starts the package's private PostgreSQL (see internal/pgtest);
// every test file of this package shares it through pgtest.NewDB.
func TestMain(m *testing.M) { pgtest.Main(m) }

// result is what one run of the command line gave.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs schemadiff with args, as the binary would, and captures its output.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}
