// Package alembictest finds the Python that runs Alembic, for tests that
// check schemadiff's revision files with the real Alembic and SQLAlchemy.
package alembictest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// modules are what the tests import: Alembic, SQLAlchemy and the PostgreSQL driver.
const modules = "import alembic, sqlalchemy, psycopg2"

// Python returns a python3 that imports alembic, sqlalchemy and psycopg2
// (python3 on PATH, else Debian's /usr/bin/python3). Without one, t is
// skipped with the reason, except with CI=true, where it fails: a CI that
// silently skips proves nothing.
func Python(t testing.TB) string {
	t.Helper()
	var tried []string
	for _, cand := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(cand)
		if err != nil {
			continue
		}
		out, err := exec.Command(path, "-c", modules).CombinedOutput()
		if err == nil {
			return path
		}
		tried = append(tried, path+": "+strings.TrimSpace(lastLine(string(out))))
	}
	msg := "alembictest: no python3 with alembic, sqlalchemy and psycopg2 (apt-get install python3-alembic python3-psycopg2)"
	if len(tried) > 0 {
		msg += "; tried " + strings.Join(tried, "; ")
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// Versions returns "alembic X, sqlalchemy Y" of python.
func Versions(t testing.TB, python string) string {
	t.Helper()
	out, err := exec.Command(python, "-c",
		"import alembic, sqlalchemy; print('alembic', alembic.__version__ + ', sqlalchemy', sqlalchemy.__version__)").CombinedOutput()
	if err != nil {
		t.Fatalf("alembictest: reading versions: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// lastLine returns the last non-empty line of s (the error of a traceback).
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
