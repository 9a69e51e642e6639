DO $$
BEGIN
  IF (SELECT happened FROM events WHERE id = 1) <> to_timestamp(1700000000) THEN
    RAISE EXCEPTION 'the up migration converted the rows wrongly';
  END IF;
END
$$;
