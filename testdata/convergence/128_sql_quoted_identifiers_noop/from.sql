CREATE TABLE "user" (
    "Id" integer PRIMARY KEY,
    "Email Address" text NOT NULL UNIQUE
);

CREATE TABLE "Order Items" (
    "OrderId" integer NOT NULL,
    "LineNo" integer NOT NULL,
    "UserId" integer REFERENCES "user" ("Id"),
    "Qty" integer NOT NULL CHECK ("Qty" > 0),
    PRIMARY KEY ("OrderId", "LineNo")
);

CREATE INDEX ON "Order Items" ("UserId");
CREATE INDEX ON "user" (lower("Email Address"));
