# Reference values of `meta` on trialstat's own JSON results: the analyze result of
# samples/mapp1_like.csv (change from baseline to week18 per arm, completers) pooled with the summary
# result of MAPP2 (samples/published/studies/mapp2.csv, SDs from the published CIs as make_meta.R).
# R 4.2.2, metafor 3.8.1: Rscript make_json_input.R > make_json_input.out  (run from this folder)
suppressPackageStartupMessages(library(metafor))
d <- read.csv("../../../../samples/mapp1_like.csv")
b <- d[d$visit == "baseline", c("participant_id", "arm", "caps_total")]
e <- d[d$visit == "week18" & !is.na(d$caps_total), c("participant_id", "caps_total")]
m <- merge(b, e, by = "participant_id", suffixes = c("_b", "_e"))
m <- m[!is.na(m$caps_total_b), ]
m$change <- m$caps_total_e - m$caps_total_b
t <- m[m$arm == "MDMA", "change"]; k <- m[m$arm == "Placebo", "change"]
sd2 <- function(lo, hi, n) (hi - lo) / (2 * qt(0.975, n - 1)) * sqrt(n)
dat <- data.frame(n1i = c(length(t), 52), m1i = c(mean(t), -23.7), sd1i = c(sd(t), sd2(-26.94, -20.44, 52)),
                  n2i = c(length(k), 42), m2i = c(mean(k), -14.8), sd2i = c(sd(k), sd2(-18.28, -11.28, 42)))
TIGHT <- list(threshold = 1e-12, maxiter = 1000)
out <- function(case, key, v) for (i in seq_along(v))
  cat(case, " ", key, if (length(v) > 1) paste0(i, "]") else "", " ", sprintf("%.17g", v[i]), "\n", sep = "")
for (measure in c("SMD", "MD")) {
  es <- escalc(measure, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat)
  case <- paste0("json_", tolower(measure))
  out(case, "yi[", es$yi); out(case, "vi[", es$vi)
  r <- rma(yi, vi, data = es, method = "REML", control = TIGHT)
  out(case, "est", r$b[1]); out(case, "se", r$se); out(case, "tau2", r$tau2); out(case, "q", r$QE)
}
