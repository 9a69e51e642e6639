INSERT INTO tickets (title) VALUES ('after down');
