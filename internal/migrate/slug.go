package migrate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest slug, in bytes: long enough to read, short enough
// for every file system and tool.
const maxSlug = 60

// special transliterates the letters that Unicode decomposition leaves alone.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'þ': "th", 'Þ': "th", 'ð': "d", 'ı': "i",
}

// Slug turns a migration message into a safe file-name part: lower-case ASCII
// letters, digits and single underscores. Accented Latin letters are
// transliterated (é → e, ß → ss); other characters (slashes, quotes, dots,
// other scripts, emoji) separate words or are dropped. A long slug is cut at
// a word boundary; an empty one is "migration".
func Slug(message string) string {
	var b strings.Builder
	sep := false
	word := func(s string) {
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteString(s)
	}
	for _, r := range norm.NFKD.String(message) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word(string(unicode.ToLower(r)))
		case special[r] != "":
			word(special[r])
		case unicode.Is(unicode.Mn, r): // a combining accent of a decomposed letter
		default:
			sep = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '_'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "_")
	}
	if s == "" {
		return "migration"
	}
	return s
}
