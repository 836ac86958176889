# Reference values for the edge-case files in this folder (EdgeCaseReferenceTest).
# R 4.2.2, effectsize 0.8.3, metafor 3.8.1. Run: Rscript src/test/resources/edge/edge_cases.R
# Prints "file path value" lines; the paths are those of `trialstat analyze --format json`.
suppressMessages({library(effectsize); library(metafor)})
options(digits = 17)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
out <- function(f, path, v) cat(f, path, formatC(v, digits = 17, format = "g"), "\n")

wide <- function(f) {
  x <- read.csv(file.path(here, f), stringsAsFactors = FALSE)
  w <- reshape(x, idvar = c("participant_id", "arm"), timevar = "visit", direction = "wide")
  w$b <- w$caps_total.baseline; w$e <- w$caps_total.end; w$ch <- w$e - w$b
  w$arm <- factor(w$arm, levels = c("Placebo", "Drug"))   # control = reference level
  w
}

continuous <- function(f, d = TRUE) {
  w <- wide(f); t <- w$ch[w$arm == "Drug"]; c <- w$ch[w$arm == "Placebo"]
  for (a in c("Drug", "Placebo")) {
    v <- w$ch[w$arm == a]
    out(f, sprintf("arms[arm=%s].baseline.mean", a), mean(w$b[w$arm == a]))
    out(f, sprintf("arms[arm=%s].baseline.sd", a), sd(w$b[w$arm == a]))
    out(f, sprintf("arms[arm=%s].endpoint.mean", a), mean(w$e[w$arm == a]))
    out(f, sprintf("arms[arm=%s].endpoint.sd", a), sd(w$e[w$arm == a]))
    tt <- t.test(v)
    out(f, sprintf("arms[arm=%s].change.mean", a), mean(v))
    out(f, sprintf("arms[arm=%s].change.sd", a), sd(v))
    out(f, sprintf("arms[arm=%s].change.ci_low", a), tt$conf.int[1])
    out(f, sprintf("arms[arm=%s].change.ci_high", a), tt$conf.int[2])
  }
  for (k in c("welch", "student")) {
    tt <- t.test(t, c, var.equal = (k == "student"))
    p <- sprintf("comparisons[treatment=Drug,control=Placebo].%s.", k)
    out(f, paste0(p, "estimate"), mean(t) - mean(c)); out(f, paste0(p, "se"), tt$stderr)
    out(f, paste0(p, "t"), tt$statistic); out(f, paste0(p, "df"), tt$parameter); out(f, paste0(p, "p"), tt$p.value)
    out(f, paste0(p, "ci_low"), tt$conf.int[1]); out(f, paste0(p, "ci_high"), tt$conf.int[2])
  }
  m <- lm(ch ~ arm + b, data = w); s <- summary(m)$coefficients; ci <- confint(m)
  p <- "comparisons[treatment=Drug,control=Placebo].ancova."
  out(f, paste0(p, "estimate"), s["armDrug", 1]); out(f, paste0(p, "se"), s["armDrug", 2])
  out(f, paste0(p, "t"), s["armDrug", 3]); out(f, paste0(p, "p"), s["armDrug", 4])
  out(f, paste0(p, "df"), m$df.residual)
  out(f, paste0(p, "ci_low"), ci["armDrug", 1]); out(f, paste0(p, "ci_high"), ci["armDrug", 2])
  if (d) {
    for (k in c("cohens_d", "hedges_g")) {
      e <- if (k == "cohens_d") cohens_d(t, c) else hedges_g(t, c)
      p <- sprintf("comparisons[treatment=Drug,control=Placebo].%s.", k)
      out(f, paste0(p, "estimate"), e[[1]]); out(f, paste0(p, "ci_low"), e$CI_low); out(f, paste0(p, "ci_high"), e$CI_high)
    }
  }
}

# Wilson (prop.test without continuity correction), Newcombe hybrid score RD (method 10), RR/OR with
# metafor's default zero-cell rule (add 1/2 to every cell when a cell is 0, to = "only0"), Fisher.
binary <- function(f, outcome, a, n1, c, n2) {
  w1 <- prop.test(a, n1, correct = FALSE)$conf.int; w2 <- prop.test(c, n2, correct = FALSE)$conf.int
  p1 <- a / n1; p2 <- c / n2
  out(f, sprintf("arms[arm=Drug].%s.ci_low", outcome), w1[1]); out(f, sprintf("arms[arm=Drug].%s.ci_high", outcome), w1[2])
  out(f, sprintf("arms[arm=Placebo].%s.ci_low", outcome), w2[1]); out(f, sprintf("arms[arm=Placebo].%s.ci_high", outcome), w2[2])
  p <- sprintf("comparisons[treatment=Drug,control=Placebo].%s.", outcome)
  out(f, paste0(p, "risk_difference.estimate"), p1 - p2)
  out(f, paste0(p, "risk_difference.ci_low"), p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2))
  out(f, paste0(p, "risk_difference.ci_high"), p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
  if (!(a == 0 && c == 0) && !(a == n1 && c == n2)) {
    for (k in c("RR", "OR")) {
      e <- escalc(measure = k, ai = a, n1i = n1, ci = c, n2i = n2)
      key <- if (k == "RR") "risk_ratio" else "odds_ratio"
      out(f, paste0(p, key, ".estimate"), exp(e$yi))
      out(f, paste0(p, key, ".ci_low"), exp(e$yi - qnorm(0.975) * sqrt(e$vi)))
      out(f, paste0(p, key, ".ci_high"), exp(e$yi + qnorm(0.975) * sqrt(e$vi)))
    }
  }
  out(f, paste0(p, "fisher_p"), fisher.test(matrix(c(a, n1 - a, c, n2 - c), 2))$p.value)
}

continuous("zero_events_one_arm.csv")
binary("zero_events_one_arm.csv", "response", 3, 5, 0, 5)            # drops 20, 5, 15, 40, 1 vs 5, 0, 2, 2, 2
binary("zero_events_one_arm.csv", "loss_of_diagnosis", 3, 5, 0, 5)
binary("zero_events_one_arm.csv", "remission", 0, 5, 0, 5)           # no endpoint <= 11
continuous("all_events_both_arms.csv")
binary("all_events_both_arms.csv", "response", 3, 3, 3, 3)
binary("all_events_both_arms.csv", "loss_of_diagnosis", 3, 3, 3, 3)
binary("all_events_both_arms.csv", "remission", 0, 3, 0, 3)
continuous("two_per_arm.csv")
binary("two_per_arm.csv", "response", 1, 2, 1, 2)                    # drops 20, 9 vs 5, 14
continuous("huge_effect.csv", d = FALSE)                              # d, g: from mpmath (huge_effect_mpmath.py)
continuous("scale_limits.csv")
binary("scale_limits.csv", "response", 3, 3, 0, 3)                   # drops 80, 70, 75 vs 0, 0, 5
binary("scale_limits.csv", "loss_of_diagnosis", 3, 3, 0, 2)          # P2 not diagnosed at baseline
binary("scale_limits.csv", "remission", 3, 3, 1, 3)                  # endpoint <= 11 and no diagnosis
