package schema

import (
	"regexp"
	"strings"
)

// pgTimestampLiteral matches an ISO timestamp or date literal: date, then an
// optional time (seconds and fraction optional), then an optional numeric
// zone offset or Z.
var pgTimestampLiteral = regexp.MustCompile(`^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$`)

// pgTimestampText returns an ISO timestamp literal as "YYYY-MM-DD
// HH:MM:SS[.fraction]", without its zone offset, or as "YYYY-MM-DD" when its
// time is midnight, and false for other text (a date stays as it is). PostgreSQL stores a timestamptz literal as the instant printed
// in the session's time zone ('2000-01-01' as '2000-01-01 00:00:00+00'): a
// literal written without a zone, or with the session's, then reads the same
// wall-clock time, so both compare equal; one written for another zone does
// not (a change is shown, as before).
func pgTimestampText(s string) (string, bool) {
	m := pgTimestampLiteral.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	clock, sec := m[2], m[3]
	if sec == "" {
		sec = ":00"
	}
	if clock == "" || clock == "00:00" && strings.TrimRight(strings.TrimLeft(sec, ":0"), ".0") == "" {
		return m[1], true
	}
	return m[1] + " " + clock + sec, true
}
