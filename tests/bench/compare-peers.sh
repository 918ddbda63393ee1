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

if [[ ! -x /usr/bin/time ]]; then
    echo "compare-peers: needs /usr/bin/time (Debian package time)" >&2
    exit 1
fi
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

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_runs NAME COMMAND...: one warm-up run, then $runs timed runs with /usr/bin/time. Prints two medians in ms:
# elapsed time, and processor time (user + system, the command's child processes included), which a busy machine
# disturbs much less than elapsed time.
time_runs() {
    local name=$1
    shift
    "$@" >/dev/null 2>&1 || { echo "compare-peers: $name failed: $*" >&2; return 1; }
    local wall=() cpu=() line
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1
        line=$(tail -1 "$work/time")
        wall+=("$(awk '{ printf "%.1f", $1 * 1000 }' <<<"$line")")
        cpu+=("$(awk '{ printf "%.1f", ($2 + $3) * 1000 }' <<<"$line")")
    done
    echo "$(printf '%s\n' "${wall[@]}" | median) $(printf '%s\n' "${cpu[@]}" | median)"
}

read -r coform_ms coform_cpu < <(time_runs coform "$cli" render "$template" --answers "$answers" -o "$work/coform.pdf")
read -r chromium_ms chromium_cpu < <(time_runs chromium chromium --headless --no-sandbox --disable-gpu \
    --no-pdf-header-footer --user-data-dir="$work/chromium-profile" --print-to-pdf="$work/chromium.pdf" \
    "file://$work/review.html")
read -r soffice_ms soffice_cpu < <(time_runs libreoffice soffice -env:UserInstallation="file://$work/lo-profile" \
    --headless --convert-to pdf --outdir "$work/lo" "$work/review.html")

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
peak_kib=$(/usr/bin/time -f %M "$cli" render "$template" --answers "$answers" -o "$work/coform.pdf" 2>&1 >/dev/null |
    tail -1)

echo "Filled CHC review, median of $runs runs each (one warm-up run not counted); load average: $(cut -d' ' -f1 /proc/loadavg)"
printf '  %-44s %10s %10s %7s\n' "" "elapsed" "processor" "pages"
printf '  %-44s %7s ms %7s ms %7s\n' "coform-cli render (PDF)" "$coform_ms" "$coform_cpu" "$(pages "$work/coform.pdf")"
printf '  %-44s %7s ms %7s ms %7s\n' "chromium --headless --print-to-pdf (HTML)" "$chromium_ms" "$chromium_cpu" \
    "$(pages "$work/chromium.pdf")"
printf '  %-44s %7s ms %7s ms %7s\n' "soffice --headless --convert-to pdf (HTML)" "$soffice_ms" "$soffice_cpu" \
    "$(pages "$work/lo/review.pdf")"
printf '  coform-cli peak memory: %.1f MiB\n' "$(awk -v k="$peak_kib" 'BEGIN { print k / 1024 }')"
awk -v c="$coform_ms" -v h="$chromium_ms" -v l="$soffice_ms" -v cc="$coform_cpu" -v hc="$chromium_cpu" \
    -v lc="$soffice_cpu" 'BEGIN {
    printf "Coform is %.1f times faster than Chromium and %.1f times faster than LibreOffice (elapsed; target: 10 or more)\n", h / c, l / c
    printf "Coform uses %.1f times less processor time than Chromium and %.1f times less than LibreOffice\n", hc / cc, lc / cc }'
