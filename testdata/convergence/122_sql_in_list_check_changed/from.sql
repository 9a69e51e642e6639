CREATE TABLE accounts (
    id integer PRIMARY KEY,
    status varchar(20) NOT NULL DEFAULT 'active',
    plan text NOT NULL,
    CONSTRAINT accounts_status_check CHECK (status IN ('active', 'invited', 'suspended')),
    CHECK (plan = 'free' OR plan = 'pro')
);
