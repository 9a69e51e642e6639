-- the check option holds: a row the view cannot see is refused through it
DO $$ BEGIN
  INSERT INTO paying VALUES (9, 1, 1.00);
  RAISE EXCEPTION 'the check option let a row through';
EXCEPTION WHEN with_check_option_violation THEN NULL;
END $$;
