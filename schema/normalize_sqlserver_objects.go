package schema

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
)

// sqlserverObjects brings the views, functions, procedures, triggers and
// sequences of a SQL Server database to canonical form (see the canonical
// notes of View, Function, Trigger and Sequence) and sorts them. Module
// text the header reader cannot read is still compared, normalized as a
// whole: validation reports it for schema files. Their schemas are listed
// by n.schemas.
func (n *normalizer) sqlserverObjects() {
	def := n.d.DefaultSchema()
	for _, v := range n.db.Views {
		v.Schema = cmp.Or(v.Schema, def)
		msNormalizeView(v)
	}
	for _, f := range n.db.Functions {
		f.Schema = cmp.Or(f.Schema, def)
		msNormalizeFunction(f)
	}
	for _, t := range n.db.Triggers {
		t.Schema = cmp.Or(t.Schema, def)
		msNormalizeTrigger(t)
	}
	for _, s := range n.db.Sequences {
		s.Schema = cmp.Or(s.Schema, def)
		if err := msNormalizeSequence(s); err != nil {
			n.errorf(s.Pos, "sequence "+s.QName().String(), "use tinyint, smallint, int, bigint, or decimal/numeric with scale 0 (CREATE SEQUENCE, AS)", "%v", err)
		}
	}
	names := NewLookup(n.db) // with the views' schemas filled in above
	for _, v := range n.db.Views {
		// what the query names, beside what the catalog said: a view of a
		// schema file has only these, by which views over views are ordered
		// and a schema-bound view is dropped around an ALTER COLUMN of a
		// column it reads (Msg 5074)
		v.DependsOn = SortRefs(append(v.DependsOn, ViewDependsOn(n.db, names, v)...))
	}
	byName := func(q QName) string { return q.Schema + "\x00" + q.Name }
	sortByName(n.db.Views, func(v *View) string { return byName(v.QName()) })
	sortByName(n.db.Functions, func(f *Function) string { return byName(QName{f.Schema, f.Name}) })
	sortByName(n.db.Triggers, func(t *Trigger) string { return byName(t.TableQName()) + "\x00" + t.Name })
	sortByName(n.db.Sequences, func(s *Sequence) string { return byName(s.QName()) })
}

// msNormalizeView: Source keeps the text (module or bare SELECT); a module
// header sets Columns, SchemaBinding and CheckOption ("cascaded": T-SQL's
// only kind); Query is the SELECT in NormalizeModule form, which makes the
// comparison textual (SQL Server has no deparsed form of a view to compare).
func msNormalizeView(v *View) {
	text := strings.TrimSpace(v.Source.Or(v.Query))
	v.Source = SourceText(text)
	query := text
	if h, err := ParseModule(text); err == nil && h.Kind == ModuleView {
		query = text[h.QueryStart:h.QueryEnd]
		v.SchemaBinding = v.SchemaBinding || slices.Contains(h.Options, "schemabinding")
		if len(h.Columns) > 0 {
			v.Columns = h.Columns
		}
		if h.CheckOption {
			v.CheckOption = "cascaded"
		}
	}
	v.Query = NormalizeModule(query, "", QName{}, v.Settings)
	v.Textual = true
}

// sortRefs sorts object references by kind, schema, name and column.
func sortRefs(refs []ObjectRef) {
	sortByName(refs, func(r ObjectRef) string {
		return string(r.Kind) + "\x00" + r.Schema + "\x00" + r.Name + "\x00" + r.Column
	})
}

// msNormalizeFunction: Source keeps the module text; the header says
// whether it is a procedure; Body is the NormalizeModule form.
func msNormalizeFunction(f *Function) {
	text := strings.TrimSpace(f.Source.Or(f.Body))
	f.Source = SourceText(text)
	kind := ModuleFunction
	if h, err := ParseModule(text); err == nil && (h.Kind == ModuleFunction || h.Kind == ModuleProcedure) {
		f.Procedure = h.Kind == ModuleProcedure
	}
	if f.Procedure {
		kind = ModuleProcedure
	}
	f.Body = NormalizeModule(text, kind, QName{f.Schema, f.Name}, f.Settings)
	sortRefs(f.DependsOn)
}

// msNormalizeTrigger: Source keeps the module text; the header sets the
// table (when unset), Timing and Events; Body is the NormalizeModule form.
// SQL Server triggers fire once per statement (ForEachRow false).
func msNormalizeTrigger(t *Trigger) {
	text := strings.TrimSpace(t.Source.Or(t.Body))
	t.Source = SourceText(text)
	if h, err := ParseModule(text); err == nil && h.Kind == ModuleTrigger {
		t.Table = cmp.Or(t.Table, h.Table.Name)
		t.Timing, t.Events = h.Timing, h.Events
	}
	t.Timing = strings.ToLower(t.Timing)
	if t.Timing == "for" {
		t.Timing = "after"
	}
	t.Body = NormalizeModule(text, ModuleTrigger, QName{t.Schema, t.Name}, t.Settings)
}

// msNormalizeSequence: Type canonical ("bigint" when unset, as CREATE
// SEQUENCE's default); Increment 1 when unset; MinValue and MaxValue nil
// when they are the type's bounds (what sys.sequences shows when none was
// given); Start, when unset (0) and outside the bounds, the bound the
// sequence starts from (schemadiff always writes START WITH, so an unset
// start that fits is 0, not SQL Server's default of the type's minimum);
// Cache 0 for the default CACHE, 1 for NO CACHE.
func msNormalizeSequence(s *Sequence) error {
	typ, err := CanonicalType(SQLServer, cmp.Or(s.Type, "bigint"))
	if err != nil {
		return err
	}
	s.Type = typ
	lo, hi, err := SQLServerSequenceBounds(typ)
	if err != nil {
		return err
	}
	if s.Increment == 0 {
		s.Increment = 1
	}
	if s.MinValue != nil && lo.IsInt64() && *s.MinValue == lo.Int64() {
		s.MinValue = nil
	}
	if s.MaxValue != nil && hi.IsInt64() && *s.MaxValue == hi.Int64() {
		s.MaxValue = nil
	}
	if s.Start == 0 {
		minV, maxV := clampInt64(lo), clampInt64(hi)
		if s.MinValue != nil {
			minV = *s.MinValue
		}
		if s.MaxValue != nil {
			maxV = *s.MaxValue
		}
		switch {
		case minV > 0:
			s.Start = minV
		case maxV < 0:
			s.Start = maxV
		}
	}
	return nil
}

// clampInt64 returns b, or the int64 bound nearest to it.
func clampInt64(b *big.Int) int64 {
	switch {
	case b.IsInt64():
		return b.Int64()
	case b.Sign() < 0:
		return math.MinInt64
	}
	return math.MaxInt64
}

// SQLServerSequenceBounds returns the smallest and largest values of a
// sequence of canonical SQL Server type typ: those of tinyint, smallint,
// int and bigint, and ±(10^p − 1) for decimal(p,0) and numeric(p,0)
// ("CREATE SEQUENCE (Transact-SQL)": a sequence takes any integer type, or
// decimal or numeric with a scale of 0). Other types are an error.
func SQLServerSequenceBounds(typ string) (lo, hi *big.Int, err error) {
	switch typ {
	case "tinyint":
		return big.NewInt(0), big.NewInt(255), nil
	case "smallint":
		return big.NewInt(math.MinInt16), big.NewInt(math.MaxInt16), nil
	case "int":
		return big.NewInt(math.MinInt32), big.NewInt(math.MaxInt32), nil
	case "bigint":
		return big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64), nil
	}
	var base string
	var prec, scale int
	if p, ok := parseTypeText(typ); ok && (p.base == "decimal" || p.base == "numeric") && len(p.args) == 2 {
		if args, ok := intArgs(p.args); ok {
			base, prec, scale = p.base, args[0], args[1]
		}
	}
	if base == "" || scale != 0 {
		return nil, nil, fmt.Errorf("a sequence's type must be an integer type, or decimal or numeric with scale 0; %q is not", typ)
	}
	hi = new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(prec)), nil), big.NewInt(1))
	return new(big.Int).Neg(hi), hi, nil
}

// cloneObjects copies the objects of the kinds of objects.go from db into
// out, deep enough that normalizing out never changes db.
func cloneObjects(out, db *Database) {
	out.Extensions = cloneEach(db.Extensions, func(e Extension) Extension { return e })
	out.Sequences = cloneEach(db.Sequences, func(s Sequence) Sequence {
		s.MinValue, s.MaxValue = clonePtr(s.MinValue), clonePtr(s.MaxValue)
		return s
	})
	out.Domains = cloneEach(db.Domains, func(d Domain) Domain {
		if d.Default != nil {
			def := *d.Default
			d.Default = &def
		}
		d.Checks = cloneEach(d.Checks, func(c Check) Check { return c })
		return d
	})
	out.CompositeTypes = cloneEach(db.CompositeTypes, func(c CompositeType) CompositeType {
		c.Attributes = cloneEach(c.Attributes, func(a TypeAttribute) TypeAttribute { return a })
		return c
	})
	out.Views = cloneEach(db.Views, func(v View) View {
		v.Columns, v.DependsOn = cloneStrings(v.Columns), slices.Clone(v.DependsOn)
		v.Indexes = cloneEach(v.Indexes, func(x Index) Index {
			x.Parts, x.Include, x.With = slices.Clone(x.Parts), cloneStrings(x.Include), cloneStrings(x.With)
			x.Clustered = cloneBool(x.Clustered)
			return x
		})
		return v
	})
	out.Functions = cloneEach(db.Functions, func(f Function) Function {
		f.Args = cloneEach(f.Args, func(a FunctionArg) FunctionArg { return a })
		f.Set, f.DependsOn = cloneStrings(f.Set), slices.Clone(f.DependsOn)
		return f
	})
	out.Triggers = cloneEach(db.Triggers, func(t Trigger) Trigger {
		t.Events, t.UpdateOf, t.Args = cloneStrings(t.Events), cloneStrings(t.UpdateOf), cloneStrings(t.Args)
		return t
	})
	out.Policies = cloneEach(db.Policies, func(p Policy) Policy {
		p.Roles = cloneStrings(p.Roles)
		return p
	})
}

// cloneEach returns copies of the objects xs points to, each passed
// through deep (which copies what the object points to); nil for none.
func cloneEach[T any](xs []*T, deep func(T) T) []*T {
	if xs == nil {
		return nil
	}
	out := make([]*T, len(xs))
	for i, x := range xs {
		c := deep(*x)
		out[i] = &c
	}
	return out
}

// clonePtr returns a copy of *p, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
