CREATE TABLE docs (
  id integer PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  meta jsonb NOT NULL DEFAULT '{}',
  ip inet NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  published date NOT NULL,
  expires timestamptz NOT NULL DEFAULT now() + '30 days',
  archived_at timestamptz NOT NULL DEFAULT '0001-01-01 00:00:00'::timestamp,
  price numeric NOT NULL DEFAULT 0.0,
  search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || body)) STORED,
  CONSTRAINT docs_meta_check CHECK (NOT meta @> '{"hidden": true}'),
  CONSTRAINT docs_ip_check CHECK (ip << '10.0.0.0/8'),
  CONSTRAINT docs_tags_check CHECK (NOT tags && '{spam}')
);
CREATE INDEX docs_fts_idx ON docs USING gin (to_tsvector('english', title || ' ' || body));
CREATE INDEX docs_recent_idx ON docs (id) WHERE published > '2020-01-01' AND published < date '2030-01-01' - '1 year'::interval;
