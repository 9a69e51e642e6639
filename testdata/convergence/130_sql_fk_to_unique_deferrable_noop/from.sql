CREATE TABLE countries (
    id serial PRIMARY KEY,
    code char(2) NOT NULL,
    CONSTRAINT countries_code_key UNIQUE (code)
);
CREATE TABLE cities (
    id serial PRIMARY KEY,
    country_code char(2) REFERENCES countries (code) ON UPDATE CASCADE ON DELETE SET NULL,
    parent_id integer,
    CONSTRAINT cities_parent_fk FOREIGN KEY (parent_id) REFERENCES cities (id) DEFERRABLE INITIALLY DEFERRED
);
