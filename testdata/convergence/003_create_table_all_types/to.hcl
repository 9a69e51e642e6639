dialect = "postgres"

table "kinds" {
  column "c_smallint" {
    type = "smallint"
  }
  column "c_int" {
    type = "int"
  }
  column "c_int4" {
    type = "int4"
  }
  column "c_bigint" {
    type = "bigint"
  }
  column "c_numeric" {
    type = "numeric(10,2)"
  }
  column "c_numeric_plain" {
    type = "numeric"
  }
  column "c_real" {
    type = "real"
  }
  column "c_double" {
    type = "double precision"
  }
  column "c_text" {
    type = "text"
  }
  column "c_varchar" {
    type = "varchar(50)"
  }
  column "c_varchar_nolen" {
    type = "varchar"
  }
  column "c_char" {
    type = "char(2)"
  }
  column "c_bool" {
    type = "bool"
  }
  column "c_date" {
    type = "date"
  }
  column "c_time" {
    type = "time"
  }
  column "c_timestamp" {
    type = "timestamp"
  }
  column "c_timestamp3" {
    type = "timestamp(3)"
  }
  column "c_timestamptz" {
    type = "timestamptz"
  }
  column "c_interval" {
    type = "interval"
  }
  column "c_uuid" {
    type = "uuid"
  }
  column "c_json" {
    type = "json"
  }
  column "c_jsonb" {
    type = "jsonb"
  }
  column "c_bytea" {
    type = "bytea"
  }
  column "c_inet" {
    type = "inet"
  }
  column "c_text_array" {
    type = "text[]"
  }
  column "c_int_array" {
    type = "integer[]"
  }
}
