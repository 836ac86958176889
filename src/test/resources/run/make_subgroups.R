# Reference values for RunCommandTest's subgroup plan (samples/adam/plan.toml, analysis "by-stratum"):
# the endpoint (Week 18) change from baseline of CAPS5TOT in the ITT population, observed records only
# (DTYPE empty), per randomization stratum; Welch's t test of Drug minus Placebo.
#   Rscript make_subgroups.R > make_subgroups.out   (run in this folder; R 4.2.2)
d <- read.csv("../../../../samples/adam/adeff.csv", colClasses = "character", na.strings = character(0))
d <- d[d$PARAMCD == "CAPS5TOT" & d$ITTFL == "Y" & d$DTYPE == "", ]
for (s in c("CAPS5 >= 45", "CAPS5 < 45")) {
  x <- d[d$DSSTRAT == s, ]
  b <- x[x$AVISIT == "Baseline", c("USUBJID", "TRTP", "AVAL")]
  e <- x[x$AVISIT == "Week 18", c("USUBJID", "AVAL")]
  m <- merge(b, e, by = "USUBJID", suffixes = c(".b", ".e"))
  m$chg <- as.numeric(m$AVAL.e) - as.numeric(m$AVAL.b)
  m$TRTP <- factor(m$TRTP, levels = c("Drug", "Placebo"))
  t <- t.test(chg ~ TRTP, data = m)
  cat(sprintf("%s: n Placebo %d, n Drug %d, baseline n Placebo %d, Drug %d\n", s,
              sum(m$TRTP == "Placebo"), sum(m$TRTP == "Drug"), sum(b$TRTP == "Placebo"), sum(b$TRTP == "Drug")))
  cat(sprintf("  welch estimate %.15g se %.15g df %.15g p %.15g ci %.15g %.15g\n",
              unname(t$estimate[1] - t$estimate[2]), t$stderr, t$parameter, t$p.value, t$conf.int[1], t$conf.int[2]))
}
