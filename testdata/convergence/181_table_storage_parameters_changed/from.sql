CREATE TABLE events (id integer PRIMARY KEY, body text NOT NULL) WITH (fillfactor = 70, autovacuum_enabled = off);
