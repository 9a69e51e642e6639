-- Clustered primary keys (the default), IDENTITY(100,5), a persisted computed
-- column, a DESC key with INCLUDE columns, max types, comments and a collation.
CREATE TABLE dbo.customers (
    id int IDENTITY(1,1) NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
    code varchar(20) COLLATE Latin1_General_BIN2 NOT NULL,
    name nvarchar(100) NOT NULL,
    CONSTRAINT uq_customers_code UNIQUE (code)
);
CREATE TABLE dbo.orders (
    id bigint IDENTITY(100,5) NOT NULL,
    customer_id int NOT NULL,
    placed_at datetime2(3) NOT NULL CONSTRAINT df_orders_placed_at DEFAULT SYSUTCDATETIME(),
    quantity int NOT NULL CONSTRAINT df_orders_quantity DEFAULT 1,
    unit_price decimal(18,4) NOT NULL,
    total AS (quantity * unit_price) PERSISTED NOT NULL,
    notes nvarchar(max) NULL,
    attachment varbinary(max) NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES dbo.customers (id) ON DELETE CASCADE,
    CONSTRAINT ck_orders_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_orders_customer_placed ON dbo.orders (customer_id, placed_at DESC) INCLUDE (total, notes);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer orders, one row per checkout',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'orders';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Free-text notes from the customer',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'notes';
