dialect = "postgres"

table "countries" {
  column "id" {
    type = "integer"
  }
  column "code" {
    type = "char(2)"
  }
  primary_key {
    columns = ["id"]
  }
}

table "cities" {
  column "id" {
    type = "integer"
  }
  column "country" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
  foreign_key "cities_country_fkey" {
    columns     = ["country"]
    ref_table   = "countries"
    ref_columns = ["id"]
  }
}
