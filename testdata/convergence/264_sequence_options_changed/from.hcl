dialect = "postgres"

sequence "tickets" {
  comment = "tickets"
}

sequence "countdown" {
  type      = "integer"
  increment = -1
}
