#!/usr/bin/env bash
# Start-up of two builds side by side, interleaved run by run so that machine load affects both alike.
#   scripts/bench_startup.sh OTHER_CHECKOUT [RUNS]
# OTHER_CHECKOUT is another clone of trialstat (for example the commit before a change, built with
# `mvn -q -DskipTests package`); both are run through their own scripts/trialstat launcher (C1 + CDS).
# Prints the median wall time of `analyze samples/mapp1_like.csv` (table output) and of `--version`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
other="$(cd "$1" && pwd)"; runs="${2:-21}"
for r in "$root" "$other"; do "$r/scripts/trialstat" --version > /dev/null; done  # build jar + CDS archive
measure() {  # ROOT ARGS... -> one wall time in seconds
  local r="$1"; shift
  local s e; s=$(date +%s%N); "$r/scripts/trialstat" "$@" > /dev/null; e=$(date +%s%N)
  echo "scale=4; ($e - $s) / 1000000000" | bc
}
source "$root/scripts/bench_lib.sh"
for what in "analyze samples/mapp1_like.csv" "--version"; do
  a=(); b=()
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    a+=("$(cd "$root" && measure "$root" $what)")
    # shellcheck disable=SC2086
    b+=("$(cd "$root" && measure "$other" $what)")
  done
  printf '%-34s this %s s   other %s s   (median of %s)\n' "$what" \
    "$(printf '%s\n' "${a[@]}" | median)" "$(printf '%s\n' "${b[@]}" | median)" "$runs"
done
