-- Two schemas, a cross-schema foreign key, a heap whose primary key is
-- NONCLUSTERED, and no constraint named by hand.
CREATE SCHEMA audit;
GO
CREATE TABLE dbo.accounts (
    id int NOT NULL PRIMARY KEY,
    email nvarchar(320) NOT NULL UNIQUE,
    created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
    balance money NOT NULL DEFAULT 0 CHECK (balance >= 0)
);
CREATE TABLE audit.events (
    id bigint IDENTITY NOT NULL PRIMARY KEY NONCLUSTERED,
    account_id int NULL REFERENCES dbo.accounts (id) ON DELETE SET NULL,
    kind varchar(30) NOT NULL DEFAULT 'login',
    payload nvarchar(max) NULL,
    occurred_at datetimeoffset NOT NULL DEFAULT SYSDATETIMEOFFSET(),
    CHECK (kind <> '')
);
CREATE INDEX ix_events_account ON audit.events (account_id) WHERE account_id IS NOT NULL;
