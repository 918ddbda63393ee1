#!/usr/bin/env bash
# Fails when a C++ file tracked by git differs from what .clang-format asks for, naming each such file.
# Fix with: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
    echo "check-format: clang-format is not installed: run scripts/deps.sh" >&2
    exit 1
fi
# The files git tracks; in a copy without git (a source archive), every C++ file of the project's folders.
list_files() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z -- '*.cpp' '*.h'
    else
        find forms app tests \( -name '*.cpp' -o -name '*.h' \) -not -path '*/node_modules/*' -print0
    fi
}
drift=()
checked=0
while IFS= read -r -d '' f; do
    checked=$((checked + 1))
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || drift+=("$f")
done < <(list_files)
if ((checked == 0)); then
    echo "check-format: found no C++ files to check" >&2
    exit 1
fi
if ((${#drift[@]})); then
    echo "check-format: ${#drift[@]} file(s) differ from .clang-format (fix with clang-format -i):" >&2
    printf '  %s\n' "${drift[@]}" >&2
    exit 1
fi
echo "check-format: every C++ file follows .clang-format ($checked files)"
