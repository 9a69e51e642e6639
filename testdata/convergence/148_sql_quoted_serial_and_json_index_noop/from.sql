CREATE TABLE "AuditLog" (
    "Id" serial PRIMARY KEY,
    data jsonb NOT NULL,
    ok boolean NOT NULL,
    at timestamp NOT NULL,
    CONSTRAINT "AuditLog_ok_check" CHECK (ok = 't')
);
CREATE INDEX "AuditLog_data_id" ON "AuditLog" (((data->>'id')::integer));
