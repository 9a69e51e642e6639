package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/schemadiff/schemadiff/internal/parallel"
)

// piece is a unit of Load's parallel work: a schema file, or a part of a big
// file: HCL cut between top-level blocks (hclChunks), YAML between items of
// its tables list (yamlChunks). Each piece is parsed
// and decoded by a loader of its own into a Database of its own; Load joins
// them in file order, so results and diagnostics do not depend on which
// piece finished first.
type piece struct {
	path  string
	src   []byte  // the piece's text; nil until read (whole files are read by the worker)
	start hcl.Pos // where src starts in the file
	whole bool    // the piece is the whole file
	group int     // the pieces of one file share a group number
	// tablesLine is, for a YAML piece after the first, the line of the
	// file's "tables:" key (see yamlChunks); 0 otherwise.
	tablesLine int

	l          *loader
	db         *Database
	dialect    Dialect
	dialectPos Pos
	err        error           // reading the file failed
	attrs      map[string]bool // top-level keys of a part of a file that no other part may set
	failed     bool            // a part of a file did not parse
}

// loadPieces reads, parses and decodes files (in parallel across cores) and
// returns the pieces in order. A big file is cut into parts; when a part
// fails to parse, or two parts of one file set one key, that file is
// loaded whole again, so that diagnostics are exactly those of a whole-file
// parse. It calls loaded (when set) as pieces are done. It returns the
// first read error, in file order.
func loadPieces(files []string, chunk int, loaded func(int)) ([]*piece, error) {
	var pieces []*piece
	for g, path := range files {
		var cuts []hcl.Pos
		var src []byte
		tablesLine := 0
		if st, err := os.Stat(path); err == nil && st.Size() >= int64(2*chunk) {
			if src, err = os.ReadFile(path); err != nil {
				return nil, fmt.Errorf("load schema: %w", err)
			}
			if isHCL(path) {
				cuts = hclChunks(src, chunk)
			} else {
				var yc []yamlCut
				yc, tablesLine = yamlChunks(src, chunk)
				for _, c := range yc {
					cuts = append(cuts, hcl.Pos{Line: c.line, Column: 1, Byte: c.byte})
				}
			}
		}
		if len(cuts) == 0 {
			pieces = append(pieces, &piece{path: path, src: src, start: hcl.InitialPos, whole: true, group: g})
			continue
		}
		for i, at := range cuts {
			end := len(src)
			if i+1 < len(cuts) {
				end = cuts[i+1].Byte
			}
			p := &piece{path: path, src: src[at.Byte:end], start: at, group: g}
			if i > 0 {
				p.tablesLine = tablesLine
			}
			pieces = append(pieces, p)
		}
	}
	parallel.Do(len(pieces), func(i int) {
		pieces[i].load()
		if loaded != nil && pieces[i].db != nil {
			loaded(len(pieces[i].db.Tables))
		}
	})
	out := pieces[:0:0]
	for i := 0; i < len(pieces); {
		j := i + 1
		for j < len(pieces) && pieces[j].group == pieces[i].group {
			j++
		}
		if group := pieces[i:j]; partsAgree(group) {
			out = append(out, group...)
		} else {
			whole := &piece{path: group[0].path, start: hcl.InitialPos, whole: true}
			whole.load()
			out = append(out, whole)
		}
		i = j
	}
	for _, p := range out {
		if p.err != nil {
			return nil, p.err
		}
	}
	return out, nil
}

// partsAgree reports whether the pieces of one file can stand for it: a
// whole file always does; parts do when each parsed and no two set one
// attribute.
func partsAgree(parts []*piece) bool {
	if parts[0].whole {
		return true
	}
	seen := map[string]bool{}
	for _, p := range parts {
		if p.failed {
			return false
		}
		for a := range p.attrs {
			if seen[a] {
				return false
			}
			seen[a] = true
		}
	}
	return true
}

// load reads (when a whole file), parses and decodes the piece: with the
// fast reader first (hcl_fast.go, yaml_fast.go), and with the library when
// that gives up, so that diagnostics are always the library's.
func (p *piece) load() { p.loadWith(true) }

// loadWith is load; fast=false reads with the library only.
func (p *piece) loadWith(fast bool) {
	if p.src == nil {
		src, err := os.ReadFile(p.path)
		if err != nil {
			p.err = fmt.Errorf("load schema: %w", err)
			return
		}
		p.src = src
	}
	hclFile := isHCL(p.path)
	if fast && p.loadFast(hclFile) {
		return
	}
	p.reset()
	var top object
	if hclFile {
		top = p.l.parseHCL(p.path, p.src, p.start)
	} else {
		top = p.l.parseYAML(p.path, p.src, p.tablesLine, p.start.Line)
	}
	p.src = nil // the text is not needed any more
	if top == nil {
		p.failed = true
		return
	}
	p.topAttrs(top)
	p.dialect, p.dialectPos = p.l.file(p.db, top)
}

// loadFast reads and decodes the piece with the fast reader of its
// language; false when the reader gives up, or the decoder asked for
// something the library's reader would report, or reported something.
func (p *piece) loadFast(hclFile bool) bool {
	var top object
	var bail *bool
	if hclFile {
		if fb := parseFastHCL(p.path, p.src, p.start); fb != nil {
			top, bail = fb, &fb.st.bail
		}
	} else if fy := parseFastYAML(p.path, p.src, p.tablesLine, p.start.Line); fy != nil {
		top, bail = fy, &fy.st.bail
	}
	if top == nil {
		return false
	}
	p.reset()
	p.dialect, p.dialectPos = p.l.file(p.db, top)
	if *bail || len(p.l.diags) > 0 {
		return false
	}
	p.src = nil
	p.topAttrs(top)
	return true
}

// reset gives the piece a new loader and Database, and forgets its
// dialect.
func (p *piece) reset() {
	p.l = newLoader()
	// about one recorded position per 40 (YAML) to 50 (HCL) bytes of a
	// schema file as inspect writes it: sized once, not grown
	p.l.pos = make(map[posKey]Pos, len(p.src)/40)
	p.db = &Database{}
	p.dialect, p.dialectPos = "", Pos{}
}

// topAttrs records, for a part of a file, the top-level keys it sets that
// no other part may set.
func (p *piece) topAttrs(top object) {
	if p.whole {
		return
	}
	p.attrs = map[string]bool{}
	switch o := top.(type) {
	case *fastBlock:
		for _, a := range o.attrs {
			p.attrs[a.name] = true
		}
	case *hclObject:
		for name := range o.body.Attributes {
			p.attrs[name] = true
		}
	case *yamlObject:
		for _, k := range o.keys {
			if k != "tables" { // every YAML part has one
				p.attrs[k] = true
			}
		}
	case *fyObject:
		for _, e := range o.node.kids {
			if e.key != "tables" {
				p.attrs[e.key] = true
			}
		}
	}
}

// isHCL reports whether path names an HCL file (else YAML).
func isHCL(path string) bool { return strings.EqualFold(filepath.Ext(path), ".hcl") }
