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
