# Helpers shared by the benchmark scripts (source it; time_cmd reads the caller's $runs).
# shellcheck shell=bash

# The median of the numbers on standard input, to 3 decimals.
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }

# The median wall time, in seconds, of $runs runs of the command (its standard output discarded).
time_cmd() {
  for _ in $(seq "$runs"); do
    local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median
}

# "wall cpu": the wall time and the CPU time (user + system), in seconds, of one run of the command (its
# standard output discarded); bash's `time`, so it may be a shell function.
run_once() {
  local t; t=$( { TIMEFORMAT='%R %U %S'; time "$@" > /dev/null; } 2>&1 | tail -n 1)
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' <<< "$t"
}

# "wall s | CPU s | peak MB": medians of N runs of the command (wall seconds, user + system seconds, peak
# resident memory), its standard output discarded; /usr/bin/time runs it, so it must be a command, not a
# shell function.
measure() {
  local n="$1"; shift
  local d; d="$(mktemp -d)"
  for _ in $(seq "$n"); do
    /usr/bin/time -f '%e %U %S %M' -o "$d/t" "$@" > /dev/null 2> "$d/err" || { cat "$d/err" >&2; rm -rf "$d"; return 1; }
    awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$d/t"
  done > "$d/m"
  printf '%s s | %s s | %s MB' "$(cut -d' ' -f1 "$d/m" | median)" "$(cut -d' ' -f2 "$d/m" | median)" \
    "$(cut -d' ' -f3 "$d/m" | median | cut -d. -f1)"
  rm -rf "$d"
}
