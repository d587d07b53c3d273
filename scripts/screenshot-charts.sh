#!/usr/bin/env bash
# Screenshots of the chart page from headless Chromium, at desktop and phone width, into docs/.
#   scripts/screenshot-charts.sh [BASE_URL]      (default http://127.0.0.1:3000, e.g. from
#                                                 `cargo run -- serve --seed-demo`)
# Needs Debian's chromium. The flags keep it from reaching out to the network (this machine's
# network is closed, and a fresh profile otherwise phones home at start).
set -euo pipefail
base="${1:-http://127.0.0.1:3000}"
out="$(cd "$(dirname "$0")/.." && pwd)/docs"
mkdir -p "$out"
shoot() { # width height file
    local profile
    profile="$(mktemp -d)"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" --window-size="$1,$2" \
        --screenshot="$out/$3" "$base/charts" 2>/dev/null
    rm -rf "$profile"
    echo "wrote docs/$3 ($1×$2)"
}
shoot 1280 3500 charts-desktop.png
shoot 360 6200 charts-phone.png
