INSERT INTO jobs (id) VALUES (2);
DELETE FROM jobs WHERE state = 'c';
