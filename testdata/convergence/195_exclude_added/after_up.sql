-- room 0 is outside the constraint's WHERE: an overlapping booking there is accepted
INSERT INTO bookings VALUES (6, 0, '[2026-01-01 10:00, 2026-01-01 12:00)');
