CREATE SCHEMA auth;
CREATE TYPE auth.scope AS ENUM ('read', 'write', 'admin');
CREATE TABLE people (
    id integer PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    search_key text GENERATED ALWAYS AS (lower(first_name) || lower(last_name)) STORED,
    name_len integer GENERATED ALWAYS AS (length(first_name) + length(last_name)) STORED,
    scopes auth.scope[] NOT NULL DEFAULT '{read}'::auth.scope[],
    main_scope auth.scope DEFAULT 'read'
);
