#!/usr/bin/env bash
# The benchmark of what a news spike and heavy research hit (bench/README.md).
#
#   bench/run.sh [--people N] [--million] [--duration 10s] [--pool N] [--pools "4 8 16 32"]
#                [--profiles]
#
# Uses DATABASE_URL's server, or the project's private cluster when it is unset, but always its
# own databases there (pt_bench, pt_bench_1m, pt_pgbench), so nothing else is touched. Builds
# the release binary, fills pt_bench with N synthetic people (default 100,000, reused when it is
# already that size), serves it, and drives it with wrk on the same machine:
#   W1 prisoner pages uniform over all slugs   W2 one hot prisoner page
#   W3 search: most common surname, rare name, misspelled transliteration (each a repeated
#      query, as after a headline), and random names (mostly uncached)
#   W4 a filtered list, first and deep page    W5 /charts    W6 /api/v1/prisoners
# then W1 again with each pool size of --pools (and with --profiles, W1, W2 and the static
# file served by the binary of Cargo.toml's release profile and then by one built with thin
# LTO and 4 codegen units); and measures two ceilings: a trivial
# route of the same server (a static file from memory) and
# PostgreSQL itself (pgbench -S, and pgbench running the prisoner page's own SQL). Prints a table
# and writes it with the machine's description to bench/results/. --million also runs W3 over
# 1,000,000 people with names only (in pt_bench_1m; generating them takes a while the first
# time).
set -euo pipefail
cd "$(dirname "$0")/.."

people=100000
million=false
profiles=false
duration=10s
pool=${DATABASE_MAX_CONNECTIONS:-16}
pools="4 8 16 32"
while [ $# -gt 0 ]; do
  case $1 in
    --people) people=$2; shift 2 ;;
    --million) million=true; shift ;;
    --profiles) profiles=true; shift ;;
    --duration) duration=$2; shift 2 ;;
    --pool) pool=$2; shift 2 ;;
    --pools) pools=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in wrk pgbench psql python3 curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench/run.sh needs $tool (Debian: apt-get install wrk postgresql-client python3 curl)" >&2
    exit 1
  fi
done

cargo build --release --quiet
bin=$PWD/target/release/prisoner-tracker
export RUST_LOG=warn

# Where the databases live: an admin URL on the same server, and a URL per database.
if [ -z "${DATABASE_URL:-}" ]; then
  "$bin" local-db start >/dev/null
  admin_url="postgresql:///postgres?host=$PWD/.pgdata/run&user=postgres"
else
  admin_url=$DATABASE_URL
fi
# (Built by hand: urlunsplit drops the "//" of a URL with an empty host, as socket URLs have.)
url_for() { python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(f"{p.scheme}://{p.netloc}/{sys.argv[2]}" + (f"?{p.query}" if p.query else ""))' "$admin_url" "$1"; }
ensure_db() {
  if [ "$(psql "$admin_url" -Atc "select count(*) from pg_database where datname = '$1'")" = 0 ]; then
    psql "$admin_url" -qc "create database $1 template template0 encoding 'UTF8' locale 'C.UTF-8'"
  fi
}

# Fills database $1 with $2 synthetic people (kept when it already has them) and the demo data;
# $3 may be --names-only.
fill() {
  local db=$1 count=$2 scope=${3:-} url
  url=$(url_for "$db")
  ensure_db "$db"
  DATABASE_URL=$url "$bin" migrate >/dev/null
  if [ "$(psql "$url" -Atc "select count(*) from people where synthetic")" != "$count" ]; then
    echo "generating $count synthetic people in $db …" >&2
    DATABASE_URL=$url "$bin" generate-synthetic --prisoners "$count" --seed 1 $scope >/dev/null
  fi
  DATABASE_URL=$url "$bin" seed-demo >/dev/null
  psql "$url" -qc "vacuum analyze" 2>/dev/null
}

server_pid=
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=; fi; }
trap stop_server EXIT
serve() {
  local url=$1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  DATABASE_URL=$url DATABASE_MAX_CONNECTIONS=$pool "$bin" serve --bind-addr "127.0.0.1:$port" &
  server_pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
  base="http://127.0.0.1:$port"
}
rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }

results=()
# Runs wrk against $base$2 with $3 connections; records a row. With a fourth argument, a file
# of lines, each request is $2 followed by a random line of it (bench/random.lua).
run() {
  local name=$1 path=$2 connections=$3 lines=${4:-} out
  if [ -n "$lines" ]; then
    out=$(PREFIX=$path LINES=$lines wrk -t2 -c"$connections" -d"$duration" --latency -s bench/random.lua "$base")
  else
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$base$path")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses/ { print $5 }' <<<"$out")
  results+=("$name|$path|$connections|$rps|$p50|$p99|$(rss_mb)|${errors:-0}")
  printf '%-34s %10s req/s  p50 %8s  p99 %8s  RSS %4s MB\n' "$name" "$rps" "$p50" "$p99" "$(rss_mb)" >&2
}

fill pt_bench "$people"
bench_url=$(url_for pt_bench)
serve "$bench_url"
psql "$bench_url" -Atc "select slug from people where publication = 'published'" >bench/.slugs
# Uncached searches: every surname-like word with a page from 1 to 20 in either order (pages
# are cached one by one, so nearly every request is new), and the full names of 20,000 people
# picked at random.
random_words() {
  psql "$1" -Atc "select format('q=%s&page=%s&sort=%s', token, page, sort) from name_tokens,
    generate_series(1, 20) page, unnest(array['relevance', 'name']) sort
    where token ~ '^[a-z]{4,}$' order by md5(token || page || sort)"
}
random_names() {
  psql "$1" -Atc "select 'q=' || replace(person_display_name(id, 'en'), ' ', '+') from people
    where publication = 'published' and synthetic order by md5(id::text) limit 20000"
}
random_words "$bench_url" >bench/.words
random_names "$bench_url" >bench/.queries
common=$(psql "$bench_url" -Atc "select token from person_tokens group by token order by count(*) desc limit 1")
rare=$(psql "$bench_url" -Atc "select token from person_tokens group by token having count(*) = 1 order by token limit 1")
hot=andrey-kuznechyk
stylesheet=$(curl -s "$base/" | grep -o '/static/style.css?v=[0-9a-f]*' | head -1)

# Ceilings first, on a quiet server.
run "ceiling: static file" "$stylesheet" 32
run "W1 prisoner pages (uniform)" "/prisoners/" 32 bench/.slugs
run "W2 hot prisoner page" "/prisoners/$hot" 32
# Search latency is measured with one connection per core: the target is a latency, not a rate.
run "W3 search: common surname" "/prisoners?q=$common" 2
run "W3 search: rare name" "/prisoners?q=$rare" 2
run "W3 search: misspelled (Kuznechik)" "/prisoners?q=Kusnechik" 2
run "W3 search: random words, pages (uncached)" "/prisoners?" 2 bench/.words
run "W3 search: random full names (uncached)" "/prisoners?" 2 bench/.queries
run "W4 filtered list, page 1" "/prisoners?status=held&country=BY" 32
run "W4 filtered list, page 200" "/prisoners?status=held&country=BY&page=200" 32
run "W5 charts" "/charts" 32
run "W6 API list" "/api/v1/prisoners?status=released&page=3" 32
stop_server
# The pool size, by measurement: the uncached page view (the workload that needs the database
# most) with each pool of --pools, one after another on the same warm database.
for other in $pools; do
  pool=$other serve "$bench_url"
  run "W1 with a pool of $other" "/prisoners/" 32 bench/.slugs
  stop_server
done
# The release profile, by measurement: Cargo.toml's (fat LTO, one codegen unit) against thin
# LTO with 4 codegen units (a quicker build), back to back on the same warm database.
if $profiles; then
  echo "building with thin LTO and 4 codegen units …" >&2
  CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_CODEGEN_UNITS=4 \
    cargo build --release --quiet --target-dir target/bench-thin
  serve "$bench_url"
  run "Cargo.toml's profile: static file" "$stylesheet" 32
  run "Cargo.toml's profile: W1 prisoner pages" "/prisoners/" 32 bench/.slugs
  run "Cargo.toml's profile: W2 hot prisoner page" "/prisoners/$hot" 32
  stop_server
  bin=$PWD/target/bench-thin/release/prisoner-tracker serve "$bench_url"
  run "thin LTO: static file" "$stylesheet" 32
  run "thin LTO: W1 prisoner pages" "/prisoners/" 32 bench/.slugs
  run "thin LTO: W2 hot prisoner page" "/prisoners/$hot" 32
  stop_server
fi

# PostgreSQL's own ceilings on the same machine.
ensure_db pt_pgbench
pgbench_url=$(url_for pt_pgbench)
pgbench -q -i -s 10 "$pgbench_url" >/dev/null 2>&1
pgbench_s=$(pgbench -S -M prepared -c 8 -j 2 -T "${duration%s}" "$pgbench_url" 2>/dev/null | awk '/^tps/ { print $3; exit }')
# The page's SQL over the same slugs W1 asks for (not random ids: a missing id is a cheap
# empty answer, and ids have gaps), with the language as a parameter, as the app runs it.
psql -q "$bench_url" -c "drop table if exists bench_slugs" \
  -c "create table bench_slugs (n serial primary key, slug text not null)" \
  -c "\\copy bench_slugs (slug) from 'bench/.slugs'" -c "analyze bench_slugs"
python3 bench/page_sql.py "$(wc -l <bench/.slugs)" >bench/.page.sql
pgbench_page=$(pgbench -n -f bench/.page.sql -M prepared -D lang=en -c 8 -j 2 -T "${duration%s}" "$bench_url" 2>/dev/null | awk '/^tps/ { print $3; exit }')
psql -q "$bench_url" -c "drop table bench_slugs"
echo "pgbench -S: $pgbench_s tps; the prisoner page's SQL: $pgbench_page tps" >&2
# The plans of the hot statements on this data, kept beside the results.
bench/explain.sh "$bench_url" "$bin"

if $million; then
  # Names only: a name search reads names, and a million people's case records (eleven million
  # events) would take hours to write on this machine.
  fill pt_bench_1m 1000000 --names-only
  serve "$(url_for pt_bench_1m)"
  common_1m=$(psql "$(url_for pt_bench_1m)" -Atc "select token from person_tokens group by token order by count(*) desc limit 1")
  run "W3 1M: common surname" "/prisoners?q=$common_1m" 2
  run "W3 1M: rare name" "/prisoners?q=$rare" 2
  run "W3 1M: misspelled (Kuznechik)" "/prisoners?q=Kusnechik" 2
  random_words "$(url_for pt_bench_1m)" >bench/.words
  random_names "$(url_for pt_bench_1m)" >bench/.queries
  run "W3 1M: random words, pages (uncached)" "/prisoners?" 2 bench/.words
  run "W3 1M: random full names (uncached)" "/prisoners?" 2 bench/.queries
  stop_server
fi

# The report: every row, with its ratio to the ceilings.
stamp=$(date -u +%Y-%m-%dT%H%MZ)
report=bench/results/$stamp.md
{
  echo "# Benchmark $stamp"
  echo
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)."
  echo "PostgreSQL $(psql "$admin_url" -Atc 'show server_version'), $(rustc --version). Server (pool of $pool connections), database and wrk on the same machine."
  echo "Data: $people synthetic people ($(psql "$bench_url" -Atc 'select count(*) from events') events) plus the demo records; wrk -t2, $duration per row."
  echo
  echo "| workload | path | connections | req/s | p50 | p99 | server RSS (peak, MB) | non-2xx | × static file | × pgbench page SQL |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  ceiling=
  for row in "${results[@]}"; do
    IFS='|' read -r name path connections rps p50 p99 rss errors <<<"$row"
    [ -z "$ceiling" ] && ceiling=$rps
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')
    page_ratio=$(awk -v a="$rps" -v b="$pgbench_page" 'BEGIN { printf "%.2f", a / b }')
    echo "| $name | \`${path:0:60}\` | $connections | $rps | $p50 | $p99 | $rss | $errors | $ratio | $page_ratio |"
  done
  echo
  echo "pgbench -S (select by primary key, 8 clients, prepared): $pgbench_s TPS."
  echo "pgbench running the prisoner page's SQL over random people (8 clients, prepared): $pgbench_page TPS."
} >"$report"
rm -f bench/.slugs bench/.queries bench/.words bench/.page.sql
cat "$report"
echo "written to $report" >&2
