# Sourced by test.sh: starts the services the tests need on loopback, and stops them afterwards.
# PostgreSQL: a throwaway server (initdb in a temporary directory) whose URL the tests find in COFORM_TEST_PG_URL.

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
    export COFORM_TEST_PG_URL="postgresql://coform@127.0.0.1:$port/postgres"
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
