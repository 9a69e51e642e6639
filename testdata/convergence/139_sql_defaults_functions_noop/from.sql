CREATE SEQUENCE ticket_numbers START 1000;
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    number bigint NOT NULL DEFAULT nextval('ticket_numbers'),
    created_utc timestamp NOT NULL DEFAULT timezone('utc', now()),
    local_at timestamp DEFAULT LOCALTIMESTAMP,
    at_time time with time zone DEFAULT CURRENT_TIME,
    note text NOT NULL DEFAULT '',
    day date DEFAULT now()::date,
    maybe integer DEFAULT NULL,
    by_user text DEFAULT CURRENT_USER,
    ts6 timestamptz DEFAULT statement_timestamp()
);
