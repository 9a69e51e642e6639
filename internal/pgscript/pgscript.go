// Package pgscript runs PostgreSQL scripts: it splits them into statements,
// applies statements one at a time, and gives callers a throwaway database on
// a scratch server (what --dev-url names) that is dropped afterwards.
package pgscript

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/schemadiff/schemadiff/internal/redact"
)

// Split splits an SQL script at the semicolons that end its statements,
// skipping quoted strings and identifiers, comments and dollar-quoted bodies.
// Empty statements, and statements that hold only comments, are left out.
func Split(script string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(script[start:end]); s != "" && !onlyComments(s) {
			out = append(out, s)
		}
	}
	for i := 0; i < len(script); i++ {
		switch c := script[i]; {
		case c == '\'' || c == '"':
			i = skipQuoted(script, i, c)
		case c == '-' && strings.HasPrefix(script[i:], "--"):
			if j := strings.IndexByte(script[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(script)
			}
		case c == '/' && strings.HasPrefix(script[i:], "/*"):
			if j := strings.Index(script[i+2:], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = len(script)
			}
		case c == '$':
			if tag := dollarTag(script[i:]); tag != "" {
				if j := strings.Index(script[i+len(tag):], tag); j >= 0 {
					i += len(tag) + j + len(tag) - 1
				} else {
					i = len(script)
				}
			}
		case c == ';':
			emit(i)
			start = i + 1
		}
	}
	if start < len(script) {
		emit(len(script))
	}
	return out
}

// skipQuoted returns the index of the quote closing the one at i (a doubled
// quote inside stands for one quote).
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j
		}
	}
	return len(s)
}

// dollarTag returns the dollar-quote opener ($$ or $tag$) that s starts with, or "".
func dollarTag(s string) string {
	for j := 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '$':
			return s[:j+1]
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 1 && c >= '0' && c <= '9':
		default:
			return ""
		}
	}
	return ""
}

// onlyComments reports whether a statement holds nothing but line comments.
func onlyComments(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
			return false
		}
	}
	return true
}

// Apply runs each statement on its own (autocommit, simple protocol) on the
// database dbURL names, so that statements that refuse a transaction block
// (CREATE INDEX CONCURRENTLY) run too. An error names the statement.
func Apply(ctx context.Context, dbURL string, stmts []string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return redact.Error(fmt.Errorf("connect to %s: %w", redact.URL(dbURL), redact.OneLine(err)), dbURL)
	}
	defer conn.Close(context.Background())
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s, pgx.QueryExecModeSimpleProtocol); err != nil {
			return redact.Error(fmt.Errorf("%s: %w", s, err), dbURL)
		}
	}
	return nil
}

// WithScratchDatabase creates a throwaway database (named prefix + random
// hex) on the PostgreSQL server serverURL connects to, calls fn with its URL,
// and drops it afterwards, whatever fn returns. The user needs CREATEDB.
func WithScratchDatabase(ctx context.Context, serverURL, prefix string, fn func(dbURL string) error) error {
	u, err := url.Parse(serverURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("--dev-url %s: give a postgres:// URL of a scratch server", redact.URL(serverURL))
	}
	admin, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return redact.Error(fmt.Errorf("connect to --dev-url %s: %w", redact.URL(serverURL), redact.OneLine(err)), serverURL)
	}
	defer admin.Close(context.Background())
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return fmt.Errorf("scratch database name: %w", err)
	}
	name := prefix + hex.EncodeToString(b)
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return redact.Error(fmt.Errorf("--dev-url: create a scratch database (the user needs CREATEDB): %w", err), serverURL)
	}
	defer admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)")
	u.Path = "/" + name
	return fn(u.String())
}
