#!/usr/bin/env bash
# The main job, offline: build schemadiff and diff the example schemas in
# testdata/examples (no database needed: both sides are schema files).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bin
go build -o bin/schemadiff ./cmd/schemadiff
sd=bin/schemadiff
ex=testdata/examples/postgres

echo "== schemadiff validate $ex/shop.hcl"
$sd validate "$ex/shop.hcl"
echo
echo "== schemadiff diff --from $ex/empty.hcl --to $ex/shop.hcl --format plan"
$sd diff --from "$ex/empty.hcl" --to "$ex/shop.hcl" --format plan
echo
echo "== schemadiff diff --from $ex/empty.hcl --to $ex/shop.hcl   (the migration SQL)"
$sd diff --from "$ex/empty.hcl" --to "$ex/shop.hcl"
echo
echo "== schemadiff diff --from $ex/users.hcl --to $ex/users.yaml --exit-code   (HCL and YAML agree)"
$sd diff --from "$ex/users.hcl" --to "$ex/users.yaml" --exit-code && echo "no changes"

# SQL Server cannot run here: the project's TDS test server speaks its wire
# protocol and serves catalog rows recorded as SQL Server stores them
# (introspect/testdata/sqlserver), so the real driver reads a "live" database.
go build -o bin/tdsserve ./internal/tdstest/cmd/tdsserve
log=$(mktemp)
bin/tdsserve -recording introspect/testdata/sqlserver/users.json -addr 127.0.0.1:0 2>"$log" &
tds=$!
trap 'kill $tds 2>/dev/null; wait $tds 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q 'sqlserver://' "$log" && break; sleep 0.1; done
url=$(grep -o 'sqlserver://[^ ]*' "$log" | head -n 1)
ms=testdata/examples/sqlserver
echo
echo "== schemadiff inspect --url sqlserver://…  (seed 002's tables, over TDS from recorded catalog rows)"
$sd inspect --url "$url" --format hcl | sed -n '1,/^table "users"/p'
echo "…"
echo
echo "== schemadiff diff --from sqlserver://… --to $ms/users.hcl --exit-code   (the database equals the schema)"
$sd diff --from "$url" --to "$ms/users.hcl" --exit-code && echo "no changes"
echo
echo "== schemadiff diff --from $ms/empty.hcl --to $ms/users.hcl   (T-SQL: NONCLUSTERED key, CLUSTERED index, filters, INCLUDE)"
$sd diff --from "$ms/empty.hcl" --to "$ms/users.hcl" | sed -n 1,40p
