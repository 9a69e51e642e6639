package render

import (
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// describeFunctionChange describes a change of a function, procedure or
// trigger, e.g. "create function public.add(integer, integer)", "replace
// function public.touch(): body, volatility", "disable trigger t_audit on
// public.users".
func describeFunctionChange(d schema.Dialect, c *diff.Change) string {
	verb := strings.SplitN(string(c.Kind), "_", 2)[0]
	if f := c.Function; f != nil {
		name := f.Kind() + " " + f.Schema + "." + f.Signature()
		if d == schema.SQLServer { // a module: its parameters are in its text
			name = f.Kind() + " " + f.Schema + "." + f.Name
		}
		switch c.Kind {
		case diff.CommentFunction:
			return describeComment(name, c.Comment)
		case diff.ReplaceFunction:
			if parts := functionParts(c); len(parts) > 0 {
				return "replace " + name + ": " + strings.Join(parts, ", ")
			}
		}
		return verb + " " + name
	}
	t := c.Trigger
	if t == nil {
		return verb + " trigger"
	}
	name := "trigger " + t.Name + " on " + t.TableQName().String()
	switch {
	case c.Kind == diff.CommentTrigger:
		return describeComment(name, c.Comment)
	case c.Kind == diff.ReplaceTrigger && c.OldTrigger != nil && c.OldTrigger.SameDefinition(t):
		return strings.ToLower(pgTriggerStates[t.Enabled]) + " " + name
	}
	return verb + " " + name
}

// functionParts lists what a ReplaceFunction changes.
func functionParts(c *diff.Change) []string {
	a, b := c.OldFunction, c.Function
	if a == nil {
		return nil
	}
	var parts []string
	for _, p := range []struct {
		name    string
		changed bool
	}{
		{"body", strings.TrimSpace(a.Body) != strings.TrimSpace(b.Body)},
		{"language", a.Language != b.Language},
		{"volatility", a.Volatility != b.Volatility},
		{"strict", a.Strict != b.Strict},
		{"security definer", a.SecurityDefiner != b.SecurityDefiner},
		{"leakproof", a.Leakproof != b.Leakproof},
		{"parallel", a.Parallel != b.Parallel},
		{"cost", a.Cost != b.Cost},
		{"rows", a.Rows != b.Rows},
		{"set options", !slices.Equal(a.Set, b.Set)},
		{"argument defaults", !slices.EqualFunc(a.Args, b.Args, func(x, y *schema.FunctionArg) bool { return x.Default == y.Default })},
	} {
		if p.changed {
			parts = append(parts, p.name)
		}
	}
	return parts
}
