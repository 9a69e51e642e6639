// Package redact hides passwords in connection strings and in error messages
// that may echo them, so that they never reach logs or terminals.
package redact

import (
	"regexp"
	"strings"
)

// Mask is what a password is replaced with.
const Mask = "xxxxx"

// keyValuePassword matches a password given as a key/value pair: libpq
// "password=secret" or "password='se cret'", ADO "Password=secret;" or
// "Pwd={se;cret}", and URL query parameters "?password=secret&...".
var keyValuePassword = regexp.MustCompile(`(?i)\b(password|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"]|"")*"|\{(?:[^}]|\}\})*\}|[^\s&;]*)`)

// URL returns the connection string s with its password replaced by Mask.
// It understands URLs (postgres://user:pw@host/db, sqlserver://user:pw@host?database=x),
// password query parameters, libpq key=value strings and ADO strings
// (Password=...;). Strings without a password are returned unchanged.
func URL(s string) string {
	if start, end, ok := userinfoPassword(s, !strings.ContainsAny(s, " \t\r\n")); ok {
		s = s[:start] + Mask + s[end:]
	}
	return keyValuePassword.ReplaceAllString(s, "${1}${2}"+Mask)
}

// userinfoPassword finds the password of a URL's userinfo ("scheme://user:pw@host")
// and returns its byte range in s. With bare, a string without a scheme
// ("user:pw@host/db", a URL whose scheme was left out) counts as well:
// however the program reads it, its password must not be printed.
func userinfoPassword(s string, bare bool) (start, end int, ok bool) {
	i := strings.Index(s, "://")
	if i < 0 {
		if !bare {
			return 0, 0, false
		}
		i = -3 // the userinfo starts at the beginning
	}
	rest := s[i+3:]
	// The userinfo ends at the last '@' of the authority; the query and
	// fragment may hold '@' of their own (e-mail addresses in options).
	authority := rest
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		authority = rest[:q]
	}
	at := strings.LastIndexByte(authority, '@')
	if at < 0 {
		// A password holding an unescaped '?' or '#' ends the authority
		// early: then the userinfo runs to the last '@' of the whole string.
		at = strings.LastIndexByte(rest, '@')
	}
	if at < 0 {
		return 0, 0, false
	}
	colon := strings.IndexByte(rest[:at], ':')
	if colon < 0 {
		return 0, 0, false
	}
	return i + 3 + colon + 1, i + 3 + at, true
}

// passwords returns the passwords that the connection string s (one
// command-line argument, so a URL even without a scheme) holds, in the forms
// an error message could show them (raw and URL-escaped).
func passwords(s string) []string {
	var out []string
	if start, end, ok := userinfoPassword(s, true); ok && end > start {
		out = append(out, s[start:end])
	}
	for _, m := range keyValuePassword.FindAllStringSubmatch(s, -1) {
		v := m[3]
		if len(v) >= 2 && (v[0] == '\'' || v[0] == '"' || v[0] == '{') {
			v = v[1 : len(v)-1]
		}
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// minSecretLen is the shortest password Error scrubs out of free text: shorter
// ones would match ordinary words of the message and make it unreadable.
const minSecretLen = 4

// Message returns msg with every password removed: the connection strings
// urls (where they appear whole) and their passwords (where they appear
// alone) are masked, and so is any password=... pair.
func Message(msg string, urls ...string) string {
	for _, u := range urls {
		if u == "" {
			continue
		}
		msg = strings.ReplaceAll(msg, u, URL(u))
		for _, pw := range passwords(u) {
			if len(pw) >= minSecretLen {
				msg = strings.ReplaceAll(msg, pw, Mask)
			}
		}
	}
	return URL(msg)
}

// Error returns err with its message scrubbed as Message does. The result
// still unwraps to err, so errors.Is and errors.As keep working. A nil err
// gives nil.
func Error(err error, urls ...string) error {
	if err == nil {
		return nil
	}
	return &redacted{err: err, msg: Message(err.Error(), urls...)}
}

// redacted is an error whose message has been scrubbed.
type redacted struct {
	err error
	msg string
}

func (r *redacted) Error() string { return r.msg }
func (r *redacted) Unwrap() error { return r.err }

// OneLine wraps err so that its message prints on one line: errors that list
// several attempts one per line (pgx tries every address and TLS mode) print
// as their last line. The result still unwraps to err.
func OneLine(err error) error {
	if err == nil {
		return nil
	}
	return oneLine{err}
}

type oneLine struct{ err error }

func (e oneLine) Error() string {
	lines := strings.Split(strings.TrimSpace(e.err.Error()), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func (e oneLine) Unwrap() error { return e.err }
