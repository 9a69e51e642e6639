package schema

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// fastReads reports whether the fast reader reads src to the end, without
// handing it to hclsyntax.
func fastReads(src []byte) bool {
	fb := parseFastHCL("f.hcl", src, hcl.InitialPos)
	if fb == nil {
		return false
	}
	l := newLoader()
	l.file(&Database{}, fb)
	return !fb.st.bail && len(l.diags) == 0
}

// objectPaths names every pointer reachable from v by its path from the
// root ("Tables.3.Columns.0"), so that the positions two loads record for
// their own objects can be compared.
func objectPaths(v reflect.Value, path string, out map[any]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if _, seen := out[v.Interface()]; seen {
			return
		}
		out[v.Interface()] = path
		objectPaths(v.Elem(), path, out)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				objectPaths(v.Field(i), path+"."+v.Type().Field(i).Name, out)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			objectPaths(v.Index(i), fmt.Sprintf("%s.%d", path, i), out)
		}
	}
}

// loadedPiece is what one read of a file gives: the model, the dialect, the
// diagnostics and the attribute positions by object path.
type loadedPiece struct {
	DB         *Database
	Dialect    Dialect
	DialectPos Pos
	Failed     bool
	Diags      Diagnostics
	Pos        map[string]Pos
	Attrs      map[string]bool // the top-level keys of a part
}

func readPiece(t *testing.T, path string, src []byte, fast bool) loadedPiece {
	t.Helper()
	return readPart(t, &piece{path: path, src: append([]byte{}, src...), start: hcl.InitialPos, whole: true}, fast)
}

// readPart loads p (fast=false: with the library only) and returns what it
// gives.
func readPart(t *testing.T, p *piece, fast bool) loadedPiece {
	t.Helper()
	p.loadWith(fast)
	out := loadedPiece{DB: p.db, Dialect: p.dialect, DialectPos: p.dialectPos, Failed: p.failed, Diags: p.l.diags, Pos: map[string]Pos{}, Attrs: p.attrs}
	paths := map[any]string{}
	objectPaths(reflect.ValueOf(p.db), "db", paths)
	for k, pos := range p.l.pos {
		name, ok := paths[k.obj]
		if !ok {
			t.Fatalf("a position is kept for %T, which is not in the model", k.obj)
		}
		out.Pos[name+"/"+k.attr] = pos
	}
	return out
}

// hclCorpus returns the HCL files of the repository's test data.
func hclCorpus(t *testing.T) map[string][]byte {
	files := map[string][]byte{}
	for _, root := range []string{"testdata", "../testdata"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".hcl") {
				return err
			}
			b, err := os.ReadFile(path)
			files[path] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found %d HCL files in the test data, want the repository's", len(files))
	}
	return files
}

// variants rewrites src in ways the fast reader must follow exactly:
// Windows line ends, tabs, a byte order mark, non-ASCII text (combining
// marks, wide characters, emoji) in strings, labels and comments, and
// comments between tokens.
func variants(src string) map[string]string {
	const wide = "e\u0301 é\u0301 日本 👍🏽 $x %y 100% $\u0301 %\u0301"
	return map[string]string{
		"crlf":     strings.ReplaceAll(src, "\n", "\r\n"),
		"tabs":     strings.ReplaceAll(strings.ReplaceAll(src, "  ", "\t"), " = ", "\t=\t"),
		"bom":      "\uFEFF" + src,
		"unicode":  strings.ReplaceAll(strings.ReplaceAll(src, `comment = "`, `comment = "`+wide), `table "`, `table "`+wide),
		"comments": strings.ReplaceAll(strings.ReplaceAll(src, " = ", " = /* "+wide+" */ "), "{\n", "{ # "+wide+"\n"),
		"after":    strings.ReplaceAll(src, "\"\n", "\" /* "+wide+" */ // "+wide+"\n"),
		"escapes":  strings.ReplaceAll(src, `comment = "`, `comment = "a\"b\\c\td\n`),
		"numbers":  strings.ReplaceAll(src, "seed = 1", "seed = - 1.0e0"),
		"one line": strings.ReplaceAll(src, "{\n    type = \"text\"\n  }", "{ type = \"text\" }"),
	}
}

// TestFastHCLMatchesHCL checks that the fast reader gives what hclsyntax
// gives — the same model, the same positions (columns in grapheme clusters),
// the same diagnostics — on every HCL file of the test data, on variants of
// them, and on thousands of random mutations of them (where it mostly gives
// up, and Load falls back to hclsyntax).
func TestFastHCLMatchesHCL(t *testing.T) {
	check := func(t *testing.T, name string, src []byte) bool {
		t.Helper()
		slow := readPiece(t, "f.hcl", src, false)
		fast := readPiece(t, "f.hcl", src, true)
		if diff := cmp.Diff(slow, fast); diff != "" {
			t.Fatalf("%s: the fast reader differs from hclsyntax (-hclsyntax +fast):\n%s\nsource:\n%s", name, diff, src)
		}
		return fastReads(src)
	}
	corpus := hclCorpus(t)
	read := 0
	for path, src := range corpus {
		if check(t, path, src) {
			read++
		}
	}
	// Files with errors are left to hclsyntax; nearly all others must be
	// read fast, or the fast reader is of no use.
	t.Logf("read fast: %d of %d", read, len(corpus))
	if read < len(corpus)*3/4 {
		t.Errorf("the fast reader read %d of %d test data files, want at least 3/4", read, len(corpus))
	}
	for _, path := range []string{"testdata/rich/postgres.hcl", "testdata/rich/sqlserver.hcl"} {
		for name, v := range variants(string(corpus[path])) {
			if !check(t, path+" "+name, []byte(v)) && name != "escapes" {
				t.Errorf("%s %s: not read fast", path, name)
			}
		}
	}
	for _, src := range []string{
		"", "# only a comment", "\n\n", `dialect = "postgres"`, "dialect = \"postgres\" # no newline at the end",
		"dialect = \"postgres\"\ntable t {}\n", "table \"t\" {\n  column \"a\" {\n    type = \"int\"\n    identity {}\n  }\n}\n",
		"table \"t\" { column \"a\" { type = \"int\" } }\n", "dialect = \"postgres\"\ndialect = \"postgres\"\n",
		"table \"t\" {\n  column \"a\" {\n    type = \"int\"\n    default = -0\n  }\n}\n",
		"table \"t\" {\n  column \"a\" {\n    type = \"numeric\"\n    default = 1.50e2\n  }\n}\n",
		"table \"t\" {\n  column \"a\" {\n    type = \"int\"\n    default = sql( \"1 + 1\" )\n  }\n}\n",
		"table \"t\" {\n  column \"a\" {\n    type = \"int\"\n    null = null\n  }\n}\n",
		"table \"t\" {\n  column \"a\" { type = \"text\" }\n  index \"i\" {\n    columns = [\n      \"a\", # the key\n    ]\n  }\n}\n",
	} {
		check(t, fmt.Sprintf("%q", src), []byte(src))
	}
	rng := rand.New(rand.NewSource(1))
	for path, src := range corpus {
		if rng.Intn(8) != 0 {
			continue
		}
		for range 40 {
			check(t, path+" mutated", mutate(rng, src, "{}[]()\"=,#/*\n\r\t -1.e$%\\é\u0301日👍ab_"))
		}
	}
}

// mutate returns src with one to three characters deleted, or inserted
// from alphabet, at random.
func mutate(rng *rand.Rand, src []byte, alphabet string) []byte {
	pieces := []rune(alphabet)
	b := []rune(string(src))
	for range 1 + rng.Intn(3) {
		at := rng.Intn(len(b) + 1)
		switch rng.Intn(3) {
		case 0:
			if at < len(b) {
				b = append(b[:at], b[at+1:]...)
			}
		default:
			b = append(b[:at], append([]rune{pieces[rng.Intn(len(pieces))]}, b[at:]...)...)
		}
	}
	return []byte(string(b))
}
