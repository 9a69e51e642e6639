package review

import (
	"strings"

	"github.com/schemadiff/schemadiff/schema"
)

// isViewStatement reports whether the statement at token j (CREATE or DROP)
// creates or drops a PostgreSQL view or materialized view, which review
// reads (createView, dropView); p.i is past CREATE [OR REPLACE].
func (p *sqlParser) isViewStatement(j int) bool {
	return p.d == schema.Postgres && (p.toks[j].is("CREATE") || p.toks[j].is("DROP")) &&
		(p.at("VIEW") || p.at("MATERIALIZED", "VIEW"))
}

// createView reads CREATE [OR REPLACE] [MATERIALIZED] VIEW name [(columns)]
// [WITH (options)] AS query [WITH [LOCAL | CASCADED] CHECK OPTION]
// [WITH [NO] DATA] after CREATE
// (https://www.postgresql.org/docs/15/sql-createview.html).
func (p *sqlParser) createView() {
	replace := p.accept("OR", "REPLACE")
	v := &schema.View{Materialized: p.accept("MATERIALIZED"), Textual: true}
	p.expect("VIEW")
	ine := v.Materialized && p.accept("IF", "NOT", "EXISTS")
	q := p.qname()
	v.Schema, v.Name = q.Schema, q.Name
	if p.at("(") {
		v.Columns = p.nameList()
	}
	if p.accept("WITH") {
		for _, o := range strings.Split(p.parenText(), ",") {
			k, val, _ := strings.Cut(o, "=")
			k, val = strings.ToLower(strings.TrimSpace(k)), strings.Trim(strings.ToLower(strings.TrimSpace(val)), "'")
			switch k {
			case "check_option":
				v.CheckOption = val
			case "security_barrier":
				v.SecurityBarrier = val == "" || val == "true" || val == "on"
			case "security_invoker":
				v.SecurityInvoker = val == "" || val == "true" || val == "on"
			default:
				p.fail("view option %s is not understood", k)
			}
		}
	}
	p.expect("AS")
	end := len(p.toks)
	tail := func(kws ...string) bool {
		if end-len(kws) <= p.i {
			return false
		}
		for k, kw := range kws {
			if !p.toks[end-len(kws)+k].is(kw) {
				return false
			}
		}
		end -= len(kws)
		return true
	}
	switch {
	case tail("WITH", "NO", "DATA"):
		v.WithNoData = true
	case tail("WITH", "DATA"):
	case tail("WITH", "LOCAL", "CHECK", "OPTION"):
		v.CheckOption = "local"
	case tail("WITH", "CASCADED", "CHECK", "OPTION"), tail("WITH", "CHECK", "OPTION"):
		v.CheckOption = "cascaded"
	}
	if end <= p.i {
		p.fail("CREATE VIEW without a query")
	}
	v.Query = strings.TrimSpace(p.src[p.toks[p.i].start:p.toks[end-1].end])
	p.i = len(p.toks)
	p.emit(op{kind: opCreateView, view: v, ifExist: ine, replace: replace})
}

// dropView reads DROP [MATERIALIZED] VIEW [IF EXISTS] name, … after DROP.
func (p *sqlParser) dropView() {
	materialized := p.accept("MATERIALIZED")
	p.expect("VIEW")
	ie := p.accept("IF", "EXISTS")
	for {
		p.emit(op{kind: opDropView, table: p.qname(), ifExist: ie, view: &schema.View{Materialized: materialized}})
		if !p.accept(",") {
			break
		}
	}
}
