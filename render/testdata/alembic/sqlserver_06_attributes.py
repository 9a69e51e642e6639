"""test sqlserver_06_attributes

Revision ID: sqlserver_06_attributes
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'sqlserver_06_attributes'
down_revision = 'parent'
branch_labels = None
depends_on = None


class SQLType(sa.types.UserDefinedType):
    """A column type rendered exactly as written (SQLAlchemy has no class for it)."""

    cache_ok = True

    def __init__(self, spec):
        self.spec = spec

    def get_col_spec(self, **kw):
        return self.spec


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.create_table(
        'metric_types',
        sa.Column('id', sa.Integer(), nullable=False, autoincrement=False),
        sa.PrimaryKeyConstraint('id', name='pk_metric_types', mssql_clustered=True),
        schema='dbo',
    )
    op.execute(sa.text('CREATE TABLE [dbo].[metrics] (\n  [id] bigint IDENTITY(1, 1) NOT FOR REPLICATION NOT NULL,\n  [k] nvarchar(20) NOT NULL,\n  [type_id] int NOT NULL,\n  [v] decimal(18,2) NOT NULL,\n  CONSTRAINT [pk_metrics] PRIMARY KEY CLUSTERED ([k], [id] DESC),\n  CONSTRAINT [uq_metrics_v] UNIQUE NONCLUSTERED ([v] DESC, [id]),\n  CONSTRAINT [ck_metrics_v] CHECK NOT FOR REPLICATION (v >= 0)\n)'))
    op.create_table(
        'metric_facts',
        sa.Column('day', SQLType('date'), nullable=False),
        sa.Column('v', sa.BigInteger(), nullable=False),
        schema='dbo',
    )
    op.execute(sa.text("ALTER TABLE [dbo].[metrics] WITH NOCHECK ADD CONSTRAINT [ck_metrics_k] CHECK (k <> '')"))
    op.execute(sa.text('ALTER TABLE [dbo].[metrics] NOCHECK CONSTRAINT [ck_metrics_k]'))
    op.execute(sa.text('CREATE UNIQUE NONCLUSTERED INDEX [ix_metrics_type] ON [dbo].[metrics] ([type_id], [id]) WITH (PAD_INDEX = ON, FILLFACTOR = 80, IGNORE_DUP_KEY = ON, DATA_COMPRESSION = ROW)'))
    op.execute(sa.text('CREATE NONCLUSTERED COLUMNSTORE INDEX [ncci_metrics] ON [dbo].[metrics] ([type_id], [v]) WHERE v > 0'))
    op.execute(sa.text('CREATE CLUSTERED COLUMNSTORE INDEX [cci_metric_facts] ON [dbo].[metric_facts] WITH (DATA_COMPRESSION = COLUMNSTORE_ARCHIVE)'))
    op.execute(sa.text('ALTER TABLE [dbo].[metrics] WITH NOCHECK ADD CONSTRAINT [fk_metrics_type] FOREIGN KEY ([type_id]) REFERENCES [dbo].[metric_types] ([id])'))
    op.execute(sa.text('ALTER INDEX [ix_metrics_type] ON [dbo].[metrics] REBUILD WITH (PAD_INDEX = OFF, FILLFACTOR = 100, IGNORE_DUP_KEY = OFF, DATA_COMPRESSION = PAGE)'))
    op.execute(sa.text('ALTER INDEX [cci_metric_facts] ON [dbo].[metric_facts] REBUILD WITH (DATA_COMPRESSION = COLUMNSTORE)'))
    op.execute(sa.text('ALTER TABLE [dbo].[metrics] WITH CHECK CHECK CONSTRAINT [ck_metrics_k]'))
    op.execute(sa.text('ALTER TABLE [dbo].[metrics] NOCHECK CONSTRAINT [fk_metrics_type]'))


def downgrade() -> None:
    pass
