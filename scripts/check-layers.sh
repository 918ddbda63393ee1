#!/usr/bin/env bash
# Fails when a file in a lower folder includes a header of a higher one (docs/architecture.md), naming each such
# include in words. The layers, bottom to top (folders on one line are side by side and may not include each other):
#   1 forms/model
#   2 forms/edit
#   3 forms/check  forms/format
#   4 forms/pdf    forms/store
#   5 forms/document  forms/output
#   6 app/cli      app/gui
# A file may include headers of its own folder and of any lower layer. Tests sit above everything.
#   check-layers.sh [ROOT]   checks the tree at ROOT (default: this repository)
set -euo pipefail
root=${1:-"$(dirname "$0")/.."}
cd "$root"

# Wrong-way includes that cannot be fixed yet: "FILE INCLUDED" and a one-line reason each. A listed include that is
# no longer there fails the check too, so that this list only shrinks.
allowed=(
    # "forms/store/example.cpp pdf/example.h" "why it cannot move yet"
)

declare -A rank=([model]=1 [edit]=2 [check]=3 [format]=3 [pdf]=4 [store]=4 [document]=5 [output]=5 [cli]=6 [gui]=6)

# The layer of a file ("forms/model/x.cpp" -> model, "app/gui/editor/x.cpp" -> gui) in $layer; empty outside them.
layer_of_file() {
    layer=""
    case $1 in
    forms/*/* | app/*/*)
        layer=${1#*/}
        layer=${layer%%/*}
        ;;
    esac
}

# The layer an include names in $layer: "pdf/renderer.h" -> pdf; "mainwindow.h" -> the folder it is found in; the
# app's own headers are included by their path under app/gui or app/cli ("editor/propertiespanel.h" -> gui).
layer_of_include() {
    local from_dir=$1 inc=$2
    layer=""
    if [[ $inc == */* ]]; then
        local first=${inc%%/*}
        if [[ -n ${rank[$first]:-} ]] && [[ -e forms/$inc || -e app/$inc ]]; then
            layer=$first
        elif [[ -e app/gui/$inc ]]; then
            layer=gui
        elif [[ -e app/cli/$inc ]]; then
            layer=cli
        fi
    elif [[ -e $from_dir/$inc ]]; then
        layer_of_file "$from_dir/$inc"
    elif [[ -e app/gui/$inc ]]; then
        layer=gui
    elif [[ -e app/cli/$inc ]]; then
        layer=cli
    fi
}

words() { # how a layer is named in messages
    case $1 in
    model) echo "model (value types)" ;;
    edit) echo "edit (edits of a template)" ;;
    check) echo "check (checks of templates and answers)" ;;
    format) echo "format (files in and out)" ;;
    pdf) echo "pdf (rendering)" ;;
    store) echo "store (the database)" ;;
    document) echo "document (the open template)" ;;
    output) echo "output (review documents)" ;;
    cli) echo "app/cli (the command line)" ;;
    gui) echo "app/gui (the window)" ;;
    esac
}

declare -A allow_reason=() allow_seen=()
for ((i = 0; i + 1 < ${#allowed[@]}; i += 2)); do
    allow_reason[${allowed[i]}]=${allowed[i + 1]}
done

bad=0
while IFS= read -r hit; do
    f=${hit%%:*}
    rest=${hit#*:}
    line=${rest%%:*}
    inc=${rest#*\"}
    inc=${inc%%\"*}
    layer_of_file "$f"
    from=$layer
    [[ -z $from || -z ${rank[$from]:-} ]] && continue
    if [[ $inc == *..* ]]; then
        echo "layer check: $f line $line includes \"$inc\": include headers by their folder (\"model/x.h\"), not by a relative path" >&2
        bad=$((bad + 1))
        continue
    fi
    layer_of_include "${f%/*}" "$inc"
    to=$layer
    [[ -z $to || $to == "$from" ]] && continue
    ((rank[$to] < rank[$from])) && continue
    key="$f $inc"
    if [[ -n ${allow_reason[$key]:-} ]]; then
        allow_seen[$key]=1
        continue
    fi
    if ((rank[$to] == rank[$from])); then
        echo "layer check: $f line $line includes \"$inc\": $(words "$from") and $(words "$to") sit side by side and must not depend on each other" >&2
    else
        echo "layer check: $f line $line includes \"$inc\": $(words "$from") is below $(words "$to") and must not depend on it" >&2
    fi
    bad=$((bad + 1))
done < <(find forms app -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z \
    | xargs -0 grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' || true)

for key in "${!allow_reason[@]}"; do
    if [[ -z ${allow_seen[$key]:-} ]]; then
        echo "layer check: the allowed include \"$key\" is no longer there: remove it from the list in $0" >&2
        bad=$((bad + 1))
    fi
done

if ((bad)); then
    echo "layer check: $bad include(s) go the wrong way (the layers are in docs/architecture.md)" >&2
    exit 1
fi
echo "layer check: every include goes down the layers (${#allow_reason[@]} allowed exception(s))"
