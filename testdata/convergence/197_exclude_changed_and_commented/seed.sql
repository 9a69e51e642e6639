INSERT INTO slots VALUES (1, true, '[1,5)', '[1,2)'), (2, false, '[10,20)', '[3,4)');
