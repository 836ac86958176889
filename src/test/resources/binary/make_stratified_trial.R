# A stratified trial in trialstat's long input format (our own synthetic data, committed) and the
# reference values of `trialstat analyze --strata site --strata severity` for its response endpoint
# (AnalyzeStrataTest). R 4.2.2, metafor 3.8.1.
# Run: Rscript src/test/resources/binary/make_stratified_trial.R > src/test/resources/binary/make_stratified_trial.out
# (rewrites stratified_trial.csv). Every participant of stratum "site=C, severity=severe" is in the
# Drug arm: a one-arm stratum, left out by trialstat with a note (R's numbers are the same with it).
suppressMessages(library(metafor))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
set.seed(20261202)
n <- 160
site <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.45, 0.4, 0.15))
severity <- sample(c("moderate", "severe"), n, replace = TRUE)
arm <- sample(rep(c("Drug", "Placebo"), n / 2))
arm[site == "C" & severity == "severe"] <- "Drug"
base <- round(rnorm(n, 44 + 6 * (severity == "severe"), 6))
drop <- round(rnorm(n, 6 + 8 * (arm == "Drug") + 3 * (site == "B"), 9))
end <- pmin(80, pmax(0, base - drop))
d <- data.frame(participant_id = rep(sprintf("S%03d", 1:n), each = 2), arm = rep(arm, each = 2),
  visit = rep(c("baseline", "week12"), n), week = rep(c(0, 12), n),
  caps_total = as.vector(rbind(base, end)), ptsd_dx = as.vector(rbind(1, as.numeric(end >= 25))),
  site = rep(site, each = 2), severity = rep(severity, each = 2))
write.csv(d, file.path(here, "stratified_trial.csv"), row.names = FALSE, quote = FALSE)

# Response: a drop of at least 10 points (trialstat's default); strata labelled as trialstat does and
# sorted. Tables [arm = (Drug, Placebo), outcome = (event, none), stratum].
resp <- (base - end) >= 10
lab <- paste0("site=", site, ", severity=", severity)
s <- sort(unique(lab))
x <- array(0, c(2, 2, length(s)))
for (k in seq_along(s)) for (a in 1:2) {
  i <- lab == s[k] & arm == c("Drug", "Placebo")[a]
  x[a, 1, k] <- sum(resp[i]); x[a, 2, k] <- sum(!resp[i])
}
out <- function(key, v) cat(key, sprintf("%.17g", v), "\n")
for (k in seq_along(s)) cat("#", s[k], x[1, 1, k], sum(x[1, , k]), x[2, 1, k], sum(x[2, , k]), "\n")
t1 <- mantelhaen.test(x, correct = TRUE); t0 <- mantelhaen.test(x, correct = FALSE)
out("test.statistic", t1$statistic); out("test.p", t1$p.value)
out("test_uncorrected.statistic", t0$statistic); out("test_uncorrected.p", t0$p.value)
keep <- apply(x, 3, function(m) all(rowSums(m) > 0))   # metafor's Tarone needs the one-arm stratum out
for (m in c("RD", "RR", "OR")) {
  r <- suppressWarnings(rma.mh(ai = x[1, 1, ], bi = x[1, 2, ], ci = x[2, 1, ], di = x[2, 2, ], measure = m))
  tr <- if (m == "RD") identity else exp
  key <- c(RD = "risk_difference", RR = "risk_ratio", OR = "odds_ratio")[m]
  out(paste0(key, ".estimate"), tr(r$beta)); out(paste0(key, ".ci_low"), tr(r$ci.lb))
  out(paste0(key, ".ci_high"), tr(r$ci.ub)); out(paste0(key, ".p"), r$pval)
}
r <- rma.mh(ai = x[1, 1, keep], bi = x[1, 2, keep], ci = x[2, 1, keep], di = x[2, 2, keep], measure = "OR")
out("breslow_day_tarone.statistic", r$TA); out("breslow_day_tarone.df", r$k.pos - 1); out("breslow_day_tarone.p", r$TAp)
out("breslow_day.statistic", r$BD); out("breslow_day.p", r$BDp)
