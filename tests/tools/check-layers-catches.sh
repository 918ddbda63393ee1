#!/usr/bin/env bash
# The layer check fails, naming the include in words, when a lower folder includes a higher one or two folders side by
# side include each other; and it passes on the tree as it is. Runs scripts/check-layers.sh on a copy of forms/ and app/.
set -euo pipefail
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/forms" "$source_dir/app" "$work/"
check=$source_dir/scripts/check-layers.sh

"$check" "$work" >/dev/null || { echo "FAIL: the layer check does not pass on the tree as it is"; exit 1; }

expect_refused() { # FILE INCLUDE WORDS: adds the include to FILE, expects a failure naming it with WORDS
    local file=$1 include=$2 words=$3
    cp "$work/$file" "$work/$file.orig"
    sed -i "1a #include \"$include\"" "$work/$file"
    local out status=0
    out=$("$check" "$work" 2>&1) || status=$?
    mv "$work/$file.orig" "$work/$file"
    if ((status == 0)); then
        echo "FAIL: $file including $include passed the layer check"
        exit 1
    fi
    if ! grep -qF "$file line 2 includes \"$include\": $words" <<<"$out"; then
        echo "FAIL: the layer check did not say why $file may not include $include:"
        echo "$out"
        exit 1
    fi
    echo "PASS: $file including $include is refused: $(head -1 <<<"$out")"
}

expect_refused forms/model/template.cpp pdf/renderer.h "model (value types) is below pdf (rendering)"
expect_refused forms/check/coverage.cpp format/templateformat.h "check (checks of templates and answers) and format"
expect_refused forms/store/database.cpp output/reviewoutput.h "store (the database) is below output"
expect_refused forms/pdf/layout.cpp store/database.h "pdf (rendering) and store (the database) sit side by side"
expect_refused app/cli/main.cpp mainwindow.h "app/cli (the command line) and app/gui (the window) sit side by side"
expect_refused app/cli/main.cpp editor/propertiespanel.h "app/cli (the command line) and app/gui (the window) sit side"
expect_refused forms/document/templatedocument.cpp common/flowlayout.h "document (the open template) is below app/gui"
"$check" "$work" >/dev/null || { echo "FAIL: the tree was not put back"; exit 1; }
echo "PASS: the layer check passes on the tree and refuses each wrong-way include"
