"""test sqlserver_05_renames

Revision ID: sqlserver_05_renames
Revises: parent
Create Date: 2025-01-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'sqlserver_05_renames'
down_revision = 'parent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET ANSI_NULLS ON")
    op.execute("SET QUOTED_IDENTIFIER ON")
    op.execute(sa.text("EXEC sp_rename N'[dbo].[PK__users__3213E83F0A9D95DB]', N'pk_users', N'OBJECT'"))
    op.execute(sa.text("EXEC sp_rename N'[dbo].[uq_orders_user]', N'uq_orders_user_id', N'OBJECT'"))
    op.execute(sa.text("EXEC sp_rename N'[dbo].[ck_users_plan]', N'ck_users_plan_known', N'OBJECT'"))
    op.execute(sa.text("EXEC sp_rename N'[x''; DROP TABLE y;--].[fk_o''dd]]]', N'fk_odd', N'OBJECT'"))
    op.execute(sa.text("EXEC sp_rename N'[dbo].[df_accounts_plan]', N'df_users_plan', N'OBJECT'"))
    op.execute(sa.text("EXEC sp_rename N'[x''; DROP TABLE y;--].[a]]b].[ix_o''ld]]]', N'ix_new', N'INDEX'"))


def downgrade() -> None:
    pass
