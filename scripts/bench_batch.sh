#!/usr/bin/env bash
# Batch benchmark (issue "Batch analyses that carry on"): FILES trials of PARTICIPANTS participants
# analysed in one run, against launching trialstat once per file, and peak memory for a tenth of the
# files against all of them (memory must be bounded by the largest file, not by the number of files).
#   scripts/bench_batch.sh [FILES] [PARTICIPANTS] [LAUNCHES]
# Per-file launches are timed on the first LAUNCHES files (default 100) and scaled to FILES: launching
# 10,000 JVMs would take most of an hour and tells nothing the sample does not. Needs python3 and
# GNU time (/usr/bin/time). Results go to stdout; docs/benchmarks.md keeps the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${1:-10000}"; n="${2:-200}"; launches="${3:-100}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 "$root/scripts/make_batch.py" "$tmp/all" "$files" "$n"
tenth=$((files / 10)); mkdir "$tmp/tenth"
for f in $(ls "$tmp/all" | sed -n "1,${tenth}p"); do ln "$tmp/all/$f" "$tmp/tenth/$f"; done
"$root/scripts/trialstat" --version > /dev/null   # build the jar and the start-up cache if needed
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $files files of $n participants x 3 post-baseline visits ($(du -sh "$tmp/all" | cut -f1))"
measure() {  # runs "$@" with stdout to a file; prints "WALL s wall, CPU s CPU, RSS MB peak"
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" > "$tmp/out" 2> "$tmp/err" || true
  awk '{printf "%.2f s wall, %.2f s CPU, %.0f MB peak RSS", $1, $2 + $3, $4 / 1024}' "$tmp/time"
}
echo "one run, $files files:  $(measure "$root/scripts/trialstat" analyze --format csv --quiet "$tmp/all")"
rows=$(($(wc -l < "$tmp/out") - 1)); echo "  $rows CSV rows; stderr: $(tail -n 1 "$tmp/err")"
echo "one run, $tenth files:   $(measure "$root/scripts/trialstat" analyze --format csv --quiet "$tmp/tenth")"
ls "$tmp/all" | sed -n "1,${launches}p" > "$tmp/list"   # sed reads all: no SIGPIPE under pipefail
per=$(measure bash -c 'while read -r f; do "$0" analyze --format csv "$1/$f" > /dev/null; done < "$2"' \
  "$root/scripts/trialstat" "$tmp/all" "$tmp/list")
echo "$launches launches, one per file: $per"
awk -v k="$launches" -v n="$files" '{printf "  scaled to %d files: %.0f s wall, %.0f s CPU\n", n, $1 * n / k, ($2 + $3) * n / k}' "$tmp/time"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
