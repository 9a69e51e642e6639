dialect = "postgres"

sequence "tickets" {
  type      = "integer"
  start     = 100
  increment = 3
  min_value = 2
  max_value = 100000
  cache     = 20
  cycle     = true
  comment   = "ticket numbers"
}

sequence "countdown" {
  type      = "smallint"
  increment = -2
  min_value = -1000
}
