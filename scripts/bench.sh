#!/usr/bin/env bash
# End-to-end benchmark of `trialstat analyze` (JVM start included) against R on the same analysis.
#   scripts/bench.sh [PARTICIPANTS] [POST_BASELINE_VISITS] [RUNS]
# Needs python3 (data generator); R with effectsize and nlme is optional (timed when present).
# Results go to stdout; docs/benchmarks.md keeps the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-4000}"; v="${2:-3}"; runs="${3:-5}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
file="$tmp/trial_${n}x${v}.csv"
python3 "$root/scripts/make_trial.py" "$n" "$v" > "$file"
"$root/scripts/trialstat" --version >/dev/null   # build the jar and the CDS archive if needed
source "$root/scripts/bench_lib.sh"
echo "data: $n participants x $v post-baseline visits ($(($(wc -l < "$file") - 1)) rows)"
echo "scripts/trialstat analyze (launcher: C1 + CDS archive), median of $runs: $(time_cmd "$root/scripts/trialstat" analyze --format json "$file") s"
echo "trialstat analyze (JVM start included), median of $runs: $(time_cmd java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$root/target/trialstat.jar" analyze --format json "$file") s"
echo "trialstat analyze, default JIT, median of $runs: $(time_cmd java -jar "$root/target/trialstat.jar" analyze --format json "$file") s"
if command -v Rscript >/dev/null && Rscript -e 'library(effectsize); library(nlme)' >/dev/null 2>&1; then
  echo "R (stats + effectsize + nlme), median of $runs: $(time_cmd Rscript "$root/scripts/bench_analysis.R" "$file") s"
else
  echo "R with effectsize and nlme not installed: skipped"
fi
if python3 -c 'import pandas, scipy' >/dev/null 2>&1; then
  echo "Python with pandas and SciPy is installed, but no Python peer of this analysis is committed yet: skipped"
else
  echo "Python peer skipped: pandas and SciPy are not installed (pip install pandas scipy)"
fi
