-- up
+ create table dbo.audit
~ alter column dbo.orders.note: set not null
    ! warning set-not-null: Setting column dbo.orders.note NOT NULL fails if a row holds NULL, and scans table dbo.orders under a schema modification lock.
+ add check orders_total_check (total >= 0) to dbo.orders
    ! warning check-may-fail: Adding check constraint orders_total_check on table dbo.orders fails if existing rows violate it.
+ create index dbo.audit_order_id_idx on dbo.audit
+ create index dbo.orders_customer_id_idx on dbo.orders
    ! warning blocking-index: Creating index orders_customer_id_idx builds it offline, holding a shared lock that blocks writes on table dbo.orders until it is built (--online builds it WITH (ONLINE = ON) only where the edition supports it: sqlserver_edition enterprise, developer or azure).
+ add foreign key audit_order_id_fkey (order_id) → dbo.orders (id) to dbo.audit
+ add foreign key orders_customer_id_fkey (customer_id) → dbo.customers (id) to dbo.orders
    ! warning fk-may-fail: Adding foreign key orders_customer_id_fkey on table dbo.orders fails if existing rows reference missing rows of dbo.customers.
7 changes: 6 to add, 1 to change, 0 to drop; 4 warnings

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE [dbo].[audit] (
  [id] int NOT NULL,
  [order_id] int NOT NULL
);
GO

ALTER TABLE [dbo].[orders] ALTER COLUMN [note] int NOT NULL;
GO
ALTER TABLE [dbo].[orders] ADD CONSTRAINT [orders_total_check] CHECK (total >= 0);
GO

CREATE NONCLUSTERED INDEX [audit_order_id_idx] ON [dbo].[audit] ([order_id]);
GO

CREATE NONCLUSTERED INDEX [orders_customer_id_idx] ON [dbo].[orders] ([customer_id]);
GO

ALTER TABLE [dbo].[audit] ADD CONSTRAINT [audit_order_id_fkey] FOREIGN KEY ([order_id]) REFERENCES [dbo].[orders] ([id]);
GO

ALTER TABLE [dbo].[orders] ADD CONSTRAINT [orders_customer_id_fkey] FOREIGN KEY ([customer_id]) REFERENCES [dbo].[customers] ([id]);
GO

-- down
- drop foreign key audit_order_id_fkey (order_id) → dbo.orders (id) from dbo.audit
- drop foreign key orders_customer_id_fkey (customer_id) → dbo.customers (id) from dbo.orders
- drop index dbo.orders_customer_id_idx
- drop check orders_total_check (total >= 0) from dbo.orders
~ alter column dbo.orders.note: drop not null
- drop table dbo.audit
    ! error drop-table: Dropping table dbo.audit deletes all its rows.
6 changes: 0 to add, 1 to change, 5 to drop; 1 error

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE [dbo].[audit] DROP CONSTRAINT [audit_order_id_fkey];
GO

ALTER TABLE [dbo].[orders] DROP CONSTRAINT [orders_customer_id_fkey];
GO
DROP INDEX [orders_customer_id_idx] ON [dbo].[orders];
GO
ALTER TABLE [dbo].[orders] DROP CONSTRAINT [orders_total_check];
GO
ALTER TABLE [dbo].[orders] ALTER COLUMN [note] int NULL;
GO

DROP TABLE [dbo].[audit];
GO

