// Package config reads schemadiff's project configuration: schemadiff.yaml
// (or schemadiff.yml, schemadiff.hcl) in the working directory or the nearest
// directory above it, up to the repository root (Find), or the file --config
// names. It holds the dialect, the desired-schema paths, the migration
// directory and its format, exclude patterns and named environments with
// database URLs, which may name environment variables (${DATABASE_URL}) so
// that no password is written down. Keys are named as the flags they stand
// for (docs/cli.md); the old keys schema and migrations.format still work,
// with a notice.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	yamlparser "github.com/goccy/go-yaml/parser"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// FileNames are the names a configuration file is looked for under, in order.
func FileNames() []string { return []string{"schemadiff.yaml", "schemadiff.yml", "schemadiff.hcl"} }

// Config is a project configuration. Paths are relative to the directory of
// the configuration file (made so by Load).
type Config struct {
	// Path is the file the configuration was read from ("" for none).
	Path      string
	Dialect   string   // postgres or sqlserver
	To        []string // desired-schema files or folders (key to; deprecated: schema)
	Dir       string   // the migration directory
	DirFormat string   // the migration format (key migrations.dir_format; deprecated: migrations.format)
	Seq       bool     // sequence numbers instead of timestamps (sql, golang-migrate)
	Exclude   []string // globs of tables every live comparison leaves out
	// AllowDropAll lets a desired schema without tables drop every table
	// (key allow_drop_all, flag --allow-drop-all).
	AllowDropAll bool
	// Online asks generate and apply for zero-downtime plans (key online,
	// flag --online; docs/online.md).
	Online bool
	// SQLServerEdition is the SQL Server edition the migrations run on (key
	// sqlserver_edition: enterprise, developer, azure, standard, web or
	// express): with Online, the first three build indexes WITH (ONLINE = ON).
	SQLServerEdition string
	// Strict makes what a database holds that schemadiff does not read an
	// error instead of a warning (key strict, flag --strict).
	Strict bool
	// Notices are one-line warnings about the file, such as deprecated keys,
	// each starting with file:line:col; the CLI prints them to stderr.
	Notices []string
	envs    map[string]rawEnv
	devURL  value // key dev_url: the scratch server of every environment (DevURL)
}

// Env is a named environment: the databases a command talks to.
type Env struct {
	Name   string
	URL    string // the database to compare with (--url)
	DevURL string // a scratch PostgreSQL server (--dev-url)
}

// rawEnv holds an environment's values before environment variables are
// expanded; exactly one of the yaml or hcl fields is set per value.
type rawEnv struct {
	url, devURL value
}

// value is a configuration string that may name environment variables.
type value struct {
	text string         // YAML: the text, with ${NAME} references
	expr hcl.Expression // HCL: a string template; ${NAME} reads variable NAME
	at   string         // file:line:col for messages
	// topLevel is set for a value outside env (dev_url), which no --env picks.
	topLevel bool
}

// Find returns the configuration file of the working directory dir: the
// one in dir, else in the nearest directory above it, stopping at the
// repository root (the first directory holding .git) or the file-system root,
// as git finds its repository. It returns "" when there is none. The path
// is relative to dir when dir is relative. Two configuration files in one
// directory are an error.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	rel := dir
	for {
		p, err := findIn(rel)
		if p != "" || err != nil {
			return p, err
		}
		if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs, rel = parent, filepath.Join(rel, "..")
	}
}

// findIn returns the configuration file in dir, or "" when there is none.
func findIn(dir string) (string, error) {
	var found []string
	for _, n := range FileNames() {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			found = append(found, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("config: %w", err)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("config: both %s exist: keep one", strings.Join(found, " and "))
}

// Load reads the configuration file at path (YAML, or HCL for .hcl). Unknown
// keys and wrong types are errors naming file:line:col.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	var c *Config
	if strings.HasSuffix(path, ".hcl") {
		c, err = loadHCL(path, src)
	} else {
		c, err = loadYAML(path, src)
	}
	if err != nil {
		return nil, err
	}
	c.Path = path
	base := filepath.Dir(path)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(base, p)
	}
	c.Dir = rel(c.Dir)
	for i, s := range c.To {
		c.To[i] = rel(s)
	}
	return c, nil
}

// EnvNames lists the environments, sorted.
func (c *Config) EnvNames() []string {
	out := make([]string, 0, len(c.envs))
	for n := range c.envs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Env returns the environment called name, its URLs expanded with lookup
// (os.LookupEnv in the CLI). An unknown name or an unset variable is an error.
func (c *Config) Env(name string, lookup func(string) (string, bool)) (Env, error) {
	raw, ok := c.envs[name]
	if !ok {
		if len(c.envs) == 0 {
			return Env{}, fmt.Errorf("%s: --env %s: the configuration defines no environments", c.Path, name)
		}
		return Env{}, fmt.Errorf("%s: --env %s: no such environment (have %s)", c.Path, name, strings.Join(c.EnvNames(), ", "))
	}
	e := Env{Name: name}
	var err error
	if e.URL, err = raw.url.expand(lookup); err != nil {
		return Env{}, err
	}
	if e.DevURL, err = raw.devURL.expand(lookup); err != nil {
		return Env{}, err
	}
	return e, nil
}

// DevURL returns the top-level dev_url (the scratch server of commands that
// take --dev-url when neither the flag nor --env gives one: "local" or a
// URL), its ${NAME} references expanded with lookup; "" when unset. An unset
// variable is an error.
func (c *Config) DevURL(lookup func(string) (string, bool)) (string, error) {
	if c.devURL.expr == nil && c.devURL.text == "" {
		return "", nil
	}
	v := c.devURL
	v.topLevel = true
	return v.expand(lookup)
}

// varRef is a ${NAME} reference in a YAML value.
var varRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expand resolves the environment variables v names.
func (v value) expand(lookup func(string) (string, bool)) (string, error) {
	unset := func(name string) error {
		fix := "export it, or pick another --env"
		if v.topLevel {
			fix = "export it, or give --dev-url"
		}
		return fmt.Errorf("%s: environment variable %s is not set (%s)", v.at, name, fix)
	}
	if v.expr == nil {
		var err error
		out := varRef.ReplaceAllStringFunc(v.text, func(ref string) string {
			name := ref[2 : len(ref)-1]
			s, ok := lookup(name)
			if !ok && err == nil {
				err = unset(name)
			}
			return s
		})
		return out, err
	}
	vars := map[string]cty.Value{}
	for _, t := range v.expr.Variables() {
		name := t.RootName()
		s, ok := lookup(name)
		if !ok {
			return "", unset(name)
		}
		vars[name] = cty.StringVal(s)
	}
	got, diags := v.expr.Value(&hcl.EvalContext{Variables: vars})
	if diags.HasErrors() {
		return "", fmt.Errorf("config: %s", diags.Error())
	}
	if got.IsNull() {
		return "", nil
	}
	if got.Type() != cty.String {
		return "", fmt.Errorf("%s: want a string", v.at)
	}
	return got.AsString(), nil
}

// yamlFile is the YAML layout.
type yamlFile struct {
	Dialect      string             `yaml:"dialect"`
	To           yamlStrings        `yaml:"to"`
	Schema       yamlStrings        `yaml:"schema"` // deprecated: to
	Migrations   yamlMigrations     `yaml:"migrations"`
	Exclude      []string           `yaml:"exclude"`
	AllowDropAll bool               `yaml:"allow_drop_all"`
	Online       bool               `yaml:"online"`
	Edition      string             `yaml:"sqlserver_edition"`
	Strict       bool               `yaml:"strict"`
	DevURL       string             `yaml:"dev_url"`
	Env          map[string]yamlEnv `yaml:"env"`
}

type yamlMigrations struct {
	Dir       string `yaml:"dir"`
	DirFormat string `yaml:"dir_format"`
	Format    string `yaml:"format"` // deprecated: dir_format
	Seq       bool   `yaml:"seq"`
}

type yamlEnv struct {
	URL    string `yaml:"url"`
	DevURL string `yaml:"dev_url"`
}

// yamlStrings takes a string or a list of strings.
type yamlStrings []string

// UnmarshalYAML accepts "path" as well as [path, ...].
func (s *yamlStrings) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*s = []string{one}
		return nil
	}
	var list []string
	if err := unmarshal(&list); err != nil {
		return errors.New("want a path or a list of paths")
	}
	*s = list
	return nil
}

func loadYAML(path string, src []byte) (*Config, error) {
	var f yamlFile
	if err := yaml.UnmarshalWithOptions(src, &f, yaml.DisallowUnknownField()); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			p := ye.GetToken().Position
			return nil, fmt.Errorf("%s:%d:%d: %s", path, p.Line, p.Column, ye.GetMessage())
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &Config{Dialect: f.Dialect, Dir: f.Migrations.Dir, Seq: f.Migrations.Seq, Exclude: f.Exclude,
		AllowDropAll: f.AllowDropAll, Online: f.Online, SQLServerEdition: f.Edition, Strict: f.Strict, envs: map[string]rawEnv{}}
	at := func(key string) string { return yamlKeyAt(path, src, key) }
	if f.DevURL != "" {
		c.devURL = value{text: f.DevURL, at: at("dev_url")}
	}
	if err := checkEdition(c.SQLServerEdition, at("sqlserver_edition")); err != nil {
		return nil, err
	}
	var err error
	if c.To, err = pick(at, "to", []string(f.To), "schema", []string(f.Schema), &c.Notices); err != nil {
		return nil, err
	}
	if c.DirFormat, err = pick(at, "migrations.dir_format", f.Migrations.DirFormat, "migrations.format", f.Migrations.Format, &c.Notices); err != nil {
		return nil, err
	}
	for name, e := range f.Env {
		at := path + ": env " + name
		c.envs[name] = rawEnv{url: value{text: e.URL, at: at + ": url"}, devURL: value{text: e.DevURL, at: at + ": dev_url"}}
	}
	return c, nil
}

// pick returns the value of key, or of its deprecated spelling old with a
// notice (at gives a key's file:line:col); both set is an error.
func pick[T string | []string](at func(string) string, key string, v T, old string, ov T, notices *[]string) (T, error) {
	if len(ov) == 0 {
		return v, nil
	}
	if len(v) > 0 {
		return v, fmt.Errorf("%s: both %s and its deprecated spelling %s are set: keep %s", at(old), key, old, key)
	}
	*notices = append(*notices, fmt.Sprintf("%s: %s is deprecated: rename it to %s", at(old), old, key))
	return ov, nil
}

// yamlKeyAt returns file:line:col of the dotted key in a YAML file, or the
// file alone when it cannot be found.
func yamlKeyAt(path string, src []byte, key string) string {
	p, err := yaml.PathString("$." + key)
	if err != nil {
		return path
	}
	f, err := yamlparser.ParseBytes(src, 0)
	if err != nil {
		return path
	}
	n, err := p.FilterFile(f)
	if err != nil || n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return path
	}
	pos := n.GetToken().Position
	return fmt.Sprintf("%s:%d:%d", path, pos.Line, pos.Column)
}

// hclFile is the HCL layout.
type hclFile struct {
	Dialect      string         `hcl:"dialect,optional"`
	To           []string       `hcl:"to,optional"`
	Schema       []string       `hcl:"schema,optional"` // deprecated: to
	Exclude      []string       `hcl:"exclude,optional"`
	AllowDropAll bool           `hcl:"allow_drop_all,optional"`
	Online       bool           `hcl:"online,optional"`
	Edition      string         `hcl:"sqlserver_edition,optional"`
	Strict       bool           `hcl:"strict,optional"`
	DevURL       hcl.Expression `hcl:"dev_url,optional"`
	Migrations   *hclMigrations `hcl:"migrations,block"`
	Env          []hclEnv       `hcl:"env,block"`
}

type hclMigrations struct {
	Dir       string `hcl:"dir,optional"`
	DirFormat string `hcl:"dir_format,optional"`
	Format    string `hcl:"format,optional"` // deprecated: dir_format
	Seq       bool   `hcl:"seq,optional"`
}

type hclEnv struct {
	Name   string         `hcl:"name,label"`
	URL    hcl.Expression `hcl:"url,optional"`
	DevURL hcl.Expression `hcl:"dev_url,optional"`
}

func loadHCL(path string, src []byte) (*Config, error) {
	file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, hclError(diags)
	}
	var f hclFile
	if diags := gohcl.DecodeBody(file.Body, nil, &f); diags.HasErrors() {
		return nil, hclError(diags)
	}
	c := &Config{Dialect: f.Dialect, Exclude: f.Exclude, AllowDropAll: f.AllowDropAll, Online: f.Online, SQLServerEdition: f.Edition, Strict: f.Strict, envs: map[string]rawEnv{}}
	at := func(key string) string { return hclKeyAt(path, file.Body, key) }
	if f.DevURL != nil {
		c.devURL = hclValue(f.DevURL)
	}
	if err := checkEdition(c.SQLServerEdition, at("sqlserver_edition")); err != nil {
		return nil, err
	}
	var err error
	if c.To, err = pick(at, "to", f.To, "schema", f.Schema, &c.Notices); err != nil {
		return nil, err
	}
	if m := f.Migrations; m != nil {
		c.Dir, c.Seq = m.Dir, m.Seq
		if c.DirFormat, err = pick(at, "migrations.dir_format", m.DirFormat, "migrations.format", m.Format, &c.Notices); err != nil {
			return nil, err
		}
	}
	for _, e := range f.Env {
		if _, dup := c.envs[e.Name]; dup {
			return nil, fmt.Errorf("%s: env %q is defined twice", path, e.Name)
		}
		c.envs[e.Name] = rawEnv{url: hclValue(e.URL), devURL: hclValue(e.DevURL)}
	}
	return c, nil
}

// hclKeyAt returns file:line:col of the dotted key (an attribute, or an
// attribute of a block) in an HCL body, or the file alone.
func hclKeyAt(path string, body hcl.Body, key string) string {
	b, ok := body.(*hclsyntax.Body)
	parts := strings.Split(key, ".")
	for ok && len(parts) > 1 {
		var next *hclsyntax.Body
		for _, blk := range b.Blocks {
			if blk.Type == parts[0] {
				next = blk.Body
			}
		}
		b, ok, parts = next, next != nil, parts[1:]
	}
	if !ok {
		return path
	}
	a, found := b.Attributes[parts[0]]
	if !found {
		return path
	}
	r := a.SrcRange
	return fmt.Sprintf("%s:%d:%d", path, r.Start.Line, r.Start.Column)
}

// hclValue wraps an optional HCL attribute expression.
func hclValue(x hcl.Expression) value {
	r := x.Range()
	return value{expr: x, at: fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)}
}

// hclError renders HCL diagnostics as file:line:col: summary: detail lines.
func hclError(diags hcl.Diagnostics) error {
	var lines []string
	for _, d := range diags {
		at := ""
		if d.Subject != nil {
			at = fmt.Sprintf("%s:%d:%d: ", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		line := at + d.Summary
		if d.Detail != "" {
			line += ": " + d.Detail
		}
		lines = append(lines, line)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// edition returns whether SQL Server edition e builds indexes online, and
// whether e is a known value of sqlserver_edition ("Editions and supported
// features of SQL Server 2022", RDBMS high availability: online index
// operations are Enterprise and Developer only; Azure SQL Database and
// Managed Instance have them).
func edition(e string) (online, known bool) {
	switch e {
	case "enterprise", "developer", "azure":
		return true, true
	case "standard", "web", "express":
		return false, true
	}
	return false, false
}

// OnlineIndexes reports whether the configured SQL Server edition builds
// indexes WITH (ONLINE = ON).
func (c *Config) OnlineIndexes() bool {
	online, _ := edition(c.SQLServerEdition)
	return online
}

// checkEdition refuses an unknown sqlserver_edition; at is where the key is.
func checkEdition(e, at string) error {
	if _, known := edition(e); known || e == "" {
		return nil
	}
	return fmt.Errorf("%s: sqlserver_edition %q: give enterprise, developer, azure, standard, web or express", at, e)
}
