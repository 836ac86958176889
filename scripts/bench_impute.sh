#!/usr/bin/env bash
# Conditional mean imputation with jackknife (issue 13's speed goal: J2R on rbmi's antidepressant_data,
# 172 participants, 173 model fits, under 1 s end to end), and analyze --sensitivity (MAR with the
# tipping-point grid + J2R: 2 x 173 fits, plus the primary analyses), on ../shared/rbmi.
#   scripts/bench_impute.sh [RUNS]        BENCH_R=1 also times the R reference script once
# Whole-process medians of RUNS runs through the launcher (JVM start included), with the CPU time (user +
# system) of one more run, since the wall time on a shared machine follows the load more than the code.
# The R reference (src/test/resources/impute/make_condmean.R: nlme::gls, 173 fits shared by MAR, JR, CR
# and CIR) is the only R peer here (rbmi is not installed); it takes minutes, so it is opt-in.
# Results go to stdout; docs/benchmarks.md keeps the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
data="$root/../shared/rbmi/antidepressant_data.csv"
[ -f "$data" ] || { echo "skipped: $data is absent (reference data is read from ../shared)"; exit 0; }
"$root/scripts/trialstat" --version > /dev/null   # build the jar and the start-up cache if needed
source "$root/scripts/bench_lib.sh"
cols=(--scale none --id-col PATIENT --arm-col THERAPY --visit-col VISIT --score-col HAMDTL17 --baseline-col BASVAL
  --control PLACEBO)
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 > /dev/null | tail -1 | awk '{printf "%.2f", $1 + $2}'; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '| run | wall (median) | CPU, one run |\n|---|---|---|\n'
for cmd in "impute --strategy JR" "impute --strategy JR --information-anchored" "analyze --sensitivity"; do
  read -r -a words <<< "$cmd"
  w=$(time_cmd "$root/scripts/trialstat" "${words[@]}" "${cols[@]}" "$data")
  c=$(cpu "$root/scripts/trialstat" "${words[@]}" "${cols[@]}" "$data")
  printf '| `trialstat %s` | %s s | %s s |\n' "$cmd" "$w" "$c"
done
if [ "${BENCH_R:-0}" = 1 ]; then
  cd "$root"
  w=$(runs=1 time_cmd Rscript src/test/resources/impute/make_condmean.R)
  printf '| R `make_condmean.R` (173 nlme::gls fits; MAR, JR, CR, CIR and the delta grid), one run | %s s | |\n' "$w"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
