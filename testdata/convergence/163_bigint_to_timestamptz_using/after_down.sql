DO $$
BEGIN
  IF (SELECT happened FROM events WHERE id = 1) <> 1700000000 THEN
    RAISE EXCEPTION 'the down migration converted the rows wrongly';
  END IF;
END
$$;
