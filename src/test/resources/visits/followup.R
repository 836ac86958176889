# R 4.2.2, nlme, emmeans. Run from this folder: Rscript followup.R > followup.out
# Writes mapp1_followup.csv: samples/mapp1_like.csv plus a follow-up visit week24 (after the default
# endpoint week18) for every participant with a week18 score: week24 = max(0, week18 + ((n * 7) %% 11) - 5),
# n the participant number. References for src/test/java/org/trialstat/cli/AnalyzeMmrmVisitsTest.java:
# the MMRM of analyze over week6, week12, week18, week24 (--visits), unstructured covariance (corSymm +
# varIdent), REML, emmeans Satterthwaite df; MDMA - Placebo at week18.
suppressMessages({library(nlme); library(emmeans)})
options(digits = 15)
d <- read.csv("../../../../samples/mapp1_like.csv", stringsAsFactors = FALSE, check.names = FALSE)
w18 <- d[d$visit == "week18" & !is.na(d$caps_total), ]
f <- w18
f$visit <- "week24"; f$week <- 24
n <- as.integer(sub("P", "", f$participant_id))
f$caps_total <- pmax(0, f$caps_total + ((n * 7) %% 11) - 5)
out <- rbind(d, f)
out <- out[order(out$participant_id, out$week), ]
write.csv(out, "mapp1_followup.csv", row.names = FALSE, quote = FALSE, na = "")
d <- read.csv("mapp1_followup.csv", stringsAsFactors = FALSE, check.names = FALSE)
b <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]
names(b)[2] <- "baseline"
fitvis <- function(vis, label) {
  p <- d[d$visit %in% vis & !is.na(d$caps_total), ]
  p <- merge(p, b, by = "participant_id")
  p$change <- p$caps_total - p$baseline
  p$visit <- factor(p$visit, levels = vis); p$vn <- as.integer(p$visit)
  p$arm <- factor(p$arm, levels = c("Placebo", "MDMA"))
  p <- p[order(p$participant_id, p$visit), ]
  fit <- gls(change ~ arm * visit + baseline * visit, data = p, correlation = corSymm(form = ~ vn | participant_id),
    weights = varIdent(form = ~ 1 | visit), method = "REML",
    control = glsControl(tolerance = 1e-12, msTol = 1e-12, maxIter = 1000, msMaxIter = 1000))
  cat("==== ", label, "\n")
  cat("subjects", length(unique(p$participant_id)), "observations", nrow(p), "\n")
  cat("m2ll", format(-2 * as.numeric(logLik(fit)), digits = 15), "\n")
  em <- emmeans(fit, ~ arm | visit, mode = "satterthwaite", data = p)
  ct <- as.data.frame(summary(contrast(em, "trt.vs.ctrl", ref = 1), infer = c(TRUE, TRUE)))
  print(ct[ct$visit == "week18", ], digits = 12)
}
fitvis(c("week6", "week12", "week18"), "default (up to the endpoint week18)")
fitvis(c("week6", "week12", "week18", "week24"), "--visits week6,week12,week18,week24")
fitvis(c("week6", "week18"), "--visits week6,week18")
