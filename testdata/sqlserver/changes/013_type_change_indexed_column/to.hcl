dialect = "sqlserver"

table "countries" {
  column "code" {
    type = "nvarchar(3)"
  }
  column "name" {
    type = "nvarchar(100)"
  }

  primary_key {
    columns = ["code"]
  }
  index "ix_countries_name" {
    columns = ["name"]
    include = ["code"]
  }
}

table "addresses" {
  column "id" {
    type = "int"
  }
  column "country_code" {
    type = "nvarchar(3)"
  }

  primary_key {
    columns = ["id"]
  }
  foreign_key "fk_addresses_country" {
    columns     = ["country_code"]
    ref_table   = "countries"
    ref_columns = ["code"]
  }
  index "ix_addresses_country" {
    columns = ["country_code"]
  }
}
