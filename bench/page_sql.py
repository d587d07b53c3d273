"""Writes the SQL of the prisoner page (db::people::find_published_profile) as a pgbench
script: the same statement with the same parameters (the slug and the page's language), the
slug drawn uniformly from the published people as W1's wrk script draws it. pgbench finds the
n-th slug in the table bench_slugs, which bench/run.sh fills from bench/.slugs; run it with
`-D lang=en` so that the language is a parameter of the prepared statement, as the app sends it."""
import re
import sys

source = open("src/db/people.rs", encoding="utf-8").read()
body = source.split("pub async fn find_published_profile", 1)[1]
sql = re.search(r'r#"(.*?)"#', body, re.S).group(1)
assert "p.slug = $1" in sql, "the page no longer finds the person by slug"
sql = sql.replace("p.slug = $1", "p.slug = (select slug from bench_slugs where n = :n)")
sql = sql.replace("$2", ":lang")
assert "$" not in sql, "the page's SQL has another parameter"
count = int(sys.argv[1])
print(f"\\set n random(1, {count})")
# One line for pgbench: comments go, lines are joined.
lines = (re.sub(r"--.*$", "", line).strip() for line in sql.strip().splitlines())
print(" ".join(line for line in lines if line) + ";")
