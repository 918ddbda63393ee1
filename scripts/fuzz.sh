#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer) in build-fuzz/ and runs each for FUZZ_SECONDS (60) seconds,
# seeded from the bundled templates and tests/data (the corpus of real forms included). Exits non-zero when a target
# crashes; the crashing input is left in build-fuzz/findings/TARGET/.
#   FUZZ_SECONDS=300 ./scripts/fuzz.sh            run longer
#   ./scripts/fuzz.sh fuzz_fhir                    one target
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=build-fuzz
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx is missing (scripts/deps.sh installs clang-14)" >&2; exit 1; }

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer" \
    -DCOFORM_FUZZ=ON -DCOFORM_BENCH=OFF >/dev/null
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_template_json fuzz_answers_json fuzz_fhir)
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

seeds_for() {
    case $1 in
        fuzz_template_json) find forms/resources/templates tests/data -name '*.json' ! -path '*/fhir/*' ;;
        fuzz_answers_json) find tests/data -name '*.json' -exec grep -l 'coform-answers/1' {} + ;;
        fuzz_fhir) find tests/data/corpus/fhir tests/data/fhir -name '*.json' ;;
    esac
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
status=0
for t in "${targets[@]}"; do
    work=$build/corpus/$t seeds=$build/seeds/$t findings=$build/findings/$t
    rm -rf "$seeds" && mkdir -p "$work" "$seeds" "$findings"
    seeds_for "$t" | while read -r f; do cp "$f" "$seeds/"; done
    echo "== $t: $(ls "$seeds" | wc -l) seeds, $seconds s"
    if ! "$build/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict=tests/fuzz/json.dict -artifact_prefix="$findings/" -print_final_stats=1 "$work" "$seeds" \
        2>"$build/$t.log"; then
        echo "== $t: FAILED (see $build/$t.log and $findings/)" >&2
        tail -30 "$build/$t.log" >&2
        status=1
    else
        grep -E '^stat::(number_of_executed_units|peak_rss_mb)|Done [0-9]+ runs' "$build/$t.log" || true
        echo "== $t: no crash"
    fi
done
exit $status
