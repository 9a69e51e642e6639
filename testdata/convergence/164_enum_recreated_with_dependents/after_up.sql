INSERT INTO jobs (id) VALUES (4);
DO $$
BEGIN
  IF (SELECT count(*) FROM jobs WHERE done) <> 1 OR (SELECT max(state) FROM jobs) <> 'a' THEN
    RAISE EXCEPTION 'the rows did not survive the retype';
  END IF;
END
$$;
