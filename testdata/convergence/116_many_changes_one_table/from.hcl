dialect = "postgres"

table "teams" {
  column "id" {
    type = "integer"
  }
  primary_key {
    columns = ["id"]
  }
}

table "players" {
  column "id" {
    type = "serial"
  }
  column "nick" {
    type = "varchar(20)"
  }
  column "score" {
    type = "integer"
  }
  column "team" {
    type = "text"
    null = true
  }
  column "team_id" {
    type = "integer"
    null = true
  }
  column "joined" {
    type = "timestamp"
    null = true
  }
  primary_key {
    columns = ["id"]
  }
  index "players_nick_idx" {
    columns = ["nick"]
  }
}
