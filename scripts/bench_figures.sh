#!/usr/bin/env bash
# Speed targets of the figures and the report (issue 14: the report of the bundled sample under 1 s end
# to end; figures add under 0.2 s to a run), through the scripts/trialstat launcher (C1 + CDS), JVM
# start included. Runs are interleaved so that machine load affects each alike.
#   scripts/bench_figures.sh [RUNS]
# Prints per run kind the median wall time and the median CPU time (user + system) in seconds, then the
# two targets: the report end to end (median wall of `report`, target < 1 s) and what figures add to a
# run (the median of the per-round differences `analyze --plot` x4 minus plain `analyze`, wall and CPU,
# target < 0.2 s; rounds are interleaved, so each difference compares runs made seconds apart). The load
# average is printed before and after: the machine is shared.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
cd "$root"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
scripts/trialstat --version > /dev/null  # build jar + CDS archive
sample=samples/mapp1_like.csv
pubs="samples/published/studies/mapp1.csv samples/published/studies/mapp2.csv"
kinds=(
  "analyze $sample"
  "analyze $sample --plot trajectory=$tmp/t.svg --plot forest=$tmp/f.svg --plot waterfall=$tmp/w.svg --plot flow=$tmp/c.svg"
  "report $sample --output $tmp/report.html"
  "meta $pubs"
  "meta $pubs --plot forest=$tmp/m.svg"
)
source "$root/scripts/bench_lib.sh"
declare -A wall cpu
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
addwall=""; addcpu=""
for _ in $(seq "$runs"); do
  declare -a rw=() rc=()
  for i in "${!kinds[@]}"; do
    # shellcheck disable=SC2086 # the run kind's words are the arguments
    read -r w c <<< "$(run_once scripts/trialstat ${kinds[$i]})"
    wall[$i]+="$w "; cpu[$i]+="$c "; rw[$i]=$w; rc[$i]=$c
  done
  addwall+="$(echo "${rw[1]} - ${rw[0]}" | bc -l) "; addcpu+="$(echo "${rc[1]} - ${rc[0]}" | bc -l) "
done
for i in "${!kinds[@]}"; do
  printf '%-12s wall %s s  cpu %s s  %s\n' "$(cut -d' ' -f1 <<< "${kinds[$i]}")" \
    "$(tr ' ' '\n' <<< "${wall[$i]}" | grep . | median)" "$(tr ' ' '\n' <<< "${cpu[$i]}" | grep . | median)" \
    "${kinds[$i]//$tmp\//}"
done
med() { tr ' ' '\n' <<< "$1" | grep . | median; }
echo "target 1: report end to end   wall $(med "${wall[2]}") s  cpu $(med "${cpu[2]}") s  (target < 1 s wall)"
echo "target 2: figures add to a run wall $(med "$addwall") s  cpu $(med "$addcpu") s  (analyze --plot x4 - analyze, median of per-round differences; target < 0.2 s)"
echo "(median of $runs runs; $(nproc) cores; load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg))"
