#!/usr/bin/env bash
# Times the search pages over a large synthetic data set: the figures quoted in bench/README.md.
#
#   scripts/measure-search.sh postgres://…/scratch_db [PEOPLE]
#
# The database must be a scratch one: its synthetic records are replaced. Builds the release
# binary, writes PEOPLE synthetic people (default 100000) plus the demo records, serves them
# on a free loopback port, and requests each search 30 times with curl, one at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:?usage: scripts/measure-search.sh DATABASE_URL [PEOPLE]}
people=${2:-100000}
runs=30

cargo build --release --quiet
bin=target/release/prisoner-tracker
export DATABASE_URL=$url RUST_LOG=warn
# Reuse the data of an earlier run of the same size.
if [ "$(psql "$url" -Atc "select count(*) from people where synthetic" 2>/dev/null || echo 0)" != "$people" ]; then
  "$bin" generate-synthetic --prisoners "$people" --seed 1
fi
"$bin" seed-demo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --bind-addr "127.0.0.1:$port" &
server=$!
trap 'kill $server' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done

common=$(psql "$url" -Atc "select token from person_tokens group by token order by count(*) desc limit 1")
printf '%-52s %8s %8s %8s\n' "request ($people synthetic people)" "median" "p95" "max"
for path in \
  "/prisoners?q=$common" \
  "/prisoners?q=Kuznechyk" \
  "/prisoners?q=Testavich%20Andrey" \
  "/prisoners?q=Tesstavich" \
  "/prisoners?q=%D0%A2%D1%8D%D1%81%D1%82%D0%B0%D0%B2%D1%96%D1%87" \
  "/prisoners?status=held&citizenship=PL" \
  "/prisoners?page=1" \
  "/prisoners?page=1000" \
  "/prisoners?sort=released&mechanism=pardon&page=200" \
  "/prisoners/andrey-kuznechyk"; do
  times=$(for _ in $(seq $runs); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port$path"; done | sort -n)
  median=$(echo "$times" | sed -n "$((runs / 2))p")
  p95=$(echo "$times" | sed -n "$((runs * 95 / 100))p")
  max=$(echo "$times" | tail -1)
  ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
  printf '%-52s %8s %8s %8s\n' "${path:0:52}" "$(ms "$median")" "$(ms "$p95")" "$(ms "$max")"
done
