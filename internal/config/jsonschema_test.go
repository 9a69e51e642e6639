package config

import (
	"bytes"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// jsonSchemaFile is the JSON Schema of schemadiff.yaml, for editors.
const jsonSchemaFile = "../../docs/schemadiff-config.schema.json"

// yamlKeys lists the dotted YAML keys a struct type of the YAML layout
// accepts; a map of structs contributes its value's keys under "*".
func yamlKeys(t reflect.Type, prefix string) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		key := prefix + name
		out = append(out, key)
		switch ft := f.Type; {
		case ft.Kind() == reflect.Struct:
			out = append(out, yamlKeys(ft, key+".")...)
		case ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct:
			out = append(out, yamlKeys(ft.Elem(), key+".*.")...)
		}
	}
	return out
}

// schemaKeys lists the dotted keys a JSON Schema object allows.
func schemaKeys(node map[string]any, prefix string) []string {
	var out []string
	props, _ := node["properties"].(map[string]any)
	for name, p := range props {
		out = append(out, prefix+name)
		sub, _ := p.(map[string]any)
		if _, ok := sub["properties"]; ok {
			out = append(out, schemaKeys(sub, prefix+name+".")...)
		}
		if ap, ok := sub["additionalProperties"].(map[string]any); ok {
			out = append(out, schemaKeys(ap, prefix+name+".*.")...)
		}
	}
	return out
}

// TestJSONSchemaMatchesLoader: the JSON Schema of schemadiff.yaml allows
// exactly the keys the loader accepts, and the loader's example is valid
// under it (a real JSON Schema validator).
func TestJSONSchemaMatchesLoader(t *testing.T) {
	raw, err := os.ReadFile(jsonSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	got, want := schemaKeys(doc, ""), yamlKeys(reflect.TypeOf(yamlFile{}), "")
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("keys differ:\n  JSON Schema: %v\n  loader:      %v", got, want)
	}
	sch, err := jsonschema.NewCompiler().Compile(jsonSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		src   string
		valid bool
	}{
		{"dialect: postgres\nto: [schema]\nmigrations: {dir: db, dir_format: goose, seq: true}\nexclude: [\"audit.*\"]\nallow_drop_all: false\nenv:\n  prod: {url: \"${DATABASE_URL}\", dev_url: x}\n", true},
		{"schema: schema\nmigrations: {format: sql}\n", true},
		{"migrations: {dir_format: gooze}\n", false},
		{"env:\n  prod: {urll: x}\n", false},
	} {
		js, err := yaml.YAMLToJSON([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); (err == nil) != tt.valid {
			t.Errorf("%q: valid %v, want %v (%v)", tt.src, err == nil, tt.valid, err)
		}
	}
}
