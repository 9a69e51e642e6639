-- Definitions written the natural way, which SQL Server stores in its own
-- form (stored_forms.json holds the catalog rows; README.md cites the
-- evidence for each stored form):
--   status IN ('active','invited')   -> ([status]='invited' OR [status]='active')
--   CAST(code AS int) > 0            -> (CONVERT([int],[code])>(0))
--   CAST(due_text AS datetime)       -> (CONVERT([datetime],[due_text],(0)))
--   DEFAULT 'active' / 0 / 1         -> (N'active') / ((0)) / ((1))
--   DEFAULT GETDATE() / NEWID()      -> (getdate()) / (newid())
--   DEFAULT '2020-01-01'             -> ('2020-01-01')
--   WHERE is_deleted = 0             -> ([is_deleted]=(0))
--   rowversion                       -> sys.types name timestamp
-- and unnamed constraints get generated names (DF__accounts__statu__5CD6CB2B).
-- The database allows SNAPSHOT isolation, so introspection reads in SNAPSHOT.
ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;
GO
CREATE TABLE dbo.accounts (
    id int IDENTITY(1, 1) NOT NULL PRIMARY KEY CLUSTERED,
    status nvarchar(20) NOT NULL DEFAULT N'active' CHECK (status IN ('active', 'invited')),
    code nvarchar(10) NOT NULL CONSTRAINT ck_accounts_code CHECK (CAST(code AS int) > 0),
    is_deleted bit NOT NULL DEFAULT 0,
    is_active bit NOT NULL CONSTRAINT df_accounts_is_active DEFAULT 1,
    created_at datetime NOT NULL DEFAULT GETDATE(),
    public_id uniqueidentifier NOT NULL DEFAULT NEWID(),
    starts_on date NOT NULL DEFAULT '2020-01-01',
    due_text varchar(30) NULL,
    due_at AS CAST(due_text AS datetime),
    row_version rowversion NOT NULL,
    email nvarchar(320) NULL
);
CREATE INDEX ix_accounts_active ON dbo.accounts (status) WHERE is_deleted = 0;
CREATE UNIQUE INDEX ix_accounts_email ON dbo.accounts (email) WHERE email IS NOT NULL;
GO
-- An XML index, which the model cannot hold (named in a warning), beside a
-- nonclustered columnstore index, which it holds.
CREATE TABLE dbo.documents (
    id int NOT NULL CONSTRAINT pk_documents PRIMARY KEY CLUSTERED,
    body xml NULL
);
CREATE PRIMARY XML INDEX xml_documents_body ON dbo.documents (body);
CREATE NONCLUSTERED COLUMNSTORE INDEX ncci_documents ON dbo.documents (id);
GO
-- System CLR types (hierarchyid, geography) read by name; a column of a user
-- CLR type reads with a NULL base type name and is left out with a warning.
-- The user type needs an assembly built from a .NET class, so it is not
-- created here (the live test leaves this recording out):
--   CREATE ASSEMBLY Geo FROM 'C:\assemblies\Geo.dll';
--   CREATE TYPE dbo.GeoPoint EXTERNAL NAME Geo.[Geo.GeoPoint];
CREATE TABLE dbo.places (
    id int NOT NULL CONSTRAINT pk_places PRIMARY KEY CLUSTERED,
    node hierarchyid NULL,
    location geography NULL
    -- , spot dbo.GeoPoint NULL
);
CREATE SPATIAL INDEX six_places_location ON dbo.places (location);
