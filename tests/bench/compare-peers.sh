#!/usr/bin/env bash
# Compares Coform's PDF writer with three common ways of making a PDF from the same form: Coform's HTML export printed
# by headless Chromium, the same HTML converted by headless LibreOffice, and SurveyJS's PDF generator (survey-pdf on
# jsPDF, in Node) drawing the same form made into a SurveyJS survey by tests/bench/peers/surveyjs-pdf.js. The form is
# the bundled CHC review filled with long answers. Each is run once to warm up, then the four take turns for several
# runs (Coform, Chromium, LibreOffice, SurveyJS, Coform, ...); the script prints the medians and spreads (min-max), how
# many times faster Coform is by the medians (the target is at least 20 times faster than each), and the same ratio
# turn by turn, with its spread.
#
# With COFORM_OLD_CLI set to another coform-cli (say, one built from the commit before), it also times that one on
# the same form in the same run, old and new runs interleaved (old, new, old, new, ...) so that the machine's load
# falls on both alike, and prints old against new: processor time and its spread, the ratio, and peak memory. An old
# coform-cli may not read today's bundled form: COFORM_OLD_TEMPLATE names the form both then render (say, the bundled
# form as it was in that commit: git show COMMIT:forms/resources/templates/chc-review.json).
#
# Not part of the test suite: it installs Chromium and LibreOffice Writer from Debian when they are missing (and
# Node.js with npm, when there is no node), and survey-pdf with what it needs from npm, at the versions in
# tests/bench/peers/package-lock.json, into tests/bench/peers/node_modules (ignored by git). survey-pdf without a
# licence key prints a line asking for one at the top of each page.
# usage: [COFORM_OLD_CLI=OLD_BUILD/bin/coform-cli [COFORM_OLD_TEMPLATE=FORM.json]] tests/bench/compare-peers.sh
#        [BUILD_DIR] [RUNS]
#        (defaults: build, 7)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
runs=${2:-7}
cli=$build/bin/coform-cli
old_cli=${COFORM_OLD_CLI:-}
old_template=${COFORM_OLD_TEMPLATE:-}
template=$root/forms/resources/templates/chc-review.json
answers=$root/tests/data/pdf/chc-review-long-answers.json
peers=$root/tests/bench/peers

timer=$build/bin/process_times
if [[ ! -x $timer ]]; then
    echo "compare-peers: $timer not found; build the benchmarks first (cmake --build $build)" >&2
    exit 1
fi
if [[ ! -x $cli ]]; then
    echo "compare-peers: $cli not found; build coform-cli first (or pass the build directory)" >&2
    exit 1
fi
if [[ -n $old_cli && ! -x $old_cli ]]; then
    echo "compare-peers: COFORM_OLD_CLI is $old_cli, which is not a program that can run" >&2
    exit 1
fi
if [[ -n $old_template && ! -f $old_template ]]; then
    echo "compare-peers: COFORM_OLD_TEMPLATE is $old_template, which is not a file" >&2
    exit 1
fi
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "compare-peers: the number of runs must be a whole number of at least 1, not $runs" >&2
    exit 1
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# Another build of Node.js may bring its own npm, which Debian's npm package would conflict with (as in deps.sh).
{ command -v node && command -v npm; } >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
    echo "compare-peers: installing ${missing[*]} (Debian packages)"
    sudo=
    [[ $(id -u) -ne 0 ]] && sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# survey-pdf and survey-core: exactly the versions in the lock file, again only when the lock file changed.
stamp=$peers/node_modules/.coform-lock
lock=$(sha256sum "$peers/package-lock.json" | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock" ]]; then
    echo "compare-peers: installing SurveyJS's PDF generator from npm into tests/bench/peers/node_modules"
    npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error >/dev/null
    echo "$lock" >"$stamp"
fi

# SurveyJS draws with the font Coform embeds (Liberation Sans, as fontconfig finds it); without it, with the PDF's
# built-in Helvetica, which has no Welsh w and y with circumflex.
surveyjs_fonts=()
surveyjs_font_note="Liberation Sans embedded, as Coform's"
regular=$(fc-match -f '%{file}' 'Liberation Sans:style=Regular' 2>/dev/null || true)
bold=$(fc-match -f '%{file}' 'Liberation Sans:style=Bold' 2>/dev/null || true)
if [[ $regular == *LiberationSans-Regular.ttf && $bold == *LiberationSans-Bold.ttf ]]; then
    surveyjs_fonts=(--font "$regular" --bold-font "$bold")
else
    surveyjs_font_note="Liberation Sans not found: built-in Helvetica, so not quite the same work"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$cli" render "$template" --answers "$answers" --format html -o "$work/review.html"

# stats FILE: "median min max" of the numbers in FILE, one a line.
stats() {
    sort -n "$1" | awk '{ v[NR] = $1 } END {
        if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'
}

# warm_up NAME COMMAND...: one run that is not timed, and must succeed.
warm_up() {
    local name=$1
    shift
    "$@" >/dev/null 2>&1 || { echo "compare-peers: $name failed: $*" >&2; exit 1; }
}

# settle: waits until nothing else runs (at most two seconds), then a tenth of a second more. Chromium's helper
# processes go on exiting after the browser itself has (tried: Coform timed straight after Chromium took 67 ms, half
# a second later 58), and that work is not the next program's.
settle() {
    local i
    for ((i = 0; i < 20; i++)); do
        [[ $(cut -d' ' -f4 /proc/loadavg) == 1/* ]] && break
        sleep 0.1
    done
    sleep 0.1
}

# time_once NAME COMMAND...: one run under process_times (tests/bench/process_times.cpp, built with the benchmarks;
# /usr/bin/time counts in hundredths of a second, too coarse for a 50 ms run). Adds its elapsed time and its processor
# time (user + system, the command's child processes included, which a busy machine disturbs much less than elapsed
# time), in ms, and its peak memory (the largest resident set of the command or any one of its processes), in KiB, to
# the files NAME.wall, NAME.cpu and NAME.rss.
time_once() {
    local name=$1 wall cpu rss
    shift
    settle
    rm -f "$work/time"
    if ! "$timer" "$work/time" "$@"; then
        echo "compare-peers: $name failed in a timed run: $*" >&2
        exit 1
    fi
    read -r wall cpu rss <"$work/time"
    echo "$wall" >>"$work/$name.wall"
    echo "$cpu" >>"$work/$name.cpu"
    echo "$rss" >>"$work/$name.rss"
}

coform=("$cli" render "$template" --answers "$answers" -o "$work/coform.pdf")
if [[ -n $old_cli ]]; then
    # The old and the new coform-cli take turns on the same form, so that a change of load between runs falls on both
    # alike.
    both=${old_template:-$template}
    old=("$old_cli" render "$both" --answers "$answers" -o "$work/coform-old.pdf")
    new=("$cli" render "$both" --answers "$answers" -o "$work/coform-new.pdf")
    warm_up "old coform-cli" "${old[@]}"
    warm_up coform "${new[@]}"
    for ((i = 0; i < runs; i++)); do
        time_once old "${old[@]}"
        time_once new "${new[@]}"
    done
fi
chromium_run=(chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer
    --user-data-dir="$work/chromium-profile" --print-to-pdf="$work/chromium.pdf" "file://$work/review.html")
libreoffice_run=(soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf
    --outdir "$work/lo" "$work/review.html")
surveyjs_run=(node "$peers/surveyjs-pdf.js" "$template" "$answers" "$work/surveyjs.pdf" "${surveyjs_fonts[@]}")
# Side by side: the four take turns, run after run, so that a minute when the machine is slower or faster falls on
# all of them alike, and each turn gives its own ratio.
warm_up coform "${coform[@]}"
warm_up chromium "${chromium_run[@]}"
warm_up libreoffice "${libreoffice_run[@]}"
warm_up surveyjs "${surveyjs_run[@]}"
for ((i = 0; i < runs; i++)); do
    time_once coform "${coform[@]}"
    time_once chromium "${chromium_run[@]}"
    time_once libreoffice "${libreoffice_run[@]}"
    time_once surveyjs "${surveyjs_run[@]}"
done

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
# row LABEL NAME PDF: a line of the table, the medians with their spreads (min-max).
row() {
    local wall cpu rss
    read -r -a wall < <(stats "$work/$2.wall")
    read -r -a cpu < <(stats "$work/$2.cpu")
    read -r -a rss < <(stats "$work/$2.rss")
    printf '  %-42s %8s %-17s %8s %-17s %6.1f %5s\n' "$1" "${wall[0]}" "(${wall[1]}-${wall[2]})" "${cpu[0]}" \
        "(${cpu[1]}-${cpu[2]})" "$(awk -v k="${rss[0]}" 'BEGIN { print k / 1024 }')" "$(pages "$3")"
}
median_of() { stats "$work/$1.$2" | cut -d' ' -f1; }

echo "Filled CHC review, median of $runs runs each, taking turns, and (min-max), in ms; one warm-up run not counted;" \
    "load average: $(cut -d' ' -f1 /proc/loadavg)"
printf '  %-42s %-26s %-26s %6s %5s\n' "" "   elapsed" "   processor" "MiB" "pages"
if [[ -n $old_cli ]]; then
    row "old coform-cli render (PDF, the old form)" old "$work/coform-old.pdf"
    row "coform-cli render (PDF, the old form)" new "$work/coform-new.pdf"
fi
row "coform-cli render (PDF)" coform "$work/coform.pdf"
row "chromium --headless --print-to-pdf (HTML)" chromium "$work/chromium.pdf"
row "soffice --headless --convert-to pdf (HTML)" libreoffice "$work/lo/review.pdf"
row "SurveyJS survey-pdf in Node (survey JSON)" surveyjs "$work/surveyjs.pdf"
echo "  (MiB: median peak memory of the largest single process; SurveyJS: $surveyjs_font_note)"
awk -v c="$(median_of coform wall)" -v h="$(median_of chromium wall)" -v l="$(median_of libreoffice wall)" \
    -v s="$(median_of surveyjs wall)" -v cc="$(median_of coform cpu)" -v hc="$(median_of chromium cpu)" \
    -v lc="$(median_of libreoffice cpu)" -v sc="$(median_of surveyjs cpu)" 'BEGIN {
    printf "Coform is %.1f times faster than Chromium, %.1f times faster than LibreOffice and %.1f times faster than SurveyJS (elapsed; target: 20 or more)\n", h / c, l / c, s / c
    printf "Coform uses %.1f times less processor time than Chromium, %.1f times less than LibreOffice and %.1f times less than SurveyJS\n", hc / cc, lc / cc, sc / cc }'
# The fastest run of each: what each program costs when nothing slows it (a slower run is the machine's doing; a
# 25 ms run shows that most: on a shared host, some of Coform's runs took 45-50 ms of processor time for the same work).
min_of() { stats "$work/$1.wall" | cut -d' ' -f2; }
awk -v c="$(min_of coform)" -v h="$(min_of chromium)" -v l="$(min_of libreoffice)" -v s="$(min_of surveyjs)" 'BEGIN {
    printf "By the fastest run of each: Coform is %.1f times faster than Chromium, %.1f times faster than LibreOffice and %.1f times faster than SurveyJS\n", h / c, l / c, s / c }'
# turn_ratios PEER: the peer's elapsed time over Coform's in each turn, as median (min-max).
turn_ratios() { paste "$work/$1.wall" "$work/coform.wall" | awk '{ print $1 / $2 }' >"$work/$1.ratio"; stats "$work/$1.ratio"; }
read -r -a chromium_ratio < <(turn_ratios chromium)
read -r -a libreoffice_ratio < <(turn_ratios libreoffice)
read -r -a surveyjs_ratio < <(turn_ratios surveyjs)
printf 'Turn by turn (elapsed, median and min-max of %s turns): Chromium %s (%s-%s), LibreOffice %s (%s-%s), SurveyJS %s (%s-%s) times Coform\n' \
    "$runs" "${chromium_ratio[@]}" "${libreoffice_ratio[@]}" "${surveyjs_ratio[@]}"
# Where the smallest ratios come from: Coform's elapsed time in each turn, in order.
echo "  Coform's elapsed ms, turn by turn: $(tr '\n' ' ' <"$work/coform.wall")"

if [[ -n $old_cli ]]; then
    read -r -a old_cpu < <(stats "$work/old.cpu")
    read -r -a new_cpu < <(stats "$work/new.cpu")
    read -r -a old_rss < <(stats "$work/old.rss")
    read -r -a new_rss < <(stats "$work/new.rss")
    echo "Old and new coform-cli on the same form ($(basename "$both")), $runs runs each, taking turns (old, new, ...):"
    printf '  processor time: old %s ms (%s-%s), new %s ms (%s-%s)\n' "${old_cpu[@]}" "${new_cpu[@]}"
    awk -v o="${old_cpu[0]}" -v n="${new_cpu[0]}" 'BEGIN {
        if (o > 0) printf "  new / old: %.2f (the new one takes %.0f%% %s processor time)\n", n / o, (n > o ? n - o : o - n) * 100 / o, (n > o ? "more" : "less")
        else print "  new / old: no ratio, the old one took no measurable processor time" }'
    awk -v o="${old_rss[0]}" -v omin="${old_rss[1]}" -v omax="${old_rss[2]}" -v n="${new_rss[0]}" \
        -v nmin="${new_rss[1]}" -v nmax="${new_rss[2]}" 'BEGIN {
        printf "  peak memory: old %.1f MiB (%.1f-%.1f), new %.1f MiB (%.1f-%.1f)\n", o / 1024, omin / 1024, omax / 1024, n / 1024, nmin / 1024, nmax / 1024 }'
fi
