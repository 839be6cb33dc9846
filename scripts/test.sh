#!/usr/bin/env bash
# Run the test suite: SQLite always; PostgreSQL too when a server answers on 127.0.0.1:5432
# (each run creates and drops throwaway databases there). Pytest's exit code 5 (no tests
# collected) counts as success.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
if [ -z "${FACTFINDER_TEST_POSTGRES_URL:-}" ] && \
   .venv/bin/python -c "import psycopg; psycopg.connect('postgresql://postgres@127.0.0.1:5432/test', connect_timeout=3).close()" 2>/dev/null; then
  export FACTFINDER_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test
fi
# The suite runs on every core (pytest-xdist; FACTFINDER_TEST_WORKERS=0 runs it in one process):
# each test makes its own databases, folders and ports, so workers share nothing.
.venv/bin/python -m pytest -n "${FACTFINDER_TEST_WORKERS:-auto}" "$@"
rc=$?
[ "$rc" -eq 5 ] && rc=0
exit $rc
