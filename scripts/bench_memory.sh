#!/usr/bin/env bash
# Bounded memory (issue 16 item 7, issue 18): `trialstat analyze` (default options, the MMRM included) on
# a generated long-format file under a list of heap limits, printing for each the exit code, wall and CPU
# seconds, peak resident memory and the load average, so that a figure is read beside the machine's load.
#   scripts/bench_memory.sh [PARTICIPANTS] [POST_BASELINE_VISITS] [HEAPS]
# Defaults: 290000 participants x 3 post-baseline visits (a 32 MB CSV), heaps "128m 160m 192m".
# Needs python3 (scripts/make_trial.py) and GNU time (/usr/bin/time). Never run by the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-290000}"; v="${2:-3}"; heaps="${3:-128m 160m 192m}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
file="$tmp/trial_${n}x${v}.csv"
python3 "$root/scripts/make_trial.py" "$n" "$v" > "$file"
"$root/scripts/trialstat" --version > /dev/null   # build the jar if needed
echo "data: $n participants x $v post-baseline visits, $(($(wc -l < "$file") - 1)) rows, $(stat -c %s "$file") bytes"
for h in $heaps; do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" java "-Xmx$h" -jar "$root/target/trialstat.jar" analyze \
    --format json "$file" > "$tmp/out.json" 2> "$tmp/err.txt"
  rc=$?
  set -e
  read -r wall user sys rss < <(tail -n 1 "$tmp/time")
  printf -- '-Xmx%-6s exit %d  wall %6.1f s  cpu %6.1f s  peak RSS %5d MB  load %s%s\n' "$h" "$rc" "$wall" \
    "$(echo "$user + $sys" | bc -l)" "$((rss / 1024))" "$load" \
    "$([ "$rc" = 0 ] || printf '  (%s)' "$(tail -n 1 "$tmp/err.txt")")"
done
