# A small shop over two schemas: the tour of the desired-schema format.
dialect = "postgres"

schema "audit" {
  comment = "Append-only history, kept apart from the shop tables"
}

enum "order_status" {
  values = ["pending", "paid", "shipped", "cancelled"]
}

table "customers" {
  comment = "People who buy"

  column "id" {
    type = "bigint"
    identity {}
  }
  column "email" {
    type = "text"
  }
  column "full_name" {
    type    = "text"
    null    = true
    comment = "As the customer wrote it"
  }
  column "created_at" {
    type    = "timestamptz"
    default = sql("now()")
  }

  primary_key {
    columns = ["id"]
  }
  index "customers_email_lower_key" {
    unique = true
    on {
      expr = "lower(email)"
    }
  }
}

table "products" {
  column "id" {
    type = "integer"
    identity {
      always = true
    }
  }
  column "sku" {
    type   = "varchar(32)"
    unique = true
  }
  column "name" {
    type      = "text"
    collation = "C"
  }
  column "price" {
    type = "numeric(10,2)"
  }
  column "attributes" {
    type    = "jsonb"
    default = sql("'{}'::jsonb")
  }
  column "tags" {
    type = "text[]"
    null = true
  }
  column "deleted_at" {
    type = "timestamptz"
    null = true
  }

  primary_key {
    columns = ["id"]
  }
  check "products_price_check" {
    expr = "price >= 0"
  }
  index "products_attributes_idx" {
    columns = ["attributes"]
    using   = "gin"
  }
  index "products_live_name_idx" {
    columns = ["name"]
    where   = "deleted_at IS NULL"
  }
}

table "orders" {
  column "id" {
    type = "bigint"
    identity {}
  }
  column "customer_id" {
    type = "bigint"
  }
  column "status" {
    type    = "order_status"
    default = "pending"
  }
  column "placed_at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  column "total" {
    type    = "numeric(12,2)"
    default = 0
  }

  primary_key {
    columns = ["id"]
  }
  foreign_key "orders_customer_id_fkey" {
    columns     = ["customer_id"]
    ref_table   = "customers"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
  index "orders_customer_recent_idx" {
    on {
      column = "customer_id"
    }
    on {
      column = "placed_at"
      desc   = true
    }
    include = ["status"]
  }
}

table "order_items" {
  column "order_id" {
    type = "bigint"
  }
  column "line_no" {
    type = "integer"
  }
  column "product_id" {
    type = "integer"
  }
  column "quantity" {
    type = "integer"
  }
  column "unit_price" {
    type = "numeric(10,2)"
  }
  column "line_total" {
    type = "numeric(12,2)"
    computed {
      expr      = "quantity * unit_price"
      persisted = true
    }
  }

  primary_key {
    columns = ["order_id", "line_no"]
  }
  foreign_key "order_items_order_id_fkey" {
    columns     = ["order_id"]
    ref_table   = "orders"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
  foreign_key "order_items_product_id_fkey" {
    columns     = ["product_id"]
    ref_table   = "products"
    ref_columns = ["id"]
    on_delete   = "RESTRICT"
  }
  check "order_items_quantity_check" {
    expr = "quantity > 0"
  }
}

table "events" {
  schema  = "audit"
  comment = "What happened to a customer, newest first"

  column "id" {
    type = "bigint"
    identity {}
  }
  column "customer_id" {
    type = "bigint"
    null = true
  }
  column "kind" {
    type = "varchar(40)"
  }
  column "payload" {
    type = "jsonb"
    null = true
  }
  column "occurred_at" {
    type    = "timestamptz"
    default = sql("now()")
  }

  primary_key {
    columns = ["id"]
  }
  foreign_key "events_customer_id_fkey" {
    columns     = ["customer_id"]
    ref_table   = "public.customers"
    ref_columns = ["id"]
    on_delete   = "CASCADE"
  }
  index "events_occurred_at_idx" {
    on {
      column = "occurred_at"
      desc   = true
      nulls  = "last"
    }
  }
}

table "order_history" {
  schema = "audit"

  column "order_id" {
    type = "bigint"
  }
  column "changed_at" {
    type    = "timestamptz"
    default = sql("now()")
  }
  column "status" {
    type = "text"
  }

  primary_key {
    columns = ["order_id", "changed_at"]
  }
  foreign_key "order_history_order_id_fkey" {
    columns            = ["order_id"]
    ref_table          = "public.orders"
    ref_columns        = ["id"]
    on_delete          = "CASCADE"
    deferrable         = true
    initially_deferred = true
  }
  check "order_history_status_check" {
    expr = "status IN ('pending', 'paid', 'shipped', 'cancelled')"
  }
}

# What each customer has ordered: a view over two tables, compared without a
# dev database by the built-in normalizer (columns of a join are qualified,
# as PostgreSQL prints them).
view "customer_totals" {
  query = <<-SQL
    SELECT c.id, c.email, count(o.id) AS orders, coalesce(sum(o.total), 0) AS spent
    FROM customers c
    LEFT JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id, c.email
  SQL
  comment = "Orders and spend per customer"
}

# Every status change of an order is kept in audit.order_history.
function "log_order_status" {
  returns  = "trigger"
  language = "plpgsql"
  body     = <<-SQL
    BEGIN
      INSERT INTO audit.order_history (order_id, status) VALUES (NEW.id, NEW.status::text);
      RETURN NEW;
    END
  SQL
}

trigger "orders_log_status" {
  on        = "orders"
  timing    = "after"
  events    = ["update"]
  update_of = ["status"]
  for_each  = "row"
  when      = "OLD.status IS DISTINCT FROM NEW.status"
  function  = "log_order_status"
}
