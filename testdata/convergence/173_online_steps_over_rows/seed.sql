INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 50) g;
INSERT INTO events SELECT g, 1 + g % 50, 'click', g % 7 FROM generate_series(1, 500) g;
