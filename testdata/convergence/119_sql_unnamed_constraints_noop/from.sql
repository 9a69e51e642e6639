CREATE TABLE teams (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE members (
    id bigserial PRIMARY KEY,
    team_id integer NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email text NOT NULL,
    age integer CHECK (age >= 18),
    joined_at timestamptz DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (team_id, email)
);
