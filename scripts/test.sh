#!/usr/bin/env bash
# Installs what is missing, builds Coform and runs every test with ctest: first a normal build with warnings as
# errors (build/), then an AddressSanitizer + UBSan build (build-asan/). Exits non-zero on any failure.
#   COFORM_SKIP_ASAN=1   only the normal build (quicker, for development)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh

jobs=$(nproc)
status=0

run_suite() {
    local dir=$1; shift
    echo "== configure and build: $dir"
    cmake -S . -B "$dir" -G Ninja -DCOFORM_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
    echo "== test: $dir"
    (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 900) || status=1
}

# The code follows .clang-format: drift fails the run (after the tests, so that one run shows everything).
format_status=0
./scripts/check-format.sh || format_status=1
# Includes go down the layers of docs/architecture.md: a wrong-way include fails the run (also after the tests).
layers_status=0
./scripts/check-layers.sh || layers_status=1

# Services the tests need are started here on loopback and stopped when the script ends.
source ./scripts/test-services.sh
start_test_services
trap stop_test_services EXIT

run_suite build -DCMAKE_BUILD_TYPE=RelWithDebInfo
if [[ -z ${COFORM_SKIP_ASAN:-} ]]; then
    # Leak checking is left on; Qt's and fontconfig's one-off allocations at exit are suppressed.
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DCOFORM_SANITIZE=ON -DCOFORM_BENCH=OFF
fi
((format_status)) && echo "== clang-format drift: see check-format above" && status=1
((layers_status)) && echo "== wrong-way includes: see the layer check above" && status=1
exit $status
