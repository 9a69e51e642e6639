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
  comment = "Everyone who ever played"

  column "id" {
    type = "integer"
    identity {}
  }
  column "nickname" {
    type         = "varchar(40)"
    renamed_from = "nick"
    unique       = true
  }
  column "score" {
    type    = "bigint"
    default = 0
  }
  column "team_id" {
    type = "integer"
  }
  column "joined_at" {
    type         = "timestamptz"
    renamed_from = "joined"
    default      = sql("now()")
  }
  column "active" {
    type    = "boolean"
    default = true
  }
  primary_key {
    name    = "players_pk"
    columns = ["id"]
  }
  foreign_key "players_team_id_fkey" {
    columns     = ["team_id"]
    ref_table   = "teams"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
  check "players_score_check" {
    expr = "score >= 0"
  }
  index "players_team_score_idx" {
    on {
      column = "team_id"
    }
    on {
      column = "score"
      desc   = true
    }
    where = "active"
  }
}
