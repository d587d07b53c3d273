#!/usr/bin/env bash
# Keeps the query plans of the hot statements in bench/plans/, as EXPLAIN (ANALYZE, BUFFERS)
# prints them on the benchmark's data: the prisoner page (its SQL as bench/page_sql.py extracts
# it, for one synthetic person) and the statements of searches (`prisoner-tracker explain`).
#
#   bench/explain.sh DATABASE_URL [BINARY]
#
# Run by bench/run.sh after the workloads, on a warm database; compare the plans after a change
# to a query or an index.
set -euo pipefail
cd "$(dirname "$0")/.."
url=$1
bin=${2:-target/release/prisoner-tracker}
mkdir -p bench/plans

# The prisoner page, for the synthetic person in the middle of the table.
slug=$(psql "$url" -Atc "select slug from people where synthetic order by id offset (select count(*) / 2 from people where synthetic) limit 1")
python3 bench/page_sql.py 1 | sed -n 2p |
  sed "s/(select slug from bench_slugs where n = :n)/'$slug'/; s/:lang/'en'/g; s/^/explain (analyze, buffers) /" |
  psql "$url" -At >bench/plans/prisoner-page.txt

common=$(psql "$url" -Atc "select token from person_tokens group by token order by count(*) desc limit 1")
full_name=$(psql "$url" -Atc "select person_display_name(id, 'en') from people where synthetic order by id limit 1")
while IFS='|' read -r name query; do
  DATABASE_URL=$url RUST_LOG=warn "$bin" explain "$query" >"bench/plans/$name.txt"
done <<EOF2
search-common-surname|q=$common
search-full-name|q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$full_name")
search-misspelled|q=Kusnechik
search-common-surname-by-release|q=$common&sort=released
filtered-list-first-page|status=held&country=BY
filtered-list-page-200|status=held&country=BY&page=200
EOF2
echo "plans written to bench/plans/" >&2
