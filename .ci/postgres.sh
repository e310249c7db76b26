#!/usr/bin/env bash
# A real PostgreSQL server on localhost for the SQL engine tests (test/engines): the Debian
# package, a started cluster, and the role and database the tests use. Idempotent and quiet;
# needs root (CI runs as root). Elsewhere, start a server yourself and set
# LOYALTY_TEST_POSTGRES=postgres://user:password@host:port/database.
set -euo pipefail
# The server itself, not only the client tools (psql and postgresql-common can come without it).
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null 2>&1
fi
version=$(basename "$(dirname "$(dirname "$(ls /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")")")
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster "$version" main start
fi
as_postgres() { runuser -u postgres -- "$@"; }
for _ in $(seq 1 30); do as_postgres pg_isready -q && break; sleep 0.5; done
as_postgres psql -qAt -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loyalty') THEN CREATE ROLE loyalty LOGIN PASSWORD 'loyalty'; END IF;
END $$;
SQL
if [ "$(as_postgres psql -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'loyalty_test'")" != 1 ]; then
  as_postgres createdb -O loyalty -E UTF8 -T template0 loyalty_test
fi
