package schema

import "strings"

// Diagnostic is one problem found in schema input: where it is, what is wrong,
// and what to do about it.
type Diagnostic struct {
	Pos     Pos    `json:"pos"`              // where; zero when the problem has no source position
	Object  string `json:"object,omitempty"` // the object concerned, e.g. "table public.users column email"
	Message string `json:"message"`          // what is wrong, one sentence, no trailing period
	Hint    string `json:"hint,omitempty"`   // what to do, one sentence, may be empty
}

// Error renders the diagnostic as one line: "file:line:col: object: message (hint)".
func (d Diagnostic) Error() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Object != "" {
		b.WriteString(d.Object)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Diagnostics is a list of problems; as an error it prints one per line.
type Diagnostics []Diagnostic

// Error prints every diagnostic on its own line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns ds as an error, or nil when it is empty.
func (ds Diagnostics) Err() error {
	if len(ds) == 0 {
		return nil
	}
	return ds
}
