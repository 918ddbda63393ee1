#!/usr/bin/env bash
# Installs what is missing, builds Coform (optimised: the build scripts/test.sh tests, in the same folder) and starts
# it on its embedded SQLite default.
# Arguments are passed on to coform (e.g. a template file to open).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOFORM_WERROR=ON >/dev/null
cmake --build build --target coform coform-cli
exec build/bin/coform "$@"
