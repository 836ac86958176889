#!/usr/bin/env bash
# MMRM with many visits (issue 18): trialstat mmrm on R mmrm's bcva_data (../shared/mmrm_bcva: 1,000
# subjects, 10 visits, 8,605 rows), BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT, unstructured covariance, REML,
# every LS mean and difference, Satterthwaite and Kenward-Roger df; against R's mmrm + emmeans where
# mmrm is installed (it is not in Debian: install.packages("mmrm") from CRAN) and R's nlme::gls + emmeans
# (Debian r-cran-nlme, r-cran-emmeans). Then a scaling table for trialstat alone on synthetic data with
# 3 to 15 visits and 200 to 20,000 subjects.
#   scripts/bench_mmrm.sh [RUNS] [SCALING_RUNS]
# BENCH_MMRM_SCALING=only skips bcva_data and its R peers (nlme::gls alone takes two minutes) and times
# the scaling table alone.
# Whole-process medians (JVM or R start included): wall seconds, CPU seconds (user + system), peak memory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"; scaling_runs="${2:-3}"
bcva="$root/../shared/mmrm_bcva/bcva_data.csv"
"$root/scripts/trialstat" --version > /dev/null   # build the jar and the start-up cache if needed
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
source "$root/scripts/bench_lib.sh"

# the bcva_data model (options before the file; /usr/bin/time runs commands, not shell functions)
ts_mmrm=("$root/scripts/trialstat" mmrm --scale none --id-col USUBJID --arm-col ARMCD --visit-col AVISIT
  --score-col BCVA_CHG --covariate BCVA_BL --control CTL --format json)

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs runs"
if [ "${BENCH_MMRM_SCALING:-}" = only ]; then
  echo "bcva_data skipped (BENCH_MMRM_SCALING=only)"
elif [ -f "$bcva" ]; then
  cat > "$tmp/mmrm.R" <<'R'
args <- commandArgs(TRUE)
suppressMessages({library(mmrm); library(emmeans)})
d <- read.csv(args[1]); d$ARMCD <- factor(d$ARMCD, c("CTL", "TRT")); d$AVISIT <- factor(d$AVISIT)
d$USUBJID <- factor(d$USUBJID)
# Kenward-Roger as SAS DDFM=KR and trialstat: the linear parametrisation of the unstructured covariance
f <- mmrm(BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT + us(AVISIT | USUBJID), data = d, method = args[2],
  vcov = if (args[2] == "Kenward-Roger") "Kenward-Roger-Linear" else "Asymptotic")
em <- emmeans(f, ~ ARMCD | AVISIT); print(em); print(contrast(em, "trt.vs.ctrl"))
cat(-2 * logLik(f), "\n")
R
  cat > "$tmp/gls.R" <<'R'
args <- commandArgs(TRUE)
suppressMessages({library(nlme); library(emmeans)})
d <- read.csv(args[1]); d <- d[!is.na(d$BCVA_CHG), ]; d$ARMCD <- factor(d$ARMCD, c("CTL", "TRT"))
d$AVISIT <- factor(d$AVISIT); d$vn <- as.integer(d$AVISIT)
f <- gls(BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT, data = d, correlation = corSymm(form = ~ vn | USUBJID),
  weights = varIdent(form = ~ 1 | AVISIT), method = "REML")
em <- emmeans(f, ~ ARMCD | AVISIT, mode = "satterthwaite"); print(em); print(contrast(em, "trt.vs.ctrl"))
R
  printf '\n| bcva_data, unstructured, every LS mean and difference | wall | CPU | peak memory |\n|---|---|---|---|\n'
  printf '| trialstat mmrm, Satterthwaite | %s |\n' "$(measure "$runs" "${ts_mmrm[@]}" "$bcva")"
  printf '| trialstat mmrm, Kenward-Roger | %s |\n' "$(measure "$runs" "${ts_mmrm[@]}" --ddf kenward-roger "$bcva")"
  if Rscript -e 'suppressMessages(library(mmrm))' > /dev/null 2>&1; then
    printf '| R mmrm + emmeans, Satterthwaite | %s |\n' "$(measure "$runs" Rscript "$tmp/mmrm.R" "$bcva" Satterthwaite)"
    printf '| R mmrm + emmeans, Kenward-Roger | %s |\n' "$(measure "$runs" Rscript "$tmp/mmrm.R" "$bcva" Kenward-Roger)"
  else
    echo "| R mmrm + emmeans | skipped: R package mmrm is not installed (not in Debian; install.packages(\"mmrm\") from CRAN, or name the library that has it in R_LIBS) | | |"
  fi
  if Rscript -e 'suppressMessages({library(nlme); library(emmeans)})' > /dev/null 2>&1; then
    printf '| R nlme::gls + emmeans (Satterthwaite), one run | %s |\n' "$(measure 1 Rscript "$tmp/gls.R" "$bcva")"
  else
    echo "| R nlme::gls + emmeans | skipped: install r-cran-nlme and r-cran-emmeans | | |"
  fi
else
  echo "skipped bcva_data: $bcva is absent (reference data is read from ../shared)"
fi

# Synthetic data like bcva_data: two arms, baseline covariate, unstructured-ish correlation, about 10 %
# of subjects dropping out at a random visit, 5 % of the other values missing.
cat > "$tmp/make.py" <<'PY'
import math, random, sys
n, t = int(sys.argv[1]), int(sys.argv[2]); rng = random.Random(20261201)
print("USUBJID,AVISIT,ARMCD,BCVA_BL,BCVA_CHG")
for i in range(n):
    arm = "TRT" if i % 2 else "CTL"; bl = rng.gauss(75, 10); u = rng.gauss(0, 2); prev = 0.0
    last = t if rng.random() > 0.1 else rng.randint(1, t)
    for v in range(1, last + 1):
        prev = 0.6 * prev + rng.gauss(0, 1.5)
        y = 0.1 * (bl - 75) + (0.5 if arm == "TRT" else 0.2) * v + u + prev
        print(f"S{i:05d},VIS{v:02d},{arm},{bl:.4f},{'' if rng.random() < 0.05 else f'{y:.4f}'}")
PY
printf '\n| subjects x visits (trialstat mmrm, unstructured, Satterthwaite; median of %s) | rows | wall | CPU | peak memory |\n|---|---|---|---|---|\n' "$scaling_runs"
for t in 3 6 10 15; do
  for n in 200 2000 20000; do
    python3 "$tmp/make.py" "$n" "$t" > "$tmp/s.csv"
    rows=$(($(wc -l < "$tmp/s.csv") - 1))
    printf '| %s x %s | %s | %s |\n' "$n" "$t" "$rows" "$(measure "$scaling_runs" "${ts_mmrm[@]}" "$tmp/s.csv")"
  done
done
