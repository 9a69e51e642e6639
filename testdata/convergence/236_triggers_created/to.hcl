dialect = "postgres"

table "accounts" {
  column "id" {
    type = "integer"
  }
  column "email" {
    type = "text"
  }
  column "name" {
    type = "text"
  }
  column "changed" {
    type    = "integer"
    default = 0
  }
  primary_key {
    columns = ["id"]
  }
}

table "account_log" {
  column "n" {
    type = "bigint"
  }
  column "note" {
    type = "text"
  }
}

function "count_change" {
  returns  = "trigger"
  language = "plpgsql"
  body     = <<-SQL
    BEGIN
      NEW.changed := OLD.changed + 1;
      RETURN NEW;
    END
  SQL
}

function "log_rows" {
  returns  = "trigger"
  language = "plpgsql"
  body     = <<-SQL
    BEGIN
      INSERT INTO account_log SELECT count(*), coalesce(TG_ARGV[0], '') FROM new_rows;
      RETURN NULL;
    END
  SQL
}

trigger "accounts_count_change" {
  on        = "accounts"
  timing    = "before"
  events    = ["update"]
  update_of = ["email", "name"]
  for_each  = "row"
  when      = "OLD.email IS DISTINCT FROM NEW.email OR OLD.name <> NEW.name"
  function  = "count_change"
  args      = ["a", "it's"]
}

trigger "accounts_log_inserts" {
  on        = "accounts"
  timing    = "after"
  events    = ["insert"]
  new_table = "new_rows"
  function  = "log_rows"
  args      = ["inserted"]
  comment   = "counts inserted rows"
}

trigger "accounts_log_updates" {
  on        = "accounts"
  timing    = "after"
  events    = ["update"]
  old_table = "old_rows"
  new_table = "new_rows"
  function  = "log_rows"
  enabled   = "disabled"
}
