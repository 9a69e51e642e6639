dialect = "postgres"

table "countries" {
  column "id" {
    type = "serial"
  }
  column "code" {
    type = "char(2)"
  }
  primary_key {
    columns = ["id"]
  }
  unique "countries_code_key" {
    columns = ["code"]
  }
}

table "cities" {
  column "id" {
    type = "serial"
  }
  column "country_code" {
    type = "char(2)"
    null = true
  }
  column "parent_id" {
    type = "integer"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key {
    columns     = ["country_code"]
    ref_table   = "countries"
    ref_columns = ["code"]
    on_update   = "CASCADE"
    on_delete   = "SET NULL"
  }
  foreign_key "cities_parent_fk" {
    columns            = ["parent_id"]
    ref_table          = "cities"
    ref_columns        = ["id"]
    deferrable         = true
    initially_deferred = true
  }
}
