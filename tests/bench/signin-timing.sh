#!/bin/sh
# Sign-in time through the whole command, for a name that does not exist and for a real account with a wrong
# password, alternating so that both see the same machine load. Usage:
#   tests/bench/signin-timing.sh CLI [RUNS]     (CLI: a built coform-cli; RUNS: attempts of each kind, default 20)
# Prints the median and the spread (min-max, ms) of each kind and the ratio of the medians.
set -eu
cli=$1
runs=${2:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/timing.sqlite
COFORM_NEW_PASSWORD=timing-admin-pass "$cli" user add ada --role admin --db "$db" >/dev/null
COFORM_PASSWORD=timing-admin-pass COFORM_NEW_PASSWORD=timing-rita-pass \
    "$cli" user add rita --role reviewer --user ada --db "$db" >/dev/null
ms() { date +%s%3N; }
attempt() {
    start=$(ms)
    COFORM_PASSWORD=not-the-password "$cli" template list --user "$1" --db "$db" >/dev/null 2>&1 || true
    echo $(($(ms) - start))
}
i=0
: >"$dir/unknown"
: >"$dir/real"
while [ $i -lt "$runs" ]; do
    attempt nobody-here >>"$dir/unknown"
    attempt rita >>"$dir/real"
    # A real account locks after five wrong passwords: an admin's reset keeps it open (not timed).
    if [ $((i % 4)) -eq 3 ]; then
        COFORM_PASSWORD=timing-admin-pass COFORM_NEW_PASSWORD=timing-rita-pass \
            "$cli" user password rita --user ada --db "$db" >/dev/null 2>&1 ||
            sqlite3 "$db" "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE name = 'rita'"
    fi
    i=$((i + 1))
done
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%d %d %d", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
set -- $(stats "$dir/unknown")
echo "unknown name: median $1 ms (min $2, max $3)"
u=$1
set -- $(stats "$dir/real")
echo "real account, wrong password: median $1 ms (min $2, max $3)"
awk -v u="$u" -v r="$1" 'BEGIN { printf "ratio unknown/real: %.3f\n", u / r }'
