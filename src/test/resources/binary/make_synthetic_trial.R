# Synthetic stratified two-arm trial for the binary-endpoint tests (our own data, committed).
# R 4.2.2. Run: Rscript src/test/resources/binary/make_synthetic_trial.R  (rewrites synthetic_trial.csv)
# Randomization stratified by site (A, B, C) and severity (moderate, severe), permuted blocks of 4;
# response drawn from a logistic model in arm, baseline, sex and the strata.
set.seed(20261201)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
n <- 240
site <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.45, 0.35, 0.20))
severity <- sample(c("moderate", "severe"), n, replace = TRUE, prob = c(0.6, 0.4))
arm <- character(n)
for (s in unique(paste(site, severity))) {
  idx <- which(paste(site, severity) == s)
  blocks <- unlist(lapply(seq_len(ceiling(length(idx) / 4)), function(i) sample(rep(c("Drug", "Placebo"), 2))))
  arm[idx] <- blocks[seq_along(idx)]
}
sex <- sample(c("F", "M"), n, replace = TRUE, prob = c(0.6, 0.4))
baseline <- round(rnorm(n, 44 + 6 * (severity == "severe"), 6))
eta <- -0.4 + 1.1 * (arm == "Drug") - 0.06 * (baseline - 44) + 0.3 * (sex == "M") -
  0.5 * (severity == "severe") + c(A = 0, B = 0.4, C = -0.3)[site]
response <- rbinom(n, 1, plogis(eta))
d <- data.frame(participant_id = sprintf("P%03d", seq_len(n)), arm = arm, site = site,
  severity = severity, sex = sex, baseline = baseline, response = response)
write.csv(d, file.path(here, "synthetic_trial.csv"), row.names = FALSE, quote = FALSE)
