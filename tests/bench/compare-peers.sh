#!/usr/bin/env bash
# Compares Coform's PDF writer with two common ways of making a PDF from the same form: Coform's HTML export printed
# by headless Chromium, and the same HTML converted by headless LibreOffice. The form is the bundled CHC review filled
# with long answers. Each is run once to warm up, then timed over several runs in one go; the script prints the three
# medians and how many times faster Coform is (the target is at least 10 times faster than both).
#
# Not part of the test suite: it installs Chromium and LibreOffice Writer from Debian when they are missing.
# usage: tests/bench/compare-peers.sh [BUILD_DIR] [RUNS]     (defaults: build, 7)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
runs=${2:-7}
cli=$build/bin/coform-cli
template=$root/forms/resources/templates/chc-review.json
answers=$root/tests/data/pdf/chc-review-long-answers.json

if [[ ! -x $cli ]]; then
    echo "compare-peers: $cli not found; build coform-cli first (or pass the build directory)" >&2
    exit 1
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
if ((${#missing[@]})); then
    echo "compare-peers: installing ${missing[*]} (Debian packages)"
    sudo=
    [[ $(id -u) -ne 0 ]] && sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$cli" render "$template" --answers "$answers" --format html -o "$work/review.html"

now_ms() { date +%s%N | awk '{ printf "%.3f", $1 / 1000000 }'; }

# time_runs NAME COMMAND...: one warm-up run, then $runs timed runs; prints the median in ms to stdout.
time_runs() {
    local name=$1
    shift
    "$@" >/dev/null 2>&1 || { echo "compare-peers: $name failed: $*" >&2; return 1; }
    local times=() start end
    for ((i = 0; i < runs; i++)); do
        start=$(now_ms)
        "$@" >/dev/null 2>&1
        end=$(now_ms)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

coform_ms=$(time_runs coform "$cli" render "$template" --answers "$answers" -o "$work/coform.pdf")
chromium_ms=$(time_runs chromium chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/chromium-profile" --print-to-pdf="$work/chromium.pdf" "file://$work/review.html")
soffice_ms=$(time_runs libreoffice soffice -env:UserInstallation="file://$work/lo-profile" --headless \
    --convert-to pdf --outdir "$work/lo" "$work/review.html")

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
peak_kib=
if [[ -x /usr/bin/time ]]; then
    peak_kib=$(/usr/bin/time -f %M "$cli" render "$template" --answers "$answers" -o "$work/coform.pdf" 2>&1 >/dev/null | tail -1)
fi

echo "Filled CHC review, median of $runs runs each (one warm-up run not counted):"
printf '  %-44s %9s ms  (%s pages)\n' "coform-cli render (PDF)" "$coform_ms" "$(pages "$work/coform.pdf")"
printf '  %-44s %9s ms  (%s pages)\n' "chromium --headless --print-to-pdf (HTML)" "$chromium_ms" "$(pages "$work/chromium.pdf")"
printf '  %-44s %9s ms  (%s pages)\n' "soffice --headless --convert-to pdf (HTML)" "$soffice_ms" "$(pages "$work/lo/review.pdf")"
[[ -n $peak_kib ]] && printf '  coform-cli peak memory: %.1f MiB\n' "$(awk -v k="$peak_kib" 'BEGIN { print k / 1024 }')"
awk -v c="$coform_ms" -v h="$chromium_ms" -v l="$soffice_ms" 'BEGIN {
    printf "Coform is %.1f times faster than Chromium and %.1f times faster than LibreOffice (target: 10 or more).\n",
        h / c, l / c }'
