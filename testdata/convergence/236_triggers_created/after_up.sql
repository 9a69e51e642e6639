UPDATE accounts SET email = 'a@y' WHERE id = 1;
UPDATE accounts SET changed = changed WHERE id = 2;
DO $$ BEGIN
  IF (SELECT changed FROM accounts WHERE id = 1) <> 1 OR (SELECT changed FROM accounts WHERE id = 2) <> 0 THEN
    RAISE EXCEPTION 'accounts_count_change did not fire as its WHEN says';
  END IF;
END $$;
INSERT INTO accounts (id, email, name) VALUES (3, 'c@x', 'C');
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM account_log WHERE n = 1 AND note = 'inserted') THEN
    RAISE EXCEPTION 'accounts_log_inserts did not fire';
  END IF;
END $$;
DELETE FROM accounts WHERE id = 3;
DELETE FROM account_log;
UPDATE accounts SET email = 'a@x', changed = 0 WHERE id = 1;
