"""Writes the SQL of the prisoner page (db::people::find_published_profile) as a pgbench
script: the same statement, with the slug lookup replaced by the same kind of unique-index
lookup on a random id, so that pgbench measures what the page costs the database."""
import re
import sys

source = open("src/db/people.rs", encoding="utf-8").read()
body = source.split("pub async fn find_published_profile", 1)[1]
sql = re.search(r'r#"(.*?)"#', body, re.S).group(1)
sql = sql.replace("p.slug = $1", "p.id = :id")
# The language of the names: the English page.
sql = sql.replace("$2", "'en'")
assert "$" not in sql, "the page's SQL has another parameter"
max_id = int(sys.argv[1])
print(f"\\set id random(1, {max_id})")
# One line for pgbench: comments go, lines are joined.
lines = (re.sub(r"--.*$", "", line).strip() for line in sql.strip().splitlines())
print(" ".join(line for line in lines if line) + ";")
