CREATE EXTENSION btree_gist;
CREATE TABLE bookings (
	id integer PRIMARY KEY,
	room integer NOT NULL,
	during tsrange NOT NULL
);
