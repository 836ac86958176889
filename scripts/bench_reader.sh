#!/usr/bin/env bash
# The CSV reader before and after a change (issue 18): two jars, interleaved on one file.
#   scripts/bench_reader.sh OLD.jar NEW.jar [FILE] [PAIRS]
# FILE: a trial CSV, default /tmp/t1m.csv (scripts/make_trial.py 1000000 4 makes it). For each of PAIRS
# (default 3) rounds, old then new: the reader alone in a warm JVM (scripts/BenchReader.java, modes
# `records`, every cell's text through TableSources.open, and `read`, TrialCsvReader.read with its
# validation; 1 warm-up and 4 timed rounds per JVM, the median of the process's CPU time, every thread's), then one
# whole `analyze --format json` with the launcher's large-input options (wall, CPU, peak memory), whose
# outputs must be identical but for the provenance's commit and time. Prints every figure and the medians over the pairs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="$1"; new="$2"; file="${3:-/tmp/t1m.csv}"; pairs="${4:-3}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
source "$root/scripts/bench_lib.sh"
opts=(-XX:+UseParallelGC -Xmx768m)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $pairs interleaved pairs; $file"
for p in $(seq "$pairs"); do
  for side in old new; do
    jar="$old"; [ "$side" = new ] && jar="$new"
    for mode in records read; do
      cpu=$(java "${opts[@]}" -cp "$jar" "$root/scripts/BenchReader.java" "$mode" "$file" 1 4 | tail -n 1 \
        | sed 's/.*cpu \([0-9.]*\) s.*/\1/')
      echo "$side $mode $cpu" | tee -a "$tmp/reader"
    done
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" java "${opts[@]}" -jar "$jar" analyze "$file" --format json \
      > "$tmp/$side.json"
    a=$(awk '{printf "%s %.2f %.0f", $1, $2 + $3, $4 / 1024}' "$tmp/t")
    echo "$side analyze $a" | tee -a "$tmp/analyze"
  done
  # the provenance block names the build's commit and the time of the run: the rest must be identical
  for side in old new; do grep -v -E '"(git_commit|time_utc)":' "$tmp/$side.json" > "$tmp/$side.cmp"; done
  cmp "$tmp/old.cmp" "$tmp/new.cmp" && echo "pair $p: analyze outputs identical (but for git_commit, time_utc)"
done
echo "medians (CPU s of the reader in a warm JVM, all threads; analyze wall s, CPU s, peak MB):"
for side in old new; do
  r=$(awk -v s="$side" '$1 == s && $2 == "records" {print $3}' "$tmp/reader" | median)
  d=$(awk -v s="$side" '$1 == s && $2 == "read" {print $3}' "$tmp/reader" | median)
  w=$(awk -v s="$side" '$1 == s {print $3}' "$tmp/analyze" | median)
  c=$(awk -v s="$side" '$1 == s {print $4}' "$tmp/analyze" | median)
  m=$(awk -v s="$side" '$1 == s {print $5}' "$tmp/analyze" | median | cut -d. -f1)
  echo "$side: records $r s, read $d s; analyze $w s wall, $c s CPU, $m MB"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
