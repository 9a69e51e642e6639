-- rows reach their partitions, the default one included
INSERT INTO events VALUES (1, '2024-06-01', 'x'), (2, '2030-01-01', 'y');
INSERT INTO names VALUES ('A');
