package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// ANSI escape sequences of the plan view.
const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// WritePlan writes the human-readable plan: one line per change ("+ create
// table public.users"), its hazards beneath it ("    ! warning
// blocking-index: ..."), and a summary line; "No changes." for an empty plan.
// With color, lines carry ANSI colors (+ green, ~ yellow, - red; errors red,
// warnings yellow, info cyan).
func WritePlan(w io.Writer, plan *diff.Plan, color bool) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	var changes []*diff.Change
	var dialect schema.Dialect
	if plan != nil {
		changes, dialect = plan.Changes, plan.Dialect
	}
	ops := map[string]int{}
	sev := map[diff.Severity]int{}
	for _, c := range changes {
		op := Op(c)
		ops[op]++
		line := op + " " + Describe(dialect, c)
		if c != nil && c.Reason != "" {
			line += " (" + c.Reason + ")" // why an existing object is built again
		}
		b.WriteString(paint(opColor(op), line) + "\n")
		if c == nil {
			continue
		}
		for _, h := range c.Hazards {
			sev[h.Severity]++
			line := fmt.Sprintf("    ! %s %s: %s", h.Severity, h.Code, h.Message)
			b.WriteString(paint(severityColor(h.Severity), line) + "\n")
		}
	}
	if len(changes) == 0 {
		b.WriteString("No changes.\n")
	} else {
		b.WriteString(summary(len(changes), ops, sev) + "\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing plan: %w", err)
	}
	return nil
}

// summary renders "3 changes: 1 to add, 1 to change, 1 to drop; 1 warning".
func summary(n int, ops map[string]int, sev map[diff.Severity]int) string {
	s := fmt.Sprintf("%s: %d to add, %d to change, %d to drop", plural(n, "change", "changes"), ops["+"], ops["~"], ops["-"])
	var hs []string
	for _, x := range []struct {
		sev         diff.Severity
		one, others string
	}{{diff.Error, "error", "errors"}, {diff.Warning, "warning", "warnings"}, {diff.Info, "info", "info"}} {
		if n := sev[x.sev]; n > 0 {
			hs = append(hs, plural(n, x.one, x.others))
		}
	}
	if len(hs) > 0 {
		s += "; " + strings.Join(hs, ", ")
	}
	return s
}

// plural renders "1 change" or "2 changes".
func plural(n int, one, others string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, others)
}

// opColor is the color of a change line.
func opColor(op string) string {
	switch op {
	case "+":
		return ansiGreen
	case "-":
		return ansiRed
	default:
		return ansiYellow
	}
}

// severityColor is the color of a hazard line.
func severityColor(s diff.Severity) string {
	switch s {
	case diff.Error:
		return ansiRed
	case diff.Warning:
		return ansiYellow
	default:
		return ansiCyan
	}
}

// jsonPlan is the JSON view of a plan.
type jsonPlan struct {
	Dialect  schema.Dialect   `json:"dialect"`
	Changes  []jsonChange     `json:"changes"`
	Warnings []schema.Warning `json:"warnings,omitempty"`
}

// jsonChange is the JSON view of one change.
type jsonChange struct {
	Kind        diff.Kind       `json:"kind"`
	Op          string          `json:"op"`
	Description string          `json:"description"`
	Table       string          `json:"table,omitempty"`
	Hazards     []diff.Hazard   `json:"hazards"`
	Statements  []jsonStatement `json:"statements"`
	Change      *diff.Change    `json:"change"`
}

// jsonStatement is one SQL statement of a change.
type jsonStatement struct {
	SQL           string `json:"sql"`
	NoTransaction bool   `json:"no_transaction,omitempty"`
}

// WriteJSON writes the plan as indented JSON: the dialect and, for every
// change, its kind, op, description, table, hazards, the SQL statements it
// renders to, and the change itself as diff.Change marshals it; then the
// warnings of the databases compared, when there are any.
func WriteJSON(w io.Writer, plan *diff.Plan) error {
	out := jsonPlan{Changes: []jsonChange{}}
	if plan != nil {
		out.Dialect, out.Warnings = plan.Dialect, plan.Warnings
		stmts, err := SQL(plan)
		if err != nil {
			return err
		}
		byChange := map[*diff.Change][]jsonStatement{}
		for _, s := range stmts {
			byChange[s.Change] = append(byChange[s.Change], jsonStatement{SQL: s.SQL, NoTransaction: s.NoTransaction})
		}
		for _, c := range plan.Changes {
			jc := jsonChange{
				Kind: c.Kind, Op: Op(c), Description: Describe(plan.Dialect, c),
				Hazards: append([]diff.Hazard{}, c.Hazards...), Statements: byChange[c], Change: c,
			}
			if jc.Statements == nil {
				jc.Statements = []jsonStatement{}
			}
			if q, ok := tableOf(c); ok {
				jc.Table = q.String()
			}
			out.Changes = append(out.Changes, jc)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing plan as JSON: %w", err)
	}
	return nil
}
