package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// jsonSchemaFile is the JSON Schema of the YAML format, for editors
// (yaml-language-server) and CI.
const jsonSchemaFile = "../docs/schemadiff.schema.json"

func compileJSONSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(jsonSchemaFile)
	if err != nil {
		t.Fatalf("compile %s: %v", jsonSchemaFile, err)
	}
	return sch
}

// validateYAML validates YAML text against the JSON Schema.
func validateYAML(t *testing.T, sch *jsonschema.Schema, src []byte) error {
	t.Helper()
	js, err := yaml.YAMLToJSON(src)
	if err != nil {
		t.Fatalf("YAML to JSON: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(doc)
}

// TestYAMLFilesMatchJSONSchema: every YAML schema file in testdata, and the
// YAML the writer makes of every HCL example, is valid under the JSON
// Schema (validated by a real JSON Schema validator) and loads.
func TestYAMLFilesMatchJSONSchema(t *testing.T) {
	sch := compileJSONSchema(t)
	var yamls, hcls []string
	for _, root := range []string{"testdata", "../testdata"} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			switch strings.ToLower(filepath.Ext(p)) {
			case ".yaml", ".yml":
				yamls = append(yamls, p)
			case ".hcl":
				hcls = append(hcls, p)
			}
			return err
		})
	}
	if len(yamls) < 5 || len(hcls) < 5 {
		t.Fatalf("found %d YAML and %d HCL files in testdata; the walk is broken", len(yamls), len(hcls))
	}
	for _, p := range yamls {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, sch, src); err != nil {
			t.Errorf("%s is not valid under %s: %v", p, jsonSchemaFile, err)
		}
		if _, err := Load(LoadOptions{}, p); err != nil && !strings.Contains(p, "folder") {
			t.Errorf("%s does not load: %v", p, err)
		}
	}
	written := 0
	for _, p := range hcls {
		db, err := Load(LoadOptions{Dialect: Postgres}, p)
		if err != nil {
			continue // a file of a folder, or an intentionally broken one
		}
		written++
		var out bytes.Buffer
		if err := WriteYAML(&out, db); err != nil {
			t.Fatal(err)
		}
		if err := validateYAML(t, sch, out.Bytes()); err != nil {
			t.Errorf("the YAML written for %s is not valid under %s: %v\n%s", p, jsonSchemaFile, err, out.String())
		}
	}
	if written < len(hcls)/2 {
		t.Errorf("only %d of %d HCL files in testdata load", written, len(hcls))
	}
}

// TestJSONSchemaKeysMatchLoader: for every object of the format, the keys
// the JSON Schema allows are exactly the keys the loader accepts. The loader
// is asked by an unknown key in each object, which it rejects listing the
// keys it knows ("expected one of …").
func TestJSONSchemaKeysMatchLoader(t *testing.T) {
	raw, err := os.ReadFile(jsonSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties map[string]any `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]struct {
				Properties map[string]any `json:"properties"`
				OneOf      []struct {
					Properties map[string]any `json:"properties"`
				} `json:"oneOf"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		out := []string{}
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	defKeys := func(def string) []string {
		out := []string{}
		for k := range doc.Defs[def].Properties {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	column := doc.Defs["column"].Properties
	// Each case is a minimal valid file with X where the unknown key goes.
	const table = "dialect: postgres\ntables:\n  - name: t\n    columns:\n      - name: a\n        type: text\n"
	tests := []struct {
		object string
		yaml   string
		want   []string
	}{
		{"file", "dialect: postgres\nX: 1\n", keys(doc.Properties)},
		{"schema", "dialect: postgres\nschemas:\n  - name: s\n    X: 1\n", defKeys("schema")},
		{"enum", "dialect: postgres\nenums:\n  - name: e\n    values: [a]\n    X: 1\n", defKeys("enum")},
		{"table", table + "    X: 1\n", defKeys("table")},
		{"column", table + "        X: 1\n", defKeys("column")},
		{"column identity", table + "        identity: {X: 1}\n", keys(column["identity"].Properties)},
		{"column computed", table + "        computed: {expr: a, X: 1}\n", keys(column["computed"].Properties)},
		{"column default", table + "        default: {sql: a, X: 1}\n", keys(column["default"].OneOf[1].Properties)},
		{"primary key", table + "    primary_key: {columns: [a], X: 1}\n", defKeys("primary_key")},
		{"unique", table + "    uniques: [{columns: [a], X: 1}]\n", defKeys("unique")},
		{"index", table + "    indexes: [{columns: [a], X: 1}]\n", defKeys("index")},
		{"index key part", table + "    indexes: [{on: [{column: a, X: 1}]}]\n", defKeys("key_part")},
		{"foreign key", table + "    foreign_keys: [{columns: [a], ref_table: t, ref_columns: [a], X: 1}]\n", defKeys("foreign_key")},
		{"check", table + "    checks: [{expr: a, X: 1}]\n", defKeys("check")},
		{"view", "dialect: postgres\nviews:\n  - {name: v, query: select 1, X: 1}\n", defKeys("view")},
		{"materialized view", "dialect: postgres\nmaterialized_views:\n  - {name: v, query: select 1, X: 1}\n", defKeys("materialized_view")},
		{"function", "dialect: postgres\nfunctions: [{name: f, returns: int, language: sql, body: x, X: 1}]\n", defKeys("function")},
		{"procedure", "dialect: postgres\nprocedures: [{name: p, language: sql, body: x, X: 1}]\n", defKeys("procedure")},
		{"trigger", table + "triggers: [{name: tr, on: t, timing: before, events: [insert], function: f, X: 1}]\n", defKeys("trigger")},
		{"partition_by", table + "    partition_by: {strategy: list, columns: [a], X: 1}\n", defKeys("partition_by")},
		{"partition_of", table + "    partition_of: {parent: t, bound: DEFAULT, X: 1}\n", defKeys("partition_of")},
		{"policy", table + "policies:\n  - {name: p, on: t, X: 1}\n", defKeys("policy")},
		{"extension", "dialect: postgres\nextensions: [{name: citext, X: 1}]\n", defKeys("extension")},
		{"sequence", "dialect: postgres\nsequences: [{name: s, X: 1}]\n", defKeys("sequence")},
		{"domain", "dialect: postgres\ndomains: [{name: d, type: text, X: 1}]\n", defKeys("domain")},
		{"domain check", "dialect: postgres\ndomains: [{name: d, type: text, checks: [{expr: a, X: 1}]}]\n", defKeys("domain_check")},
		{"composite type", "dialect: postgres\ncomposite_types: [{name: c, attributes: [{name: a, type: text}], X: 1}]\n", defKeys("composite_type")},
		{"composite type attribute", "dialect: postgres\ncomposite_types: [{name: c, attributes: [{name: a, type: text, X: 1}]}]\n", defKeys("type_attribute")},
	}
	known := regexp.MustCompile(`expected one of ([a-z_, ]+)`)
	for _, tt := range tests {
		t.Run(tt.object, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.yaml")
			os.WriteFile(path, []byte(strings.Replace(tt.yaml, "X", "zzzzzzzzzzzzzzzzzzzz", 1)), 0o644)
			_, err := Load(LoadOptions{}, path)
			if err == nil {
				t.Fatal("the loader accepted an unknown key")
			}
			m := known.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("the loader's error does not list the keys it knows: %v", err)
			}
			got := strings.Split(m[1], ", ")
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("keys differ:\n  loader:      %v\n  JSON Schema: %v", got, tt.want)
			}
		})
	}
}
