# Independent reference for trialstat's conditional mean imputation with jackknife (CR and CIR), on
# rbmi's antidepressant_data read at ../shared/rbmi (run from the project root:
#   Rscript src/test/resources/impute/make_condmean.R > src/test/resources/impute/make_condmean.out).
# Imputation model: nlme::gls(CHANGE ~ THERAPY * VISIT + BASVAL * VISIT, corSymm + varIdent, REML)
# = rbmi's MMRM with unstructured covariance; conditional mean imputation as rbmi's stat_specs
# section 3.6 (Wolbers et al. 2022); strategies as stat_specs section 3.4; ANCOVA per visit on
# THERAPY + BASVAL; jackknife SE sqrt((n-1)/n sum (theta_-i - mean)^2), normal CI and p.
# trialstat orientation: DRUG - PLACEBO. rbmi itself is not installed here; this script follows its
# specification.
library(nlme)
d <- read.csv("../shared/rbmi/antidepressant_data.csv", colClasses = c(PATIENT = "character", VISIT = "character"))
visits <- c("4", "5", "6", "7")
ids <- unique(d$PATIENT)
base <- tapply(d$BASVAL, d$PATIENT, `[`, 1)[ids]
arm <- tapply(d$THERAPY, d$PATIENT, `[`, 1)[ids]
Y <- matrix(NA_real_, length(ids), 4, dimnames = list(ids, visits))
Y[cbind(match(d$PATIENT, ids), match(d$VISIT, visits))] <- d$CHANGE
ice <- apply(Y, 1, function(y) { k <- 4; while (k > 0 && is.na(y[k])) k <- k - 1; k + 1 })  # 1-based first affected, 5 = none

estimate <- function(keep, strategy) {
  long <- data.frame(PATIENT = rep(ids[keep], 4), VISIT = factor(rep(visits, each = sum(keep)), levels = visits),
                     THERAPY = factor(rep(arm[keep], 4), levels = c("PLACEBO", "DRUG")),
                     BASVAL = rep(base[keep], 4), CHANGE = as.vector(Y[keep, ]))
  long <- long[!is.na(long$CHANGE), ]
  long <- long[order(long$PATIENT, long$VISIT), ]
  fit <- gls(CHANGE ~ THERAPY * VISIT + BASVAL * VISIT, data = long, method = "REML",
             correlation = corSymm(form = ~ as.integer(VISIT) | PATIENT),
             weights = varIdent(form = ~ 1 | VISIT), control = glsControl(maxIter = 200, msMaxIter = 200))
  S <- getVarCov(fit, individual = long$PATIENT[long$PATIENT %in% ids[keep] &
        ave(rep(1, nrow(long)), long$PATIENT, FUN = sum) == 4][1])
  mu <- function(a, b) {
    nd <- data.frame(VISIT = factor(visits, levels = visits), THERAPY = factor(a, levels = c("PLACEBO", "DRUG")), BASVAL = b)
    as.vector(model.matrix(~ THERAPY * VISIT + BASVAL * VISIT, nd) %*% coef(fit))
  }
  out <- NULL
  for (i in which(keep)) {
    y <- Y[i, ]; k <- ice[i]
    own <- mu(arm[i], base[i]); ref <- mu("PLACEBO", base[i]); m <- own
    if (k <= 4) {
      post <- k:4
      if (strategy == "CR") m <- ref
      if (strategy == "CIR") m[post] <- if (k == 1) ref[post] else own[k - 1] + ref[post] - ref[k - 1]
    }
    o <- !is.na(y); mi <- !o
    if (any(mi)) y[mi] <- m[mi] + if (any(o)) S[mi, o, drop = FALSE] %*% solve(S[o, o], y[o] - m[o]) else 0
    out <- rbind(out, y)
  }
  sapply(1:4, function(v) {
    f <- lm(out[, v] ~ factor(arm[keep], levels = c("PLACEBO", "DRUG")) + base[keep])
    coef(f)[2]
  })
}

for (strategy in c("CR", "CIR")) {
  full <- estimate(rep(TRUE, length(ids)), strategy)
  jk <- t(sapply(seq_along(ids), function(i) { k <- rep(TRUE, length(ids)); k[i] <- FALSE; estimate(k, strategy) }))
  n <- length(ids)
  se <- sqrt((n - 1) / n * colSums(sweep(jk, 2, colMeans(jk))^2))
  z <- qnorm(0.975)
  cat(sprintf("%s visit %s: estimate %.6f se %.6f lower %.6f upper %.6f p %.6f\n", strategy, visits, full, se,
              full - z * se, full + z * se, 2 * pnorm(-abs(full / se))), sep = "")
}
