#!/usr/bin/env bash
# Installs, with apt-get, every Debian 12 package that Coform's build, tests and checking tools need, and with npm the
# pinned packages of the tests' FHIR validator (tests/tools/package-lock.json) into tests/tools/node_modules (ignored
# by git). Idempotent and quick when everything is there: apt-get runs only when a package is missing, npm only when
# the lock file changed.
set -euo pipefail

packages=(
    # build
    build-essential cmake ninja-build pkg-config git libbenchmark-dev
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qt6-svg-dev qt6-l10n-tools libgl-dev
    libpoppler-qt6-dev libsodium-dev libqpdf-dev libdeflate-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev zlib1g-dev
    # tests and checking the PDFs we write
    poppler-utils qpdf python3 xvfb xauth xfonts-base dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0
    qt6-qpa-plugins libqt6opengl6 clang-format
    # fuzzing the readers (libFuzzer)
    clang-14 libclang-rt-14-dev
    postgresql
    # fonts that cover English and Welsh (w-circumflex, y-circumflex)
    fonts-dejavu-core fonts-liberation2 fontconfig
    # screenshots and PDF pages as pictures
    imagemagick
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
# The FHIR validator runs on Node.js: Debian's nodejs and npm, unless a node and npm are already installed (another
# build of nodejs may bring its own npm, which Debian's npm package would conflict with).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        sudo=sudo
    else
        sudo=
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests' FHIR validator: exactly the versions in the lock file, into tests/tools/node_modules.
tools=tests/tools
cd "$(dirname "$0")/.."
stamp=$tools/node_modules/.coform-lock
lock=$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock" ]]; then
    echo "deps: installing the FHIR validator's npm packages into $tools/node_modules"
    npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
    echo "$lock" >"$stamp"
fi
