# Reference values for analyze --subgroup COL (issue 14): per-level Welch t test and ANCOVA, the F test
# of arm x subgroup in the ANCOVA (nested models, anova), and Q between subgroups of the binary effects
# (metafor escalc + rma(mods = ~ factor(level), method = "FE"), QM).
# Run from this folder: Rscript make_subgroup.R > make_subgroup.out
suppressMessages(library(metafor))
cat(R.version.string, " metafor ", as.character(packageVersion("metafor")), "\n")
options(digits = 15)

# One row per completer: arm, baseline, change, the subgroup column (on the baseline row).
completers <- function(d, col, base = "baseline", end = "week18") {
  b <- d[d$visit == base & !is.na(d$caps_total), c("participant_id", "arm", "caps_total", col)]
  names(b)[3] <- "baseline"
  e <- d[d$visit == end & !is.na(d$caps_total), c("participant_id", "caps_total")]
  names(e)[2] <- "endpoint"
  p <- merge(b, e, by = "participant_id")
  p$change <- p$endpoint - p$baseline
  p$g <- p[[col]]
  p[!is.na(p$g) & p$g != "", ]
}

report <- function(p, arms, control, label) {
  cat("\n######## ", label, "\n")
  levels <- sort(unique(p$g))
  for (t in setdiff(arms, control)) {
    q2 <- p[p$arm %in% c(t, control), ]
    q2$arm <- factor(q2$arm, levels = c(control, t))
    for (l in levels) {
      s <- p[p$g == l, ]
      s$arm <- factor(s$arm, levels = arms)
      w <- t.test(s$change[s$arm == t], s$change[s$arm == control])
      cat(sprintf("level %s %s-%s n_t %d n_c %d welch %.15g ci %.15g %.15g\n", l, t, control,
                  sum(s$arm == t), sum(s$arm == control), w$estimate[1] - w$estimate[2], w$conf.int[1], w$conf.int[2]))
      s$arm <- relevel(droplevels(s$arm), ref = control)
      f <- lm(change ~ arm + baseline, data = s)
      k <- paste0("arm", t)
      ci <- confint(f)[k, ]
      cat(sprintf("level %s %s-%s ancova %.15g ci %.15g %.15g p %.15g\n", l, t, control, coef(f)[k], ci[1], ci[2],
                  summary(f)$coefficients[k, 4]))
    }
    q2$g <- factor(q2$g)
    a <- anova(lm(change ~ arm + baseline + g, data = q2), lm(change ~ arm + baseline + g + arm:g, data = q2))
    cat(sprintf("interaction %s-%s F %.15g df %d df_residual %d p %.15g\n", t, control, a$F[2], a$Df[2],
                a$Res.Df[2], a$`Pr(>F)`[2]))
    # response: a drop of >= 10 points, completers as denominators
    ev <- function(arm, l) sum(p$arm == arm & p$g == l & p$change <= -10)
    nn <- function(arm, l) sum(p$arm == arm & p$g == l)
    ai <- sapply(levels, function(l) ev(t, l)); n1 <- sapply(levels, function(l) nn(t, l))
    ci2 <- sapply(levels, function(l) ev(control, l)); n2 <- sapply(levels, function(l) nn(control, l))
    cat("response events", t, ":", ai, "/", n1, "; ", control, ":", ci2, "/", n2, "\n")
    for (m in c("RD", "RR", "OR")) {
      es <- escalc(measure = m, ai = ai, n1i = n1, ci = ci2, n2i = n2)
      fit <- rma(yi, vi, mods = ~ factor(levels), data = es, method = "FE")
      cat(sprintf("q_between %s-%s response %s QM %.15g df %d p %.15g\n", t, control, m, fit$QM, fit$QMdf[1], fit$QMp))
    }
  }
}

d <- read.csv("../../../../samples/three_arm_sites.csv", stringsAsFactors = FALSE,
              colClasses = c(site = "character"))
report(completers(d, "sex"), c("Placebo", "Low", "High"), "Placebo", "three_arm_sites.csv --subgroup sex")
report(completers(d, "site"), c("Placebo", "Low", "High"), "Placebo", "three_arm_sites.csv --subgroup site")
cat("site missing (baseline row empty), per arm:\n")
print(table(d$arm[d$visit == "baseline" & d$site == ""]))

# ADaM-style sample: PARAMCD CAPS5TOT, ITTFL = Y, DTYPE empty; baseline ABLFL = Y, endpoint Week 18.
a <- read.csv("../../../../samples/adam/adeff.csv", stringsAsFactors = FALSE)
a <- a[a$PARAMCD == "CAPS5TOT" & a$ITTFL == "Y" & a$DTYPE == "", ]
a <- data.frame(participant_id = a$USUBJID, arm = a$TRTP, visit = ifelse(a$ABLFL == "Y", "baseline", a$AVISIT),
                caps_total = a$AVAL, DSSTRAT = a$DSSTRAT, stringsAsFactors = FALSE)
report(completers(a, "DSSTRAT", end = "Week 18"), c("Placebo", "Drug"), "Placebo", "adam/adeff.csv --subgroup DSSTRAT")
