package main

import (
	"testing"

	"github.com/schemadiff/schemadiff/internal/pgtest"
)

// TestDevURLFunctions: a function and a trigger whose WHEN PostgreSQL stores
// in a form the built-in rules cannot match (interval * integer gets a cast)
// compare equal with --dev-url (created on the scratch server and read
// back), and show as a change without it.
func TestDevURLFunctions(t *testing.T) {
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE events (at timestamptz NOT NULL);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER events_recent BEFORE INSERT ON events FOR EACH ROW WHEN (NEW.at > now() - '1 day'::interval * 2) EXECUTE FUNCTION stamp();`)
	to := writeSchema(t, "events.hcl", `dialect = "postgres"

table "events" {
  column "at" {
    type = "timestamptz"
  }
}

function "stamp" {
  returns  = "trigger"
  language = "plpgsql"
  body     = "BEGIN RETURN NEW; END"
}

trigger "events_recent" {
  on       = "events"
  timing   = "before"
  events   = ["insert"]
  for_each = "row"
  when     = "NEW.at > now() - '1 day'::interval * 2"
  function = "stamp"
}
`)
	if r := runCLI(t, "diff", "--from", url, "--to", to, "--exit-code"); r.code != exitChanges {
		t.Errorf("without --dev-url: exit %d, want 1 (if the built-in rules now match this WHEN, pick another expression they can't)", r.code)
	}
	r := runCLI(t, "diff", "--from", url, "--to", to, "--dev-url", pgtest.AdminURL(t), "--exit-code")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("with --dev-url: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
