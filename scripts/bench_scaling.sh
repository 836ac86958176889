#!/usr/bin/env bash
# Whole-run cost of `analyze` (MMRM included) against the number of participants, 10^4 to 10^6 at 4
# post-baseline visits (issue 18: "the cost linear in rows"), through the scripts/trialstat launcher
# with its default options (scripts/trialstat's header: on 2 cores the serial collector throughout, C1
# alone under 64 MB of input and tiered C2 from 64 MB on, a heap of at least 768 MB from 16 MB on), JVM
# start included.
#   scripts/bench_scaling.sh [RUNS] [SIZES]
# SIZES: participant counts, default "10000 100000 1000000". Prints per size the rows, the medians of
# wall time, CPU time (user + system) and peak resident memory, and microseconds of wall time per row.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"; sizes="${2:-10000 100000 1000000}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$root/scripts/trialstat" --version > /dev/null   # build the jar and the start-up cache if needed
source "$root/scripts/bench_lib.sh"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; medians of $runs runs"
echo "| participants x 4 visits | rows | MB | wall | CPU | peak memory | wall per row |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  f="$tmp/t$n.csv"
  python3 "$root/scripts/make_trial.py" "$n" 4 > "$f"
  rows=$(( $(wc -l < "$f") - 1 ))
  mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN {printf "%.1f", b / 1048576}')
  m="$(measure "$runs" "$root/scripts/trialstat" analyze --format json "$f")"
  wall="${m%% s |*}"
  per=$(awk -v w="$wall" -v r="$rows" 'BEGIN {printf "%.2f", w / r * 1e6}')
  printf '| %s | %s | %s | %s | %s us |\n' "$n" "$rows" "$mb" "$m" "$per"
  rm -f "$f"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
