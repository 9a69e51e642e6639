CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('ok', 'bad');
CREATE TYPE app.level AS ENUM ('low', 'high');
COMMENT ON TYPE app.level IS 'old words';
CREATE TABLE app.t (id integer PRIMARY KEY, m mood NOT NULL, l app.level NOT NULL);
