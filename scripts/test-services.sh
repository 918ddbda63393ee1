# Sourced by test.sh: starts the services the tests need on loopback, and stops them afterwards.
# PostgreSQL: a throwaway server (initdb in a temporary directory) with three login roles, as a team would run it:
#   COFORM_TEST_PG_OWNER_URL  coform_owner: creates the tests' schemas, migrates them and grants (no superuser)
#   COFORM_TEST_PG_URL        coform_app: what Coform connects as (rows only; the audit trail read and append only)
#   COFORM_TEST_PG_REPORT_URL coform_report: a reporting role (no personal columns)

start_test_services() {
    COFORM_PG_DIR=
    local pgbin
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -z $pgbin ]]; then
        echo "test-services: PostgreSQL is not installed; PostgreSQL tests will be skipped"
        return 0
    fi
    COFORM_PG_DIR=$(mktemp -d)
    chmod 755 "$COFORM_PG_DIR"
    local port=$((20000 + RANDOM % 20000))
    local runas=()
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres "$COFORM_PG_DIR" 2>/dev/null || true
        runas=(runuser -u postgres --)
    fi
    if ! "${runas[@]}" "$pgbin/initdb" -D "$COFORM_PG_DIR/data" -U coform --auth=trust -E UTF8 >"$COFORM_PG_DIR/initdb.log" 2>&1; then
        echo "test-services: initdb failed; PostgreSQL tests will be skipped"; cat "$COFORM_PG_DIR/initdb.log"
        return 0
    fi
    if ! "${runas[@]}" "$pgbin/pg_ctl" -D "$COFORM_PG_DIR/data" -l "$COFORM_PG_DIR/server.log" -w \
        -o "-h 127.0.0.1 -p $port -k $COFORM_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null; then
        echo "test-services: PostgreSQL did not start; PostgreSQL tests will be skipped"; cat "$COFORM_PG_DIR/server.log"
        return 0
    fi
    export COFORM_PG_BIN=$pgbin
    # The bootstrap superuser only makes the roles; no test connects as it.
    if ! "$pgbin/psql" -qX -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U coform -d postgres >"$COFORM_PG_DIR/roles.log" 2>&1 <<'SQL'
CREATE ROLE coform_owner LOGIN;
GRANT CREATE ON DATABASE postgres TO coform_owner;
CREATE ROLE coform_app LOGIN;
CREATE ROLE coform_report LOGIN;
SQL
    then
        echo "test-services: the test roles could not be made"; cat "$COFORM_PG_DIR/roles.log"
        return 0
    fi
    export COFORM_TEST_PG_OWNER_URL="postgresql://coform_owner@127.0.0.1:$port/postgres"
    export COFORM_TEST_PG_URL="postgresql://coform_app@127.0.0.1:$port/postgres"
    export COFORM_TEST_PG_REPORT_URL="postgresql://coform_report@127.0.0.1:$port/postgres"
    echo "test-services: PostgreSQL on 127.0.0.1:$port"
}

stop_test_services() {
    if [[ -n ${COFORM_PG_DIR:-} && -d $COFORM_PG_DIR/data ]]; then
        local runas=()
        [[ $(id -u) -eq 0 ]] && runas=(runuser -u postgres --)
        "${runas[@]}" "$COFORM_PG_BIN/pg_ctl" -D "$COFORM_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$COFORM_PG_DIR"
    fi
}
