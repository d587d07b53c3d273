#!/usr/bin/env bash
# Screenshots of the pages a journalist opens on a phone, in Russian at 390 px, from headless
# Chromium, into docs/ (issue 19):
#   scripts/screenshot-phone.sh [BASE_URL]      (default http://127.0.0.1:3000, e.g. from
#                                                `cargo run -- serve --seed-demo`)
# Needs Debian's chromium. The flags keep it from reaching out to the network. Each shot is as
# tall as its page is at that width (the heights below), so the whole page shows.
set -euo pipefail
base="${1:-http://127.0.0.1:3000}"
out="$(cd "$(dirname "$0")/.." && pwd)/docs"
mkdir -p "$out"
shoot() { # path height file
    local profile
    profile="$(mktemp -d)"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" --window-size="390,$2" \
        --screenshot="$out/$3" "$base$1" 2>/dev/null
    rm -rf "$profile"
    echo "wrote docs/$3 (390×$2)"
}
shoot /ru/ "${HOME_HEIGHT:-3000}" phone-ru-home.png
shoot /ru/waves "${WAVES_HEIGHT:-2400}" phone-ru-waves.png
shoot /ru/prisoners/andrey-kuznechyk "${PERSON_HEIGHT:-3000}" phone-ru-person.png
shoot /ru/charts "${CHARTS_HEIGHT:-7000}" phone-ru-charts.png
