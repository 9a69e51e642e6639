CREATE TABLE accounts (
  id integer PRIMARY KEY,
  email text NOT NULL
);
CREATE TABLE events (
  id integer NOT NULL,
  account_id integer NOT NULL,
  kind text,
  amount integer NOT NULL
);
