#!/usr/bin/env bash
# Runs the whole test suite (the README's `cargo test`) N times in a row and reports every
# failure with the seed its property tests and samplers drew from: a test that fails only now
# and then shows up here before it rejects someone's good change in CI.
#
# Usage: scripts/repeat-tests.sh N [--explore] [-- ARGS FOR cargo test]
#   N          how many runs (default 5)
#   --explore  give each run a new random seed (PROPTEST_RNG_SEED) instead of the fixed
#              default, to look for inputs no run has tried; failing cases are kept in
#              tests/web/regressions/ and proptest-regressions/ (commit them)
# Each run's output is kept in target/repeat-tests/run-K.log. Exits non-zero if any run failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=5
explore=0
cargo_args=()
while (($#)); do
  case $1 in
    --explore) explore=1 ;;
    --) shift; cargo_args=("$@"); break ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *[!0-9]* | '') echo "unknown argument: $1" >&2; exit 2 ;;
    *) runs=$1 ;;
  esac
  shift
done

logs=target/repeat-tests
mkdir -p "$logs"
# Build once, so that the runs time the tests and not the compiler.
cargo test --no-run --quiet "${cargo_args[@]}" 2>&1 | tail -n 20

failed=0
for ((k = 1; k <= runs; k++)); do
  if ((explore)); then
    export PROPTEST_RNG_SEED=$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')
  fi
  seed=${PROPTEST_RNG_SEED:-default}
  log=$logs/run-$k.log
  start=$SECONDS
  if cargo test "${cargo_args[@]}" >"$log" 2>&1; then
    echo "run $k/$runs: passed in $((SECONDS - start)) s (seed $seed)"
  else
    failed=$((failed + 1))
    echo "run $k/$runs: FAILED in $((SECONDS - start)) s (seed $seed), log: $log"
    # The failing tests, the seeds they print, and the cases they kept.
    grep -E '^test .* FAILED$|^    [a-z_:]+$|PROPTEST_RNG_SEED=|kept in |minimal failing input|panicked at' "$log" \
      | sort -u | sed 's/^/    /' || true
  fi
done

echo "repeat-tests: $((runs - failed)) passed, $failed failed"
((failed == 0))
