dialect = "postgres"

table "user" {
  column "id" {
    type = "integer"
  }
  column "Group" {
    type = "text"
  }
  primary_key {
    columns = ["id"]
  }
}

table "Order" {
  column "id" {
    type = "integer"
  }
  column "userId" {
    type = "integer"
  }
  column "from" {
    type = "date"
  }
  primary_key {
    columns = ["id"]
  }
}
