#!/usr/bin/env bash
# The reviews list of 100,000 people with their names, NHS numbers and dates of birth sealed (docs/security.md),
# against the same benchmark built from the commit before, in one run on one machine: each binary fills its own
# database with the same demonstration data, then times opening the list, the searches and the reviews window.
# Prints each benchmark's median for both and the ratio new / previous.
#
# usage: tests/bench/reviews-vs-previous.sh NEW_BUILD_DIR PREVIOUS_BUILD_DIR [REVIEWS] [REPETITIONS]
#        (each build directory with bin/bench_reviews_gui; defaults: 100000 reviews, 5 repetitions)
set -euo pipefail

new=${1:?usage: reviews-vs-previous.sh NEW_BUILD_DIR PREVIOUS_BUILD_DIR [REVIEWS] [REPETITIONS]}
old=${2:?usage: reviews-vs-previous.sh NEW_BUILD_DIR PREVIOUS_BUILD_DIR [REVIEWS] [REPETITIONS]}
reviews=${3:-100000}
repetitions=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for which in old new; do
    dir=$old
    [[ $which == new ]] && dir=$new
    echo "== $which: $dir/bin/bench_reviews_gui ($reviews reviews)" >&2
    COFORM_BENCH_REVIEWS=$reviews QT_QPA_PLATFORM=offscreen "$dir/bin/bench_reviews_gui" \
        --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
        --benchmark_format=json --benchmark_out="$work/$which.json" --benchmark_out_format=json >/dev/null
done

python3 - "$work/old.json" "$work/new.json" <<'PY'
import json, sys
def medians(path):
    out = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") == "median":
            out[b["run_name"]] = b["real_time"]
    return out
old, new = medians(sys.argv[1]), medians(sys.argv[2])
print(f"{'benchmark':28} {'previous ms':>12} {'sealed ms':>12} {'ratio':>7}")
for name in new:
    if name in old:
        print(f"{name:28} {old[name]:12.1f} {new[name]:12.1f} {new[name] / old[name]:7.2f}")
    else:
        print(f"{name:28} {'-':>12} {new[name]:12.1f} {'-':>7}")
PY
