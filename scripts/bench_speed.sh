#!/usr/bin/env bash
# The speed table of issue 18 in one run: each row timed side by side with its peer, whole process
# (JVM, R or Python start included), medians of RUNS runs: wall seconds, CPU seconds (user + system) and
# peak resident memory.
#   scripts/bench_speed.sh [RUNS] [--write]
# --write replaces the table between the bench_speed markers in docs/benchmarks.md.
# Peers: R (Debian r-base-core, r-cran-effectsize, r-cran-nlme; scripts/bench_analysis.R), R mmrm +
# emmeans (CRAN only, not in Debian: timed where installed), Python with pandas and SciPy (Debian
# python3-pandas python3-scipy, run by /usr/bin/python3; scripts/bench_analysis.py, which has no MMRM),
# a Java hello world. R on a million participants is skipped unless BENCH_R_MILLION=1 (it did not
# finish in 32 minutes when the issue was filed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"; write="${2:-}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
ts="$root/scripts/trialstat"
"$ts" --version > /dev/null   # build the jar and the start-up cache if needed
source "$root/scripts/bench_lib.sh"
py=/usr/bin/python3
have_r() { command -v Rscript > /dev/null && Rscript -e "suppressMessages({$1})" > /dev/null 2>&1; }
have_py() { [ -x "$py" ] && "$py" -c 'import pandas, scipy' > /dev/null 2>&1; }

row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }

sample="$root/samples/mapp1_like.csv"
python3 "$root/scripts/make_trial.py" 4000 4 > "$tmp/t4000.csv"
python3 "$root/scripts/make_trial.py" 1000000 4 > "$tmp/t1m.csv"
bcva="$root/../shared/mmrm_bcva/bcva_data.csv"
mkdir -p "$tmp/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$tmp/hello/Hello.java"
javac -d "$tmp/hello" "$tmp/hello/Hello.java"
cat > "$tmp/mmrm.R" <<'R'
args <- commandArgs(TRUE)
suppressMessages({library(mmrm); library(emmeans)})
d <- read.csv(args[1]); d$ARMCD <- factor(d$ARMCD, c("CTL", "TRT")); d$AVISIT <- factor(d$AVISIT)
d$USUBJID <- factor(d$USUBJID)
f <- mmrm(BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT + us(AVISIT | USUBJID), data = d, method = args[2],
  vcov = if (args[2] == "Kenward-Roger") "Kenward-Roger-Linear" else "Asymptotic")
em <- emmeans(f, ~ ARMCD | AVISIT); print(em); print(contrast(em, "trt.vs.ctrl"))
R
big=$(( runs < 3 ? runs : 3 ))

{
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;"
echo "$(java -version 2>&1 | head -1); $(R --version 2>/dev/null | head -1 || echo 'R absent'). Medians of $runs runs ($big for a million participants)."
echo
echo "| work | run | wall | CPU | peak memory |"
echo "|---|---|---|---|---|"
row "analyze, 90-participant sample (table)" "\`scripts/trialstat analyze samples/mapp1_like.csv\`" "$(measure "$runs" "$ts" analyze "$sample")"
if have_r 'library(effectsize); library(nlme)'; then
  row "" "R (stats, effectsize, nlme)" "$(measure "$runs" Rscript "$root/scripts/bench_analysis.R" "$sample")"
else row "" "R skipped: install r-base-core r-cran-effectsize r-cran-nlme" "| |"; fi
if have_py; then row "" "Python (pandas, SciPy; no MMRM)" "$(measure "$runs" "$py" "$root/scripts/bench_analysis.py" "$sample")"
else row "" "Python skipped: install python3-pandas python3-scipy" "| |"; fi
row "start-up" "\`scripts/trialstat --version\`" "$(measure "$runs" "$ts" --version)"
row "" "Java hello world (\`java -cp . Hello\`)" "$(measure "$runs" java -cp "$tmp/hello" Hello)"
row "analyze, 4,000 participants x 4 visits" "\`scripts/trialstat analyze --format json\`" "$(measure "$runs" "$ts" analyze --format json "$tmp/t4000.csv")"
if have_r 'library(effectsize); library(nlme)'; then
  row "" "R (stats, effectsize, nlme)" "$(measure "$runs" Rscript "$root/scripts/bench_analysis.R" "$tmp/t4000.csv")"
fi
if have_py; then row "" "Python (pandas, SciPy; no MMRM)" "$(measure "$runs" "$py" "$root/scripts/bench_analysis.py" "$tmp/t4000.csv")"; fi
if [ -f "$bcva" ]; then
  bc=("$ts" mmrm --scale none --id-col USUBJID --arm-col ARMCD --visit-col AVISIT --score-col BCVA_CHG
    --covariate BCVA_BL --control CTL --format json "$bcva")
  row "mmrm, bcva_data (1,000 x 10 visits, unstructured)" "trialstat, Satterthwaite" "$(measure "$runs" "${bc[@]}")"
  row "" "trialstat, Kenward-Roger" "$(measure "$runs" "${bc[@]}" --ddf kenward-roger)"
  if have_r 'library(mmrm); library(emmeans)'; then
    row "" "R mmrm $(Rscript -e 'cat(as.character(packageVersion("mmrm")))' 2>/dev/null) + emmeans, Satterthwaite" "$(measure "$runs" Rscript "$tmp/mmrm.R" "$bcva" Satterthwaite)"
    row "" "R mmrm + emmeans, Kenward-Roger" "$(measure "$runs" Rscript "$tmp/mmrm.R" "$bcva" Kenward-Roger)"
  else row "" "R mmrm skipped: not installed (CRAN only: install.packages(\"mmrm\"), or name the library that has it in R_LIBS)" "| |"; fi
else row "mmrm, bcva_data" "skipped: ../shared/mmrm_bcva/bcva_data.csv is absent" "| |"; fi
row "analyze, 1,000,000 participants x 4 visits ($(du -m "$tmp/t1m.csv" | cut -f1) MB CSV)" "\`scripts/trialstat analyze --format json\`" "$(measure "$big" "$ts" analyze --format json "$tmp/t1m.csv")"
if have_py; then row "" "Python (pandas, SciPy; no MMRM)" "$(measure "$big" "$py" "$root/scripts/bench_analysis.py" "$tmp/t1m.csv")"; fi
if [ "${BENCH_R_MILLION:-0}" = 1 ] && have_r 'library(effectsize); library(nlme)'; then
  row "" "R (stats, effectsize, nlme)" "$(measure 1 Rscript "$root/scripts/bench_analysis.R" "$tmp/t1m.csv")"
else row "" "R skipped (BENCH_R_MILLION=1 runs it; did not finish in 32 min when measured)" "| |"; fi
} > "$tmp/table.md"
cat "$tmp/table.md"
if [ "$write" = --write ]; then
  doc="$root/docs/benchmarks.md"
  awk -v table="$tmp/table.md" '
    /<!-- bench_speed:begin -->/ { print; while ((getline l < table) > 0) print l; skip = 1; next }
    /<!-- bench_speed:end -->/ { skip = 0 }
    !skip { print }' "$doc" > "$tmp/doc" && cp "$tmp/doc" "$doc"
  echo "written to docs/benchmarks.md"
fi
