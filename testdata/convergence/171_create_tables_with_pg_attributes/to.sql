CREATE TABLE accounts (
  id integer NOT NULL,
  email text,
  region text NOT NULL,
  CONSTRAINT accounts_pkey PRIMARY KEY (id, region),
  CONSTRAINT accounts_email_key UNIQUE NULLS NOT DISTINCT (email) DEFERRABLE,
  CONSTRAINT accounts_region_email_key UNIQUE (region, email) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE tokens (
  id integer NOT NULL,
  CONSTRAINT tokens_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE docs (
  id integer NOT NULL,
  owner_id integer,
  owner_region text,
  title text NOT NULL,
  body tsvector,
  data jsonb,
  size integer NOT NULL,
  CONSTRAINT docs_pkey PRIMARY KEY (id),
  CONSTRAINT docs_size_check CHECK (size >= 0) NO INHERIT
);
ALTER TABLE docs ADD CONSTRAINT docs_size_small CHECK (size < 1000000) NOT VALID;
ALTER TABLE docs ADD CONSTRAINT docs_owner_fkey FOREIGN KEY (owner_id, owner_region) REFERENCES accounts (id, region) MATCH FULL DEFERRABLE;
ALTER TABLE docs ADD CONSTRAINT docs_parent_fkey FOREIGN KEY (id) REFERENCES docs (id) NOT VALID;
CREATE INDEX docs_title_idx ON docs (title COLLATE "C" text_pattern_ops) WITH (fillfactor = 70);
CREATE INDEX docs_data_idx ON docs USING gin (data jsonb_path_ops) WITH (fastupdate = false, gin_pending_list_limit = 128);
COMMENT ON INDEX docs_data_idx IS 'containment';
COMMENT ON CONSTRAINT accounts_pkey ON accounts IS 'account key';
COMMENT ON CONSTRAINT docs_owner_fkey ON docs IS 'owner';
COMMENT ON CONSTRAINT docs_size_small ON docs IS 'new rows only';
CREATE INDEX docs_body_idx ON docs USING gist (body tsvector_ops (siglen = 32));
CREATE UNIQUE INDEX docs_owner_region_idx ON docs (owner_id, owner_region) NULLS NOT DISTINCT;
