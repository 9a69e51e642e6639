package pyread

import "testing"

func TestPythonExpressions(t *testing.T) {
	src := `x = op.f(  # comment
    'a' "b"
    '''c
d''', r'\n', k=sa.String(length=50).with_variant(sa.Text, "sqlite"),
    l=[1, -2.5, (True,), {'k': None}], t=(1, 2),
)
`
	lines, err := Lex(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0].Line != 1 {
		t.Fatalf("want one logical line, got %+v", lines)
	}
	v, err := ParseExpr(lines[0].Toks[2:])
	if err != nil {
		t.Fatal(err)
	}
	if v.Kind != VCall || v.Name != "op.f" {
		t.Fatalf("want a call of op.f, got %+v", v)
	}
	if got := v.Arg(0).Str; got != "abc\nd" {
		t.Errorf("implicit concatenation with a triple-quoted string: got %q", got)
	}
	if got := v.Arg(1).Str; got != `\n` {
		t.Errorf("raw string: got %q", got)
	}
	if k := v.Kw("k"); k.Kind != VCall || k.Fn.Name != ".with_variant" || k.Fn.Fn.Kw("length").Str != "50" {
		t.Errorf("method call on a call: got %+v", k)
	}
	l := v.Kw("l")
	if len(l.Items) != 4 || l.Items[1].Str != "-2.5" || l.Items[2].Kind != VTuple || l.Items[3].Kind != VDict {
		t.Errorf("list: got %+v", l)
	}
	cond, _ := Lex("f(a if b else c)")
	if _, err := ParseExpr(cond[0].Toks); err == nil {
		t.Error("a conditional expression must be an error, not a guess")
	}
}

// TestLexErrors: an unterminated string is reported at its line and lexing
// goes on; escapes decode as Python's do; adjacent strings join.
func TestLexErrors(t *testing.T) {
	tests := []struct {
		src, err string
		want     string // the value of the expression of the first line
	}{
		{`'ab' "c\x64\u00e9\q"`, "", `abcdé\q`},
		{"'a\ny = 1\n", "line 1: unterminated string literal", "a"},
		{"'x'\ny = '''a\nb", "line 2: unterminated string literal", "x"},
	}
	for _, tt := range tests {
		lines, err := Lex(tt.src)
		if (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.err)
		}
		v, perr := ParseExpr(lines[0].Toks)
		if perr != nil || v.Kind != VString || v.Str != tt.want {
			t.Errorf("%q: value %+v (%v), want the string %q", tt.src, v, perr, tt.want)
		}
	}
}

// FuzzLex: any text lexes, and every logical line parses to a value or an
// Error, never a panic.
func FuzzLex(f *testing.F) {
	f.Add("revision: str = 'a'\ndown_revision = ('b', \"c\")\ndef upgrade():\n    op.f(x=[1, {'k': None}], *a)\n")
	f.Add("x = '''open\n")
	f.Fuzz(func(t *testing.T, src string) {
		lines, _ := Lex(src)
		for _, l := range lines {
			if _, err := ParseExpr(l.Toks); err != nil {
				if _, ok := err.(Error); !ok {
					t.Fatalf("error %T %v is not an Error", err, err)
				}
			}
		}
	})
}
