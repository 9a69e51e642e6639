package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func lookup(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

func TestLoad(t *testing.T) {
	yamlSrc := `dialect: postgres
to: [schema, extra.hcl]
allow_drop_all: true
migrations:
  dir: db/migrations
  dir_format: goose
  seq: true
exclude: ["audit.*"]
env:
  prod:
    url: postgres://app:${PGPASS}@db/app
    dev_url: ${DEV_URL}
`
	hclSrc := `dialect = "postgres"
to      = ["schema", "extra.hcl"]
exclude = ["audit.*"]
allow_drop_all = true
migrations {
  dir        = "db/migrations"
  dir_format = "goose"
  seq        = true
}
env "prod" {
  url     = "postgres://app:${PGPASS}@db/app"
  dev_url = "${DEV_URL}"
}
`
	vars := lookup(map[string]string{"PGPASS": "s3cret", "DEV_URL": "postgres://dev/x"})
	for name, src := range map[string]string{"schemadiff.yaml": yamlSrc, "schemadiff.hcl": hclSrc} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, name)
			os.WriteFile(p, []byte(src), 0o644)
			c, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			want := &Config{Path: p, Dialect: "postgres", To: []string{filepath.Join(dir, "schema"), filepath.Join(dir, "extra.hcl")},
				Dir: filepath.Join(dir, "db/migrations"), DirFormat: "goose", Seq: true, Exclude: []string{"audit.*"}, AllowDropAll: true}
			if d := cmp.Diff(want, c, cmpopts.IgnoreUnexported(Config{})); d != "" {
				t.Errorf("Load (-want +got):\n%s", d)
			}
			env, err := c.Env("prod", vars)
			if err != nil {
				t.Fatal(err)
			}
			if want := (Env{Name: "prod", URL: "postgres://app:s3cret@db/app", DevURL: "postgres://dev/x"}); env != want {
				t.Errorf("Env = %+v, want %+v", env, want)
			}
			if _, err := c.Env("prod", lookup(nil)); err == nil || !strings.Contains(err.Error(), "PGPASS is not set") {
				t.Errorf("unset variable: %v", err)
			}
			if _, err := c.Env("staging", vars); err == nil || !strings.Contains(err.Error(), "have prod") {
				t.Errorf("unknown env: %v", err)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"schemadiff.yaml", "dialect: postgres\nformatt: sql\n", "schemadiff.yaml:2:1: unknown field \"formatt\""},
		{"schemadiff.yaml", "env:\n  x:\n    urll: a\n", "schemadiff.yaml:3:5: unknown field \"urll\""},
		{"schemadiff.hcl", "dialect = \"postgres\"\nformatt = \"sql\"\n", "schemadiff.hcl:2:1: Unsupported argument"},
		{"schemadiff.hcl", "migrations {\n  seq = \"yes\"\n}\n", "schemadiff.hcl:2:10: Unsuitable value type"},
		{"schemadiff.yaml", "to: a\nschema: b\n", "schemadiff.yaml:2:9: both to and its deprecated spelling schema are set: keep to"},
		{"schemadiff.hcl", "migrations {\n  dir_format = \"sql\"\n  format = \"sql\"\n}\n", "schemadiff.hcl:3:3: both migrations.dir_format and its deprecated spelling migrations.format are set"},
	}
	for _, tt := range tests {
		p := filepath.Join(t.TempDir(), tt.name)
		os.WriteFile(p, []byte(tt.src), 0o644)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), filepath.Dir(p)+"/"+tt.want) {
			t.Errorf("%s %q: %v, want %q", tt.name, tt.src, err, tt.want)
		}
	}
}

// TestDeprecatedKeys: the old keys schema and migrations.format still work,
// each with a notice naming file:line:col and the new key.
func TestDeprecatedKeys(t *testing.T) {
	tests := []struct{ name, src string }{
		{"schemadiff.yaml", "dialect: postgres\nschema: [db]\nmigrations:\n  format: goose\n"},
		{"schemadiff.hcl", "dialect = \"postgres\"\nschema = [\"db\"]\nmigrations {\n  format = \"goose\"\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, tt.name)
			os.WriteFile(p, []byte(tt.src), 0o644)
			c, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff([]string{filepath.Join(dir, "db")}, c.To); d != "" || c.DirFormat != "goose" {
				t.Errorf("to %v (%s), dir format %q", c.To, d, c.DirFormat)
			}
			want := []string{p + ":2:", "schema is deprecated: rename it to to", p + ":4:", "migrations.format is deprecated: rename it to migrations.dir_format"}
			got := strings.Join(c.Notices, "\n")
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("notices %q lack %q", got, w)
				}
			}
		})
	}
}

// TestFindWalksUp: a configuration is found in the working directory or the
// nearest one above it, but not above the repository root.
func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "a", "b")
	os.MkdirAll(sub, 0o755)
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.WriteFile(filepath.Join(root, "schemadiff.yaml"), nil, 0o644)
	t.Chdir(sub)
	if p, err := Find("."); p != "" || err != nil {
		t.Errorf("Find above the repository root = %q, %v; want none", p, err)
	}
	os.WriteFile(filepath.Join(repo, "schemadiff.yaml"), nil, 0o644)
	if p, err := Find("."); p != filepath.Join("..", "..", "schemadiff.yaml") || err != nil {
		t.Errorf("Find from a subfolder = %q, %v; want ../../schemadiff.yaml", p, err)
	}
	os.WriteFile(filepath.Join(sub, "schemadiff.hcl"), nil, 0o644)
	if p, err := Find("."); p != "schemadiff.hcl" || err != nil {
		t.Errorf("Find with a file here = %q, %v", p, err)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	if p, err := Find(dir); p != "" || err != nil {
		t.Errorf("Find in an empty dir = %q, %v", p, err)
	}
	os.WriteFile(filepath.Join(dir, "schemadiff.hcl"), nil, 0o644)
	if p, err := Find(dir); p != filepath.Join(dir, "schemadiff.hcl") || err != nil {
		t.Errorf("Find = %q, %v", p, err)
	}
	os.WriteFile(filepath.Join(dir, "schemadiff.yaml"), nil, 0o644)
	if _, err := Find(dir); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("two config files: %v", err)
	}
}

// TestDevURL: the top-level dev_url (local, or a URL naming environment
// variables) in both layouts; unset is "".
func TestDevURL(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
		wantErr   string
	}{
		{"schemadiff.yaml", "dev_url: local\n", "local", ""},
		{"schemadiff.hcl", "dev_url = \"local\"\n", "local", ""},
		{"schemadiff.yaml", "dev_url: postgres://dev:${DEV_PW}@db/x\n", "postgres://dev:pw@db/x", ""},
		{"schemadiff.hcl", "dev_url = \"postgres://dev:${DEV_PW}@db/x\"\n", "postgres://dev:pw@db/x", ""},
		{"schemadiff.yaml", "dialect: postgres\n", "", ""},
		{"schemadiff.hcl", "dialect = \"postgres\"\n", "", ""},
		{"schemadiff.yaml", "dialect: postgres\ndev_url: ${NOPE}\n", "", "schemadiff.yaml:2:10: environment variable NOPE is not set (export it, or give --dev-url)"},
		{"schemadiff.hcl", "dev_url = \"${NOPE}\"\n", "", "schemadiff.hcl:1:11: environment variable NOPE is not set (export it, or give --dev-url)"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.src, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), tt.name)
			os.WriteFile(p, []byte(tt.src), 0o644)
			c, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.DevURL(lookup(map[string]string{"DEV_PW": "pw"}))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("DevURL = %q, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("DevURL = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
