package render

import (
	"fmt"
	"strings"
	"time"
)

// Timeouts are the session settings a PostgreSQL migration planned with
// --online opens with ("Client Connection Defaults": lock_timeout,
// statement_timeout): a statement that waits longer than Lock for a lock
// fails instead of queueing every later query of the table behind it, and
// one that runs longer than Statement is cancelled. Zero turns a limit off.
type Timeouts struct {
	Lock      time.Duration
	Statement time.Duration
}

// Statements returns the SET statements of t, in milliseconds rounded up
// (PostgreSQL reads a unitless value as milliseconds).
func (t Timeouts) Statements() []string {
	return []string{
		fmt.Sprintf("SET lock_timeout = %d", ceilMillis(t.Lock)),
		fmt.Sprintf("SET statement_timeout = %d", ceilMillis(t.Statement)),
	}
}

// Script returns the statements of t as the opening of an SQL script: each
// followed by ";\n", then a blank line.
func (t Timeouts) Script() string {
	return strings.Join(t.Statements(), ";\n") + ";\n\n"
}

// PGOptions returns t as the value of PGOPTIONS that sets it on a new
// connection ("-c lock_timeout=5000 -c statement_timeout=0").
func (t Timeouts) PGOptions() string {
	return fmt.Sprintf("-c lock_timeout=%d -c statement_timeout=%d", ceilMillis(t.Lock), ceilMillis(t.Statement))
}

// ceilMillis returns d in whole milliseconds, rounded up.
func ceilMillis(d time.Duration) int64 { return int64((d + time.Millisecond - 1) / time.Millisecond) }
