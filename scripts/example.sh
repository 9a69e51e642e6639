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
