#!/usr/bin/env bash
# MMRM per covariance structure (issue "MMRM as SAPs specify it"): trialstat mmrm against R nlme::gls with
# the matching correlation/variance structure, on R mmrm's fev_data (../shared/oracles/mmrm_fev; 800 rows,
# 197 subjects with data, 4 visits), fixed effects arm * visit + RACE + SEX, REML, in one run.
#   scripts/bench_covariance.sh [RUNS]
# Whole-process medians of RUNS runs (JVM or R start included). R's gls has no Toeplitz with
# heterogeneous variances or ante-dependence: those rows have no peer. Results go to stdout;
# docs/benchmarks.md keeps the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
fev="$root/../shared/oracles/mmrm_fev/fev_data.csv"
[ -f "$fev" ] || { echo "skipped: $fev is absent (reference data is read from ../shared)"; exit 0; }
"$root/scripts/trialstat" --version > /dev/null   # build the jar and the start-up cache if needed
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
source "$root/scripts/bench_lib.sh"
cat > "$tmp/gls.R" <<'R'
args <- commandArgs(TRUE); s <- args[2]
suppressMessages(library(nlme))
d <- read.csv(args[1]); d <- d[!is.na(d$FEV1), ]
d$AVISIT <- factor(d$AVISIT); d$ARMCD <- relevel(factor(d$ARMCD), "PBO")
d$t <- as.integer(d$AVISIT)
cor <- switch(s, un = corSymm(form = ~ t | USUBJID), cs = corCompSymm(form = ~ t | USUBJID),
  csh = corCompSymm(form = ~ t | USUBJID), ar1 = corAR1(form = ~ t | USUBJID),
  ar1h = corAR1(form = ~ t | USUBJID), toep = corARMA(form = ~ t | USUBJID, p = 3))
w <- if (s %in% c("un", "csh", "ar1h")) varIdent(form = ~ 1 | AVISIT) else NULL
f <- gls(FEV1 ~ ARMCD * AVISIT + RACE + SEX, data = d, correlation = cor, weights = w, method = "REML")
cat(-2 * logLik(f), "\n")
R
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '| structure | trialstat mmrm | R nlme::gls |\n|---|---|---|\n'
for s in un cs csh ar1 ar1h toep toeph adh; do
  ts=$(time_cmd "$root/scripts/trialstat" mmrm --scale none --id-col USUBJID --arm-col ARMCD --visit-col AVISIT \
    --score-col FEV1 --control PBO --covariate RACE --covariate SEX --covariance "$s" --format json "$fev")
  case "$s" in
    toeph|adh) r="no gls equivalent" ;;
    *) r="$(time_cmd Rscript "$tmp/gls.R" "$fev" "$s") s" ;;
  esac
  printf '| %s | %s s | %s |\n' "$s" "$ts" "$r"
done
