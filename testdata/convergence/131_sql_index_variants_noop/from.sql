CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    tenant_id integer NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz,
    name text
);
CREATE UNIQUE INDEX accounts_email_live ON accounts (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX accounts_mixed ON accounts (tenant_id, lower(name), ((created_at AT TIME ZONE 'UTC')::date) DESC);
CREATE INDEX accounts_recent ON accounts (created_at DESC NULLS LAST);
CREATE INDEX accounts_cover ON accounts (lower(email)) INCLUDE (name, tenant_id);
CREATE INDEX accounts_coalesce ON accounts (COALESCE(deleted_at, created_at));
CREATE INDEX accounts_partial_in ON accounts (tenant_id) WHERE name IN ('a', 'b') AND deleted_at IS NOT NULL;
