#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine: installs what the tests need
# (PostgreSQL, and Alembic with psycopg2 for the Alembic format, from Debian's
# packages) when it is missing, then runs go vet and
# every test. PostgreSQL tests start their own private server (initdb into a
# temp dir); nothing is left running afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

have_pg() {
  command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

have_alembic() {
  for py in python3 /usr/bin/python3; do
    command -v "$py" >/dev/null 2>&1 && "$py" -c 'import alembic, psycopg2' >/dev/null 2>&1 && return 0
  done
  return 1
}

missing=()
have_pg || missing+=(postgresql)
have_alembic || missing+=(python3-alembic python3-psycopg2)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing from Debian's packages: ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v go >/dev/null 2>&1; then
  echo "test.sh: Go is not installed (https://go.dev/doc/install, or Debian's golang-go if it is recent enough)" >&2
  exit 2
fi

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "test.sh: not gofmt-formatted:" $unformatted >&2
  exit 1
fi
go vet ./...
go test -count=1 -timeout 15m "$@" ./...
