-- ~ rename primary key dbo.PK__users__3213E83F0A9D95DB to pk_users on dbo.users
-- ~ rename unique dbo.uq_orders_user to uq_orders_user_id on dbo.orders
-- ~ rename check dbo.ck_users_plan to ck_users_plan_known on dbo.users
-- ~ rename foreign key x'; DROP TABLE y;--.fk_o'dd] to fk_odd on x'; DROP TABLE y;--.a]b
-- ~ rename default dbo.df_accounts_plan to df_users_plan on dbo.users.plan
-- ~ rename index x'; DROP TABLE y;--.ix_o'ld] to ix_new
-- 6 changes: 0 to add, 6 to change, 0 to drop

SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

EXEC sp_rename N'[dbo].[PK__users__3213E83F0A9D95DB]', N'pk_users', N'OBJECT';
GO

EXEC sp_rename N'[dbo].[uq_orders_user]', N'uq_orders_user_id', N'OBJECT';
GO

EXEC sp_rename N'[dbo].[ck_users_plan]', N'ck_users_plan_known', N'OBJECT';
GO

EXEC sp_rename N'[x''; DROP TABLE y;--].[fk_o''dd]]]', N'fk_odd', N'OBJECT';
GO

EXEC sp_rename N'[dbo].[df_accounts_plan]', N'df_users_plan', N'OBJECT';
GO

EXEC sp_rename N'[x''; DROP TABLE y;--].[a]]b].[ix_o''ld]]]', N'ix_new', N'INDEX';
GO
