CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text
);
COMMENT ON TABLE notes IS 'It''s "quoted"
and spans two lines';
COMMENT ON COLUMN notes.body IS E'Tab\there \\ back slash — ünïcode';
