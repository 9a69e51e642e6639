CREATE TABLE settings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    tags text[] DEFAULT ARRAY[]::text[] NOT NULL,
    day date DEFAULT CURRENT_DATE NOT NULL,
    expires_at timestamp with time zone DEFAULT (now() + '1 day'::interval) NOT NULL,
    fee numeric(6,2) DEFAULT 1.50 NOT NULL,
    zero numeric DEFAULT -0 NOT NULL,
    big double precision DEFAULT 1e3 NOT NULL,
    active boolean DEFAULT 't' NOT NULL,
    label varchar DEFAULT 'none'::character varying,
    code character(1) DEFAULT 'A'::bpchar,
    ratio real DEFAULT 0.5,
    CONSTRAINT settings_pkey PRIMARY KEY (id)
);
