#!/usr/bin/env bash
# Prints how fast a change reaches another instance, on SQLite and on a throwaway PostgreSQL server.
# Run after a build (scripts/test.sh or cmake --build build). Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/bin}
"$bin/bench_coedit_latency"
source ./scripts/test-services.sh
start_test_services
trap stop_test_services EXIT
if [[ -n ${COFORM_TEST_PG_URL:-} ]]; then
    # The owner makes, migrates and grants the schema; the benchmark connects as the application role.
    psql "$COFORM_TEST_PG_OWNER_URL" -qc "CREATE SCHEMA latency"
    "$bin/coform-cli" db grant --app-role coform_app --db "$COFORM_TEST_PG_OWNER_URL?schema=latency" >/dev/null
    "$bin/bench_coedit_latency" "$COFORM_TEST_PG_URL?schema=latency" 50
fi
