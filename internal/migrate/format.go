// Package migrate reads, checks and writes a migration directory: the
// migration files of one format (sql, golang-migrate, goose, dbmate, flyway,
// alembic) and the integrity file schemadiff.sum that hashes them and records
// the schema state they lead to.
package migrate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Format is a migration file layout, named after the tool that runs it.
type Format string

// The migration formats.
const (
	SQL           Format = "sql"            // <ts>_<slug>.up.sql + .down.sql (golang-migrate reads them; SQL Server: GO batches for sqlcmd)
	GolangMigrate Format = "golang-migrate" // as sql, no GO lines; optionally sequence numbers 000001_
	Goose         Format = "goose"          // <ts>_<slug>.sql with -- +goose Up / Down
	Dbmate        Format = "dbmate"         // <ts>_<slug>.sql with -- migrate:up / down
	Flyway        Format = "flyway"         // V<ts>__<slug>.sql + U<ts>__<slug>.sql
	Alembic       Format = "alembic"        // <revision>_<slug>.py, down_revision = the current head
)

// Formats lists every format, in documentation order.
func Formats() []Format { return []Format{SQL, GolangMigrate, Goose, Dbmate, Flyway, Alembic} }

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, 0, 6)
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown migration format %q (use one of %s)", s, strings.Join(names, ", "))
}

// numbered reports whether the format orders migrations by a number in the
// file name (every format but alembic, which chains revisions).
func (f Format) numbered() bool { return f != Alembic }

// Patterns of migration file names; group 1 is the version. Names that
// match none are not migrations (README, the sum file).
var (
	upDownName  = regexp.MustCompile(`^([0-9]+)_.*\.(up|down)\.sql$`)
	singleName  = regexp.MustCompile(`^([0-9]+)_.*\.sql$`)
	flywayName  = regexp.MustCompile(`^[VU]([0-9]+)__.*\.sql(\.conf)?$`)
	alembicName = regexp.MustCompile(`^([0-9A-Za-z]+)_.*\.py$`)
)

// namePattern returns the file-name pattern of format f.
func (f Format) namePattern() *regexp.Regexp {
	switch f {
	case SQL, GolangMigrate:
		return upDownName
	case Flyway:
		return flywayName
	case Alembic:
		return alembicName
	default:
		return singleName
	}
}

// versionOf returns the version a migration file name carries, and whether
// the name is a migration file of format f at all.
func (f Format) versionOf(name string) (string, bool) {
	if strings.HasPrefix(name, ".") {
		return "", false
	}
	m := f.namePattern().FindStringSubmatch(name)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// fileNamesOf returns the names of the files of one migration.
func (f Format) fileNamesOf(version, slug string) (up, down string) {
	switch f {
	case SQL, GolangMigrate:
		return version + "_" + slug + ".up.sql", version + "_" + slug + ".down.sql"
	case Flyway:
		return "V" + version + "__" + slug + ".sql", "U" + version + "__" + slug + ".sql"
	case Alembic:
		return version + "_" + slug + ".py", ""
	default:
		return version + "_" + slug + ".sql", ""
	}
}

// timestampLayout is the UTC version of timestamped formats.
const timestampLayout = "20060102150405"

// nextVersion returns the version of a new migration: the UTC time of now,
// or with seq the next six-digit sequence number; in both cases past the
// newest existing version, so that two migrations written in the same
// second still get distinct, ordered versions.
func nextVersion(seq bool, now time.Time, existing []string) string {
	var newest uint64
	for _, v := range existing {
		if n, err := strconv.ParseUint(v, 10, 64); err == nil && n > newest {
			newest = n
		}
	}
	if seq {
		return fmt.Sprintf("%06d", newest+1)
	}
	ts, _ := strconv.ParseUint(now.UTC().Format(timestampLayout), 10, 64)
	if ts <= newest {
		ts = newest + 1
	}
	return strconv.FormatUint(ts, 10)
}

// lessVersion orders numeric versions by value (longer is larger).
func lessVersion(a, b string) bool {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
