package schema

import (
	"bytes"
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/schemadiff/schemadiff/internal/parallel"
)

// WriteHCL writes db as an HCL desired-schema file that Load reads back to
// the same model (positions aside). db should be canonical (Normalize); the
// output is deterministic.
func WriteHCL(w io.Writer, db *Database) error {
	root, err := fileTree(db)
	if err != nil {
		return err
	}
	// The file's top-level items are laid out one by one, on all cores:
	// hclwrite.Format aligns attributes within a body only, and every two
	// top-level items are apart by a blank line, so the items laid out
	// apart and joined are the whole file laid out — and formatting the
	// whole 8 MB file of 5,000 tables at once takes seconds.
	var top []*wnode // one file-level wnode per top-level item
	for _, f := range root.fields {
		if blocks, ok := f.value.([]*wnode); ok {
			for _, b := range blocks {
				top = append(top, &wnode{fields: []wfield{{f.key, []*wnode{b}}}})
			}
			continue
		}
		top = append(top, &wnode{fields: []wfield{f}})
	}
	items := make([][]byte, len(top))
	parallel.Do(len(top), func(i int) {
		f := hclwrite.NewEmptyFile()
		writeHCLBody(f.Body(), top[i])
		items[i] = hclwrite.Format(f.Bytes())
	})
	if _, err := w.Write(bytes.Join(items, []byte("\n"))); err != nil {
		return fmt.Errorf("write hcl: %w", err)
	}
	return nil
}

func writeHCLBody(body *hclwrite.Body, n *wnode) {
	spaced := n.kind == "" || n.kind == "table"
	prev, wrote := "", false
	// separate blocks of the file and of a table by blank lines, except
	// consecutive columns
	space := func(key string) {
		if spaced && wrote && (key != prev || key != "column") {
			body.AppendNewline()
		}
		prev = key
	}
	for _, f := range n.fields {
		switch v := f.value.(type) {
		case *wnode:
			space(f.key)
			writeHCLBody(body.AppendNewBlock(f.key, nil).Body(), v)
		case []*wnode:
			for _, c := range v {
				space(f.key)
				var labels []string
				if c.named {
					labels = []string{c.name}
				}
				writeHCLBody(body.AppendNewBlock(f.key, labels).Body(), c)
			}
		case *Default:
			body.SetAttributeRaw(f.key, hclDefault(v))
		default:
			body.SetAttributeValue(f.key, ctyValue(v))
		}
		wrote = true
	}
}

// hclDefault spells a (checked) default: a literal, or sql("...").
func hclDefault(d *Default) hclwrite.Tokens {
	switch d.Kind {
	case DefaultExpr:
		return hclwrite.TokensForFunctionCall("sql", hclwrite.TokensForValue(cty.StringVal(d.Source.Or(d.Value))))
	case DefaultNumber:
		return hclwrite.TokensForValue(cty.MustParseNumberVal(d.Value))
	case DefaultBool:
		return hclwrite.TokensForValue(cty.BoolVal(d.Value == "true"))
	}
	return hclwrite.TokensForValue(cty.StringVal(d.Source.Or(d.Value)))
}

func ctyValue(v any) cty.Value {
	switch v := v.(type) {
	case string:
		return cty.StringVal(v)
	case bool:
		return cty.BoolVal(v)
	case int64:
		return cty.NumberIntVal(v)
	case []string:
		vals := make([]cty.Value, len(v))
		for i, s := range v {
			vals[i] = cty.StringVal(s)
		}
		return cty.TupleVal(vals)
	}
	panic(fmt.Sprintf("schema: no HCL spelling for %T", v))
}

// wnode is one object of a schema file to write, in the terms both writers
// share: HCL blocks are YAML mappings, lists of blocks are YAML lists under
// the plural key (yamlListKey), a block label is YAML's name key.
type wnode struct {
	kind   string // HCL block type ("" for the file)
	name   string // the label
	named  bool   // whether there is a label
	fields []wfield
}

// wfield is an attribute (string, bool, int64, []string, *Default) or nested
// objects (*wnode, []*wnode).
type wfield struct {
	key   string
	value any
}

// set adds a field unless v is its zero value.
func (n *wnode) set(key string, v any) {
	switch x := v.(type) {
	case string:
		if x == "" {
			return
		}
	case bool:
		if !x {
			return
		}
	case int64:
		if x == 0 {
			return
		}
	case []string:
		if len(x) == 0 {
			return
		}
	case *bool:
		if x == nil {
			return
		}
		v = *x
	case *int64:
		if x == nil {
			return
		}
		v = *x
	case *Default:
		if x == nil {
			return
		}
	case *wnode:
		if x == nil {
			return
		}
	case []*wnode:
		if len(x) == 0 {
			return
		}
	}
	n.fields = append(n.fields, wfield{key, v})
}

// fileTree turns db into the objects of a schema file.
func fileTree(db *Database) (*wnode, error) {
	def := db.Dialect.DefaultSchema()
	root := &wnode{}
	root.set("dialect", string(db.Dialect))
	var schemas, enums, tables []*wnode
	for _, s := range db.Schemas {
		n := &wnode{kind: "schema", name: s.Name, named: true}
		n.set("comment", s.Comment)
		schemas = append(schemas, n)
	}
	for _, e := range db.Enums {
		n := &wnode{kind: "enum", name: e.Name, named: true}
		n.set("schema", otherThan(e.Schema, def))
		n.fields = append(n.fields, wfield{"values", append([]string{}, e.Values...)})
		n.set("comment", e.Comment)
		enums = append(enums, n)
	}
	for _, t := range db.Tables {
		n, err := tableTree(t, def)
		if err != nil {
			return nil, err
		}
		tables = append(tables, n)
	}
	root.set("schema", schemas)
	root.set("enum", enums)
	extensions, sequences, domains, composites := typeObjectTrees(db, def)
	root.set("extension", extensions)
	root.set("domain", domains)
	root.set("composite_type", composites)
	root.set("sequence", sequences)
	root.set("table", tables)
	views, matviews := viewTrees(db.Views, def)
	root.set("view", views)
	root.set("materialized_view", matviews)
	functions, procedures, triggers := functionTrees(db, def)
	root.set("function", functions)
	root.set("procedure", procedures)
	root.set("trigger", triggers)
	var policies []*wnode
	for _, p := range db.Policies {
		policies = append(policies, policyTree(p, def))
	}
	root.set("policy", policies)
	return root, nil
}

func otherThan(s, def string) string {
	if s == def {
		return ""
	}
	return s
}

func tableTree(t *Table, def string) (*wnode, error) {
	n := &wnode{kind: "table", name: t.Name, named: true}
	n.set("schema", otherThan(t.Schema, def))
	n.set("comment", t.Comment)
	n.set("renamed_from", t.RenamedFrom)
	n.set("unlogged", t.Unlogged)
	n.set("storage_parameters", t.StorageParameters)
	n.set("replica_identity", t.ReplicaIdentity)
	n.set("replica_identity_index", t.ReplicaIdentityIndex)
	n.set("row_security", t.RowSecurity)
	n.set("force_row_security", t.ForceRowSecurity)
	if t.PartitionBy != nil {
		n.set("partition_by", partitionKeyTree(t.PartitionBy))
	}
	if t.PartitionOf != nil {
		n.set("partition_of", partitionOfTree(t))
	}
	var cols, uniques, indexes, fks, checks []*wnode
	for _, c := range t.Columns {
		cn, err := columnTree(c)
		if err != nil {
			return nil, fmt.Errorf("write table %s: %w", t.QName(), err)
		}
		cols = append(cols, cn)
	}
	n.set("column", cols)
	if pk := t.PrimaryKey; pk != nil {
		pn := &wnode{kind: "primary_key"}
		pn.set("name", pk.Name)
		pn.set("columns", pk.Columns)
		pn.set("clustered", pk.Clustered)
		pn.set("desc", pk.Desc)
		pn.set("deferrable", pk.Deferrable)
		pn.set("initially_deferred", pk.InitiallyDeferred)
		pn.set("comment", pk.Comment)
		n.set("primary_key", pn)
	}
	for _, u := range t.Uniques {
		un := &wnode{kind: "unique", name: u.Name, named: u.Name != ""}
		un.set("columns", u.Columns)
		un.set("clustered", u.Clustered)
		un.set("desc", u.Desc)
		un.set("nulls_not_distinct", u.NullsNotDistinct)
		un.set("deferrable", u.Deferrable)
		un.set("initially_deferred", u.InitiallyDeferred)
		un.set("comment", u.Comment)
		uniques = append(uniques, un)
	}
	for _, ix := range t.Indexes {
		indexes = append(indexes, indexTree(ix))
	}
	for _, fk := range t.ForeignKeys {
		fn := &wnode{kind: "foreign_key", name: fk.Name, named: fk.Name != ""}
		fn.set("columns", fk.Columns)
		ref := fk.RefTable
		if fk.RefSchema != t.Schema {
			ref = fk.RefSchema + "." + fk.RefTable
		}
		fn.set("ref_table", ref)
		fn.set("ref_columns", fk.RefColumns)
		fn.set("on_delete", fk.OnDelete)
		fn.set("on_update", fk.OnUpdate)
		fn.set("deferrable", fk.Deferrable)
		fn.set("initially_deferred", fk.InitiallyDeferred)
		setConstraintState(fn, fk.ConstraintState)
		fn.set("match_full", fk.MatchFull)
		fn.set("not_valid", fk.NotValid)
		fn.set("comment", fk.Comment)
		fks = append(fks, fn)
	}
	for _, ck := range t.Checks {
		cn := &wnode{kind: "check", name: ck.Name, named: ck.Name != ""}
		cn.set("expr", ck.Source.Or(ck.Expr))
		setConstraintState(cn, ck.ConstraintState)
		cn.set("not_valid", ck.NotValid)
		cn.set("no_inherit", ck.NoInherit)
		cn.set("comment", ck.Comment)
		checks = append(checks, cn)
	}
	n.set("unique", uniques)
	n.set("index", indexes)
	n.set("foreign_key", fks)
	n.set("check", checks)
	var excludes []*wnode
	for _, x := range t.Excludes {
		excludes = append(excludes, excludeTree(x))
	}
	n.set("exclude", excludes)
	return n, nil
}

func columnTree(c *Column) (*wnode, error) {
	n := &wnode{kind: "column", name: c.Name, named: true}
	n.set("type", c.Type)
	n.set("null", c.Null)
	if d := c.Default; d != nil {
		switch d.Kind {
		case DefaultString, DefaultExpr:
		case DefaultBool:
			if d.Value != "true" && d.Value != "false" {
				return nil, fmt.Errorf("column %s: bool default %q is neither true nor false", c.Name, d.Value)
			}
		case DefaultNumber:
			if _, err := cty.ParseNumberVal(d.Value); err != nil {
				return nil, fmt.Errorf("column %s: number default %q: %w", c.Name, d.Value, err)
			}
		default:
			return nil, fmt.Errorf("column %s: unknown default kind %q", c.Name, d.Kind)
		}
	}
	n.set("default", c.Default)
	if id := c.Identity; id != nil {
		in := &wnode{kind: "identity"}
		in.set("always", id.Always)
		in.set("seed", id.Seed)
		in.set("increment", id.Increment)
		in.set("min_value", id.MinValue)
		in.set("max_value", id.MaxValue)
		in.set("cache", id.Cache)
		in.set("cycle", id.Cycle)
		in.set("not_for_replication", id.NotForReplication)
		n.set("identity", in)
	}
	if cp := c.Computed; cp != nil {
		cn := &wnode{kind: "computed"}
		cn.set("expr", cp.Source.Or(cp.Expr))
		cn.set("persisted", cp.Persisted)
		n.set("computed", cn)
	}
	n.set("collation", c.Collation)
	n.set("comment", c.Comment)
	n.set("compression", c.Compression)
	n.set("storage", c.Storage)
	n.set("unique", c.Unique)
	n.set("renamed_from", c.RenamedFrom)
	n.set("using", c.Using)
	n.set("using_down", c.UsingDown)
	n.set("default_name", c.DefaultName)
	return n, nil
}

func indexTree(ix *Index) *wnode {
	n := &wnode{kind: "index", name: ix.Name, named: ix.Name != ""}
	plain := len(ix.Parts) > 0
	var cols []string
	for _, p := range ix.Parts {
		if p.Column == "" || p.Desc || p.Nulls != "" || p.Opclass != "" || p.Collation != "" {
			plain = false
		}
		cols = append(cols, p.Column)
	}
	if plain {
		n.set("columns", cols)
	} else {
		var parts []*wnode
		for _, p := range ix.Parts {
			parts = append(parts, keyPartTree("on", p))
		}
		n.set("on", parts)
	}
	n.set("columnstore", ix.Columnstore)
	n.set("unique", ix.Unique)
	n.set("include", ix.Include)
	n.set("where", ix.WhereSource.Or(ix.Where))
	n.set("using", ix.Using)
	n.set("clustered", ix.Clustered)
	n.set("fill_factor", ix.FillFactor)
	n.set("pad_index", ix.PadIndex)
	n.set("ignore_dup_key", ix.IgnoreDupKey)
	n.set("data_compression", ix.DataCompression)
	n.set("nulls_not_distinct", ix.NullsNotDistinct)
	n.set("with", ix.With)
	n.set("comment", ix.Comment)
	return n
}

// keyPartTree writes an index key as a block of kind (index `on`, exclude
// `element`).
func keyPartTree(kind string, p IndexPart) *wnode {
	pn := &wnode{kind: kind}
	pn.set("column", p.Column)
	pn.set("expr", p.ExprSource.Or(p.Expr))
	pn.set("desc", p.Desc)
	pn.set("nulls", p.Nulls)
	pn.set("opclass", p.Opclass)
	pn.set("collation", p.Collation)
	return pn
}

// excludeTree writes an exclusion constraint; using is left out when it is
// gist (the default).
func excludeTree(x *Exclude) *wnode {
	n := &wnode{kind: "exclude", name: x.Name, named: x.Name != ""}
	if x.Using != "gist" {
		n.set("using", x.Using)
	}
	var elems []*wnode
	for _, e := range x.Elements {
		en := keyPartTree("element", e.IndexPart)
		en.set("operator", e.Operator)
		elems = append(elems, en)
	}
	n.set("element", elems)
	n.set("include", x.Include)
	n.set("where", x.WhereSource.Or(x.Where))
	n.set("with", x.With)
	n.set("deferrable", x.Deferrable)
	n.set("initially_deferred", x.InitiallyDeferred)
	n.set("comment", x.Comment)
	return n
}

// setConstraintState writes the SQL Server state of a foreign key or check;
// nocheck is left out when disabled implies it.
func setConstraintState(n *wnode, s ConstraintState) {
	n.set("nocheck", s.NoCheck && !s.Disabled)
	n.set("disabled", s.Disabled)
	n.set("not_for_replication", s.NotForReplication)
}
