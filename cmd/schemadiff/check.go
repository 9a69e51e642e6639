package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/internal/migrate"
	"github.com/schemadiff/schemadiff/internal/redact"
	"github.com/schemadiff/schemadiff/render"
	"github.com/schemadiff/schemadiff/schema"
)

type checkCmd struct {
	Format string `help:"Output format: ${enum}." enum:"text,github,json" default:"text"`
	URL    string `help:"Database URL: a live database (postgres://, sqlserver://) to check for drift from the migrations' state." placeholder:"URL"`
	projectFlags
}

// Run checks, for CI, that the migrations hold the whole desired schema, and
// with --url that the live database is at the migrations' state.
func (c *checkCmd) Run(e *env) error {
	p, err := resolve(e, settings{projectFlags: c.projectFlags, URL: c.URL})
	if err != nil {
		return err
	}
	want, err := p.desiredOnDev(e)
	if err != nil {
		return err
	}
	d, err := migrate.Open(p.dir, p.format)
	if err != nil {
		return err
	}
	state, err := p.migrationState(e, d, want.Dialect)
	if err != nil {
		return err
	}
	if err := checkDropAll(state, want, p.allowDropAll); err != nil {
		return err
	}
	missing, err := diff.Compare(state, want, diff.Options{})
	if err != nil {
		return err
	}
	var drift *diff.Plan
	if p.url != "" {
		live, err := p.live(e, want.Dialect)
		if err != nil {
			return err
		}
		if drift, err = diff.Compare(live, state, diff.Options{}); err != nil {
			return err
		}
	}
	found := len(missing.Changes) > 0 || drift != nil && len(drift.Changes) > 0
	switch c.Format {
	case "github":
		err = githubAnnotations(e.stdout, missing, drift, want)
	case "json":
		err = checkJSON(e.stdout, p, missing, drift, len(d.Migrations))
	default:
		err = c.report(e, p, missing, drift, len(d.Migrations))
	}
	if err != nil {
		return err
	}
	if found {
		return errChanges
	}
	return nil
}

// report prints the check's findings as text: each plan and its SQL.
func (c *checkCmd) report(e *env, p *project, missing, drift *diff.Plan, n int) error {
	section := func(title string, plan *diff.Plan) error {
		fmt.Fprintln(e.stdout, title)
		if err := render.WritePlan(e.stdout, plan, e.color); err != nil {
			return err
		}
		stmts, err := render.SQL(plan)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "\n%s\n", render.Script(stmts))
		return err
	}
	ok := true
	if len(missing.Changes) > 0 {
		ok = false
		title := fmt.Sprintf("The schema has changes that no migration in %s holds (run `schemadiff generate -m MESSAGE`):", p.dir)
		if err := section(title, missing); err != nil {
			return err
		}
	}
	if drift != nil && len(drift.Changes) > 0 {
		ok = false
		title := fmt.Sprintf("The database %s drifted from the state the migrations lead to; to bring it back:", redact.URL(p.url))
		if err := section(title, drift); err != nil {
			return err
		}
	}
	if ok {
		what := "the schema"
		if drift != nil {
			what += ", and the database is at their state"
		}
		verb := "hold"
		if n == 1 {
			verb = "holds"
		}
		fmt.Fprintf(e.stdout, "OK: the %s in %s %s %s.\n", plural(n, "migration"), p.dir, verb, what)
	}
	return nil
}

// checkJSON writes the check's result as one JSON document: the migration
// directory, its number of migrations, whether all is well, and the changes
// no migration holds and (with --url) the database's drift, each a plan as
// `diff --format json` writes it (null when not checked).
func checkJSON(w io.Writer, p *project, missing, drift *diff.Plan, n int) error {
	doc := struct {
		OK         bool            `json:"ok"`
		Dir        string          `json:"dir"`
		Migrations int             `json:"migrations"`
		Missing    json.RawMessage `json:"missing"`
		Drift      json.RawMessage `json:"drift"`
	}{Dir: p.dir, Migrations: n, Missing: json.RawMessage("null"), Drift: json.RawMessage("null")}
	doc.OK = len(missing.Changes) == 0 && (drift == nil || len(drift.Changes) == 0)
	for _, x := range []struct {
		plan *diff.Plan
		out  *json.RawMessage
	}{{missing, &doc.Missing}, {drift, &doc.Drift}} {
		if x.plan == nil {
			continue
		}
		var b bytes.Buffer
		if err := render.WriteJSON(&b, x.plan); err != nil {
			return err
		}
		*x.out = bytes.TrimSpace(b.Bytes())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// githubAnnotations writes one workflow annotation per change, at the schema
// file position of the object when it is known, and a notice per warning of
// the database read (--url).
func githubAnnotations(w io.Writer, missing, drift *diff.Plan, want *schema.Database) error {
	var b strings.Builder
	tables := schema.NewLookup(want)
	for _, ch := range missing.Changes {
		annotate(&b, changePos(ch, tables), "schema change without a migration: "+render.Op(ch)+" "+render.Describe(missing.Dialect, ch)+" (run `schemadiff generate -m MESSAGE`)")
	}
	if drift != nil {
		for _, ch := range drift.Changes {
			annotate(&b, changePos(ch, tables), "database drift: the database needs "+render.Op(ch)+" "+render.Describe(drift.Dialect, ch)+" to be at the migrations' state")
		}
		for _, w := range drift.Warnings {
			// What the database holds that schemadiff does not read: information, not a failure.
			fmt.Fprintf(&b, "::notice::%s\n", strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace("warning: "+w.Object+": "+w.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// annotate writes one ::error line, escaped as GitHub's workflow commands want.
func annotate(b *strings.Builder, pos schema.Pos, msg string) {
	data := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(msg)
	if pos.File == "" {
		fmt.Fprintf(b, "::error::%s\n", data)
		return
	}
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	fmt.Fprintf(b, "::error file=%s,line=%d,col=%d::%s\n", prop.Replace(pos.File), pos.Line, pos.Column, data)
}

// changePos returns the schema-file position of the object a change is
// about: its own, else its table's in the desired schema, else none.
func changePos(c *diff.Change, want *schema.Lookup) schema.Pos {
	var candidates []schema.Pos
	if c.TableDef != nil {
		candidates = append(candidates, c.TableDef.Pos)
	}
	if c.Column != nil {
		candidates = append(candidates, c.Column.Pos)
	}
	if c.Index != nil {
		candidates = append(candidates, c.Index.Pos)
	}
	if c.PrimaryKey != nil {
		candidates = append(candidates, c.PrimaryKey.Pos)
	}
	if c.Unique != nil {
		candidates = append(candidates, c.Unique.Pos)
	}
	if c.Check != nil {
		candidates = append(candidates, c.Check.Pos)
	}
	if c.Exclude != nil {
		candidates = append(candidates, c.Exclude.Pos)
	}
	if c.ForeignKey != nil {
		candidates = append(candidates, c.ForeignKey.Pos)
	}
	if c.Enum != nil {
		candidates = append(candidates, c.Enum.Pos)
	}
	if c.Schema != nil {
		candidates = append(candidates, c.Schema.Pos)
	}
	if t := want.Table(c.Table); t != nil {
		candidates = append(candidates, t.Pos)
	}
	for _, p := range candidates {
		if !p.IsZero() {
			return p
		}
	}
	return schema.Pos{}
}
