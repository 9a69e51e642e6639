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
