package review

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/schemadiff/schemadiff/diff"
	"github.com/schemadiff/schemadiff/schema"
)

// migration is one migration of a directory, read: its up and down parts.
type migration struct {
	files   []string // the files it comes from (up first)
	version string   // ordering key: the version prefix or the file name
	up      parsed
	down    parsed
	hasDown bool
	downPos schema.Pos // where the down part starts
	// Alembic only.
	revision  string
	parents   []string
	parentPos schema.Pos
}

// Markers of single-file formats (DESIGN §4).
var (
	gooseUp     = marker{"+goose", regexp.MustCompile(`(?m)^\s*--\s*\+goose\s+Up\b`)}
	gooseDown   = marker{"+goose", regexp.MustCompile(`(?m)^\s*--\s*\+goose\s+Down\b`)}
	dbmateUp    = marker{"migrate:up", regexp.MustCompile(`(?m)^\s*--\s*migrate:up\b`)}
	dbmateDown  = marker{"migrate:down", regexp.MustCompile(`(?m)^\s*--\s*migrate:down\b`)}
	gooseNoTx   = marker{"+goose", regexp.MustCompile(`(?m)^\s*--\s*\+goose\s+NO\s+TRANSACTION\b`)}
	dbmateNoTx  = marker{"transaction:false", regexp.MustCompile(`(?m)^\s*--\s*migrate:(up|down)\b.*\btransaction:false\b`)}
	flywayName  = regexp.MustCompile(`^([VU])([0-9][0-9._]*)__.*\.sql$`)
	versionHead = regexp.MustCompile(`^([0-9]+)`)
)

// marker is a line pattern with a literal every match contains: text
// without the literal is passed over without running the pattern, whose
// leading (?m)^\s* is slow on the megabytes of a large migration.
type marker struct {
	literal string
	re      *regexp.Regexp
}

// MatchString reports whether s holds a line the marker matches.
func (m marker) MatchString(s string) bool {
	return strings.Contains(s, m.literal) && m.re.MatchString(s)
}

// collectFiles lists the migration files of dir: SQL files at its top level,
// and Alembic revisions in versions/ or alembic/versions/ (or dir itself).
func collectFiles(dir string) ([]string, error) {
	for _, sub := range []string{"alembic/versions", "versions", "."} {
		d := filepath.Join(dir, sub)
		py, _ := filepath.Glob(filepath.Join(d, "*.py"))
		py = slices.DeleteFunc(py, func(p string) bool { return notMigration(p) != "" })
		if len(py) > 0 {
			return py, nil
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read migration directory: %w", err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".sql") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s holds no migrations (*.sql files, or Alembic revisions in versions/)", dir)
	}
	return files, nil
}

// sortNamed sorts the paths named on the command line: a directory named
// alone (without --dir) is the migration directory; a file that is no
// migration (schemadiff.sum, a README, Alembic's env.py or script.py.mako, a
// Python cache), or a directory among files (a glob's), is skipped with an
// info finding; the rest are migrations.
func sortNamed(paths []string, dir string) (files []string, outDir string, skipped []Finding, err error) {
	if len(paths) == 1 && dir == "" {
		if st, err := os.Stat(paths[0]); err == nil && st.IsDir() {
			return nil, paths[0], nil, nil
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, "", nil, fmt.Errorf("read migration: %w", err)
		}
		why := notMigration(p)
		if st.IsDir() {
			why = "a directory among files; name a migration directory alone, or as --dir"
		}
		if why != "" {
			skipped = append(skipped, Finding{Code: CodeSkipped, Severity: diff.Info, Pos: schema.Pos{File: p, Line: 1},
				Message: fmt.Sprintf("Not a migration (%s): skipped; name only migration files, or the directory.", why)})
			continue
		}
		files = append(files, p)
	}
	return files, dir, skipped, nil
}

// notMigration says why the file at p is not a migration, or returns "":
// migrations are .sql files and Alembic revisions (.py but env.py and
// __init__.py).
func notMigration(p string) string {
	base := filepath.Base(p)
	switch ext := strings.ToLower(filepath.Ext(base)); {
	case base == "schemadiff.sum":
		return "the integrity file of the directory"
	case base == "env.py" || base == "__init__.py":
		return "Alembic's environment, not a revision"
	case filepath.Base(filepath.Dir(p)) == "__pycache__" || ext == ".pyc":
		return "a Python cache"
	case ext != ".sql" && ext != ".py":
		return "neither .sql nor an Alembic revision (.py)"
	}
	return ""
}

// readMigrations reads files into migrations in the order they run: SQL by
// version, Alembic by down_revision. Problems of the history (two heads, a
// missing parent, a version used twice) are returned as findings.
func readMigrations(files []string, d schema.Dialect, dirMode bool) ([]*migration, []Finding, error) {
	var migs []*migration
	var findings []Finding
	downs := map[string]string{} // version key → down file (.down.sql, flyway U)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, fmt.Errorf("read migration: %w", err)
		}
		src, base := string(b), filepath.Base(f)
		switch {
		case strings.HasSuffix(strings.ToLower(base), ".py"):
			rf := readAlembic(f, src, d)
			if rf.revision == "" {
				findings = append(findings, Finding{Code: CodeUnparsed, Severity: diff.Error, Pos: schema.Pos{File: f, Line: 1},
					Message: "This Python file has no `revision = '…'`; review reads it as an Alembic revision anyway."})
			}
			migs = append(migs, &migration{files: []string{f}, version: base, up: rf.up, down: rf.down, hasDown: rf.hasDown,
				downPos: schema.Pos{File: f}, revision: rf.revision, parents: rf.parents, parentPos: rf.parentPos})
		case strings.HasSuffix(base, ".down.sql"):
			downs[strings.TrimSuffix(base, ".down.sql")] = f
		case flywayName.MatchString(base) && flywayName.FindStringSubmatch(base)[1] == "U":
			downs["V"+flywayName.FindStringSubmatch(base)[2]] = f
		default:
			m := &migration{files: []string{f}, version: strings.TrimSuffix(base, ".up.sql")}
			if fm := flywayName.FindStringSubmatch(base); fm != nil {
				m.version = "V" + fm[2]
			}
			up, down, downLine, ok := splitSections(src)
			m.up = readSQL(f, up, 1, d)
			if ok {
				m.down, m.hasDown, m.downPos = readSQL(f, down, 1, d), true, schema.Pos{File: f, Line: downLine}
			}
			wrapped(&m.up, up, src)
			wrapped(&m.down, down, src)
			migs = append(migs, m)
		}
	}
	for _, m := range migs {
		if up := m.files[0]; strings.HasSuffix(up, ".up.sql") && downs[m.version] == "" {
			if sib := strings.TrimSuffix(up, ".up.sql") + ".down.sql"; fileExists(sib) {
				downs[m.version] = sib // a .up.sql named alone brings its .down.sql
			}
		}
		if df, ok := downs[m.version]; ok {
			b, err := os.ReadFile(df)
			if err != nil {
				return nil, nil, fmt.Errorf("read migration: %w", err)
			}
			m.down, m.hasDown, m.downPos = readSQL(df, string(b), 1, d), true, schema.Pos{File: df, Line: 1}
			m.files = append(m.files, df)
		}
	}
	if len(migs) > 0 && migs[0].revision != "" || slices.ContainsFunc(migs, func(m *migration) bool { return strings.HasSuffix(m.files[0], ".py") }) {
		ordered, fs := orderRevisions(migs, dirMode)
		return ordered, append(findings, fs...), nil
	}
	slices.SortStableFunc(migs, func(a, b *migration) int { return compareVersions(a.version, b.version) })
	if dirMode {
		findings = append(findings, duplicateVersions(migs)...)
	}
	return migs, findings, nil
}

// wrapped marks part (read from section, of file text src) as run in a
// transaction by its tool: goose unless the file says `-- +goose NO
// TRANSACTION`, dbmate unless the section's marker says `transaction:false`.
func wrapped(part *parsed, section, src string) {
	switch {
	case gooseUp.MatchString(section) || gooseDown.MatchString(section):
		part.wrapped = !gooseNoTx.MatchString(src)
		part.wrapReason = "goose runs each migration in a transaction unless the file says -- +goose NO TRANSACTION"
	case dbmateUp.MatchString(section) || dbmateDown.MatchString(section):
		part.wrapped = !dbmateNoTx.MatchString(section)
		part.wrapReason = "dbmate runs each migration in a transaction unless its marker says transaction:false"
	}
}

// splitSections returns the up and down parts of a goose or dbmate file, each
// the whole text with the other part's lines blanked (so lines keep their
// numbers), and the line where the down part starts; a plain SQL file is all up.
func splitSections(src string) (up, down string, downLine int, ok bool) {
	var upRe, downRe marker
	switch {
	case gooseUp.MatchString(src):
		upRe, downRe = gooseUp, gooseDown
	case dbmateUp.MatchString(src):
		upRe, downRe = dbmateUp, dbmateDown
	default:
		return src, "", 0, false
	}
	lines := strings.SplitAfter(src, "\n")
	var ub, db strings.Builder
	section := ""
	for i, l := range lines {
		switch {
		case upRe.MatchString(l):
			section = "up"
		case downRe.MatchString(l):
			section, downLine, ok = "down", i+1, true
		}
		blank := strings.Repeat("\n", strings.Count(l, "\n"))
		if section == "up" {
			ub.WriteString(l)
			db.WriteString(blank)
		} else {
			ub.WriteString(blank)
			if section == "down" {
				db.WriteString(l)
			} else {
				db.WriteString(blank)
			}
		}
	}
	return ub.String(), db.String(), downLine, ok
}

// compareVersions orders version keys: numeric runs compare as numbers
// (flyway V1.10 after V1.9), the rest as text.
func compareVersions(a, b string) int {
	ra, rb := versionRuns(a), versionRuns(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		x, y := ra[i], rb[i]
		if isNum(x) && isNum(y) {
			x, y = strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
			if len(x) != len(y) {
				return len(x) - len(y)
			}
		}
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
	}
	return len(ra) - len(rb)
}

var numRun = regexp.MustCompile(`[0-9]+|[^0-9]+`)

func versionRuns(s string) []string { return numRun.FindAllString(s, -1) }

func isNum(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// duplicateVersions reports two migrations with one version number.
func duplicateVersions(migs []*migration) []Finding {
	var fs []Finding
	seen := map[string]string{}
	for _, m := range migs {
		v := strings.TrimPrefix(m.version, "V")
		if fm := versionHead.FindString(v); fm != "" {
			if strings.HasPrefix(m.version, "V") {
				fm = v[:strings.Index(v+"__", "__")]
			}
			if first, ok := seen[fm]; ok {
				fs = append(fs, Finding{Code: CodeDuplicateVersion, Severity: diff.Error, Pos: schema.Pos{File: m.files[0], Line: 1},
					Message: fmt.Sprintf("Version %s is also the version of %s; give one of them a new, later version.", fm, first)})
				continue
			}
			seen[fm] = m.files[0]
		}
	}
	return fs
}

// orderRevisions orders Alembic revisions from the root down the
// down_revision chain, reporting branches, several heads and missing parents.
func orderRevisions(migs []*migration, dirMode bool) ([]*migration, []Finding) {
	var fs []Finding
	byRev := map[string]*migration{}
	children := map[string][]*migration{}
	for _, m := range migs {
		byRev[m.revision] = m
	}
	var roots []*migration
	for _, m := range migs {
		known := false
		for _, p := range m.parents {
			if byRev[p] != nil {
				known = true
				children[p] = append(children[p], m)
			} else if dirMode {
				fs = append(fs, Finding{Code: CodeMissingParent, Severity: diff.Error, Pos: m.parentPos, Object: "revision " + m.revision,
					Message: fmt.Sprintf("down_revision %q is not a revision of this directory; point it at the current head.", p)})
			}
		}
		if !known {
			roots = append(roots, m)
		}
	}
	// True roots (no parent) first, then revisions whose parent is missing.
	slices.SortStableFunc(roots, func(a, b *migration) int { return min(len(a.parents), 1) - min(len(b.parents), 1) })
	for _, p := range sortedRevKeys(children) {
		kids := children[p]
		if len(kids) > 1 {
			for _, k := range kids[1:] {
				fs = append(fs, Finding{Code: CodeMultipleHeads, Severity: diff.Error, Pos: k.parentPos, Object: "revision " + k.revision,
					Message: fmt.Sprintf("Revision %s has the same parent %s as %s: the history branches; run `alembic merge heads` or rebase this revision onto the head.", k.revision, p, kids[0].revision)})
			}
		}
	}
	if dirMode && len(roots) > 1 {
		for _, r := range roots[1:] {
			fs = append(fs, Finding{Code: CodeMultipleHeads, Severity: diff.Error, Pos: r.parentPos, Object: "revision " + r.revision,
				Message: fmt.Sprintf("Revision %s starts a second history next to %s; set its down_revision to the current head.", r.revision, roots[0].revision)})
		}
	}
	// Breadth-first from the roots, in file order among siblings; a merge
	// runs once, after all its parents.
	var out []*migration
	done := map[*migration]bool{}
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if done[m] {
			continue
		}
		ready := true
		for _, p := range m.parents {
			if pm := byRev[p]; pm != nil && !done[pm] {
				ready = false
			}
		}
		if !ready {
			continue
		}
		done[m] = true
		out = append(out, m)
		queue = append(queue, children[m.revision]...)
	}
	for _, m := range migs { // cycles: keep what is left, in file order
		if !done[m] {
			out = append(out, m)
		}
	}
	return out, fs
}

func sortedRevKeys(m map[string][]*migration) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
