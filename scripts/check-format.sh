#!/usr/bin/env bash
# Fails when a C++ file tracked by git differs from what .clang-format asks for, naming each such file.
# Fix with: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
    echo "check-format: clang-format is not installed: run scripts/deps.sh" >&2
    exit 1
fi
drift=()
while IFS= read -r -d '' f; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || drift+=("$f")
done < <(git ls-files -z -- '*.cpp' '*.h')
if ((${#drift[@]})); then
    echo "check-format: ${#drift[@]} file(s) differ from .clang-format (fix with clang-format -i):" >&2
    printf '  %s\n' "${drift[@]}" >&2
    exit 1
fi
echo "check-format: every C++ file follows .clang-format"
