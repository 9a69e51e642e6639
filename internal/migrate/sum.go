package migrate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/schemadiff/schemadiff/schema"
)

// SumFile is the name of the integrity file in a migration directory.
const SumFile = "schemadiff.sum"

// sumVersion is the layout version of the integrity file.
const sumVersion = 1

// Sum is the content of schemadiff.sum: the migrations in the order they run,
// each with the hash of its files and its parent, and the canonical schema
// state the migrations lead to. The file is indented JSON; Hash covers all the
// rest, so that an edit by hand is detected too.
type Sum struct {
	Version    int              `json:"schemadiff_sum"`
	Format     Format           `json:"format"`
	Migrations []Entry          `json:"migrations"`
	State      *schema.Database `json:"state"`
	Hash       string           `json:"hash"`
}

// Entry records one migration.
type Entry struct {
	// Version is the migration's version (an Alembic revision id for alembic).
	Version string `json:"version"`
	// Parent is the version of the migration before it ("" for the first).
	Parent string `json:"parent"`
	// Files are the migration's files, sorted by name, with their hashes.
	Files []FileSum `json:"files"`
}

// FileSum is the hash of one migration file.
type FileSum struct {
	Name string `json:"name"`
	Hash string `json:"hash"` // "sha256:" and the hex digest of the content
}

// hashBytes returns "sha256:<hex>" of data.
func hashBytes(data []byte) string {
	h := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(h[:])
}

// selfHash computes the hash of s without its Hash field.
func (s Sum) selfHash() (string, error) {
	s.Hash = ""
	data, err := json.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("hash %s: %w", SumFile, err)
	}
	return hashBytes(data), nil
}

// encode returns the file content of s, with its Hash set.
func (s Sum) encode() ([]byte, error) {
	h, err := s.selfHash()
	if err != nil {
		return nil, err
	}
	s.Hash = h
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", SumFile, err)
	}
	return append(data, '\n'), nil
}

// conflictMarker reports whether data holds git merge conflict markers.
func conflictMarker(data []byte) bool {
	for _, m := range []string{"\n<<<<<<< ", "\n>>>>>>> "} {
		if bytes.HasPrefix(data, []byte(m[1:])) || bytes.Contains(data, []byte(m)) {
			return true
		}
	}
	return false
}

// decodeSum parses the integrity file.
func decodeSum(data []byte) (*Sum, error) {
	var s Sum
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, err
	}
	if s.Version != sumVersion {
		return nil, fmt.Errorf("layout version %d is not %d (written by another schemadiff version?)", s.Version, sumVersion)
	}
	return &s, nil
}

// stripHints returns a copy of db without what only guides a diff (rename
// hints), as the recorded state must describe the database alone.
func stripHints(db *schema.Database) (*schema.Database, error) {
	data, err := json.Marshal(db)
	if err != nil {
		return nil, fmt.Errorf("record state: %w", err)
	}
	var c schema.Database
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("record state: %w", err)
	}
	for _, t := range c.Tables {
		t.RenamedFrom = ""
		for _, col := range t.Columns {
			col.RenamedFrom = ""
		}
	}
	return &c, nil
}
