INSERT INTO tickets (title) VALUES ('after up');
