dialect = "postgres"

table "events" {
  column "id" {
    type = "bigint"
  }
  column "name" {
    type = "character varying"
  }
  column "at" {
    type = "timestamp(0)"
  }
  column "at_tz" {
    type = "timestamp(3) with time zone"
    null = true
  }
  column "t" {
    type = "timetz"
    null = true
  }
  column "t2" {
    type = "time(0) without time zone"
    null = true
  }
  column "score" {
    type = "float8"
    null = true
  }
  column "flag" {
    type = "char(1)"
    null = true
  }
  column "codes" {
    type = "varchar(10)[]"
    null = true
  }
  column "grid" {
    type = "int[]"
    null = true
  }
  column "amount" {
    type = "numeric(12,3)"
    null = true
  }
  column "small" {
    type = "smallint"
    null = true
  }
  column "f4" {
    type = "real"
    null = true
  }
  column "f8" {
    type = "double precision"
    null = true
  }
  column "bits" {
    type = "varbit(8)"
    null = true
  }
  column "ch" {
    type = "character"
    null = true
  }
  column "iv" {
    type = "interval"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
}
