#!/usr/bin/env bash
# Supply-chain checks: cargo deny (advisories, licences, bans, sources; rules in deny.toml) and
# cargo audit, both against the offline copy of the RustSec advisory database that sits beside
# the project (../shared/advisory-db, or $ADVISORY_DB): these machines cannot fetch it.
# Installs the two tools (pinned versions) when they are missing. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

DENY_VERSION=0.20.2
AUDIT_VERSION=0.22.2
source_db=${ADVISORY_DB:-../shared/advisory-db}
if ! [ -d "$source_db/crates" ]; then
  echo "supply-chain: no advisory database at $source_db (set ADVISORY_DB)" >&2
  exit 1
fi

installed() { "$1" --version 2>/dev/null | grep -qF "$2"; }
installed cargo-deny "$DENY_VERSION" || cargo install --locked --quiet cargo-deny --version "$DENY_VERSION"
installed cargo-audit "$AUDIT_VERSION" || cargo install --locked --quiet cargo-audit --version "$AUDIT_VERSION"

# cargo deny reads a database from a git checkout named after its URL under deny.toml's db-path
# and dates it by its last commit: lay a copy out there, committed on the date of the newest
# advisory in it (or its latest modification), so that its age is the database's own.
db=target/advisory-dbs/advisory-db-3157b0e258782691
rm -rf "$db"
mkdir -p "$(dirname "$db")"
cp -R "$source_db" "$db"
chmod -R u+w "$db"
newest=$(grep -rhoE '^(date|modified) = "[0-9]{4}-[0-9]{2}-[0-9]{2}"' "$db/crates" | cut -d'"' -f2 | sort | tail -1)
git -C "$db" init -q
git -C "$db" add -A
GIT_AUTHOR_DATE="${newest}T00:00:00Z" GIT_COMMITTER_DATE="${newest}T00:00:00Z" \
  git -C "$db" -c user.name=supply-chain -c user.email=supply-chain@localhost commit -q -m "offline copy"

cargo deny --offline --locked check --hide-inclusion-graph advisories bans licenses sources
# Exceptions, each with its reason, are in .cargo/audit.toml.
cargo audit --no-fetch --db "$db" --deny warnings
