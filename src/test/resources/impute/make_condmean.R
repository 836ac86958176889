# Independent reference for trialstat's conditional mean imputation with jackknife (MAR, JR, CR and CIR),
# on rbmi's antidepressant_data read at ../shared/rbmi (run from the project root:
#   Rscript src/test/resources/impute/make_condmean.R > src/test/resources/impute/make_condmean.out).
# Imputation model: nlme::gls(CHANGE ~ THERAPY * VISIT + BASVAL * VISIT, corSymm + varIdent, REML)
# = rbmi's MMRM with unstructured covariance; conditional mean imputation as rbmi's stat_specs
# section 3.6 (Wolbers et al. 2022); strategies as stat_specs section 3.4 (rbmi's strategy_JR/CR/CIR:
# the strategy applies from each participant's first visit after the last observed one; 3618's
# intermittent gap is MAR); ANCOVA per visit on THERAPY + BASVAL (rbmi's ancova), LS means at the mean
# baseline of the sample; jackknife SE sqrt((n-1)/n sum (theta_-i - mean)^2), normal CI and p.
# The imputation model does not depend on the strategy, so each of the 173 samples (full data and
# the 172 leave-one-out samples) is fitted once and imputed under all four strategies; the leave-one-out
# fits start from the full fit's covariance parameters (the optimum is the same, only faster).
# JR and MAR are printed to check the script against rbmi's vignette numbers (CondMean_Inference
# section 3.4: JR trt_7 2.126, SE 0.858 as PLACEBO - DRUG) before its CR and CIR numbers count.
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
strategies <- c("MAR", "JR", "CR", "CIR")
deltas <- seq(0, 20, by = 0.5)  # trialstat analyze --sensitivity's default grid on these data

fitModel <- function(keep, start = NULL) {
  long <- data.frame(PATIENT = rep(ids[keep], 4), VISIT = factor(rep(visits, each = sum(keep)), levels = visits),
                     THERAPY = factor(rep(arm[keep], 4), levels = c("PLACEBO", "DRUG")),
                     BASVAL = rep(base[keep], 4), CHANGE = as.vector(Y[keep, ]))
  long <- long[!is.na(long$CHANGE), ]
  long <- long[order(long$PATIENT, long$VISIT), ]
  cs <- if (is.null(start)) corSymm(form = ~ as.integer(VISIT) | PATIENT) else
    corSymm(start$cor, form = ~ as.integer(VISIT) | PATIENT)
  vs <- if (is.null(start)) varIdent(form = ~ 1 | VISIT) else varIdent(start$var, form = ~ 1 | VISIT)
  gls(CHANGE ~ THERAPY * VISIT + BASVAL * VISIT, data = long, method = "REML", correlation = cs, weights = vs,
      control = glsControl(maxIter = 200, msMaxIter = 200, tolerance = 1e-10, msTol = 1e-10))
}

# the 4 x 4 covariance matrix: residual variance, varIdent ratios (in level order), correlations
sigmaOf <- function(fit) {
  R <- corMatrix(fit$modelStruct$corStruct)[[1]]
  k <- nrow(R)
  if (k != 4) {  # the first group may be short: rebuild from the parameters
    R <- diag(4)
    R[lower.tri(R)] <- coef(fit$modelStruct$corStruct, unconstrained = FALSE)
    R <- R + t(R) - diag(4)
  }
  w <- coef(fit$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)[visits]
  s <- fit$sigma * w
  R * outer(s, s)
}

estimate <- function(keep, start = NULL) {
  fit <- fitModel(keep, start)
  S <- sigmaOf(fit)
  mm <- function(a) {
    nd <- data.frame(VISIT = factor(rep(visits, each = n), levels = visits),
                     THERAPY = factor(rep(a, 4), levels = c("PLACEBO", "DRUG")), BASVAL = rep(base, 4))
    matrix(model.matrix(~ THERAPY * VISIT + BASVAL * VISIT, nd) %*% coef(fit), n, 4)
  }
  OWN <- mm(arm); REF <- mm(rep("PLACEBO", n))
  res <- list()
  for (strategy in strategies) {
    out <- matrix(NA_real_, sum(keep), 4)
    r <- 0
    for (i in which(keep)) {
      y <- Y[i, ]; k <- ice[i]
      own <- OWN[i, ]; ref <- REF[i, ]; m <- own
      if (k <= 4) {
        post <- k:4
        if (strategy == "JR") m[post] <- ref[post]
        if (strategy == "CR") m <- ref
        if (strategy == "CIR") m[post] <- if (k == 1) ref[post] else own[k - 1] + ref[post] - ref[k - 1]
      }
      o <- !is.na(y); mi <- !o
      if (any(mi)) y[mi] <- m[mi] + if (any(o)) S[mi, o, drop = FALSE] %*% solve(S[o, o], y[o] - m[o]) else 0
      r <- r + 1
      out[r, ] <- y
    }
    g <- factor(arm[keep], levels = c("PLACEBO", "DRUG"))
    b <- base[keep]
    res[[strategy]] <- as.vector(sapply(1:4, function(v) {
      cf <- coef(lm(out[, v] ~ g + b))
      pl <- cf[1] + cf[3] * mean(b)
      c(diff = cf[2], lsm_placebo = pl, lsm_drug = pl + cf[2])
    }))
    if (strategy == "MAR") {
      # tipping point: delta added to every imputed value of DRUG (rbmi's delta argument of analyse), visit 7
      imputed <- is.na(Y[keep, 4]) & arm[keep] == "DRUG"
      res$tipping <- sapply(deltas, function(dl) coef(lm(out[, 4] + dl * imputed ~ g + b))[2])
    }
  }
  if (all(keep)) {  # the MMRM's own contrast DRUG - PLACEBO at visit 7 (REML estimate and model-based SE)
    L <- setNames(rep(0, length(coef(fit))), names(coef(fit)))
    L[c("THERAPYDRUG", "THERAPYDRUG:VISIT7")] <- 1
    res$mmrm <- c(sum(L * coef(fit)), sqrt(drop(t(L) %*% vcov(fit) %*% L)))
  }
  list(est = res, start = list(cor = coef(fit$modelStruct$corStruct, unconstrained = FALSE),
                               var = coef(fit$modelStruct$varStruct, unconstrained = FALSE)))
}

n <- length(ids)
t0 <- proc.time()[["elapsed"]]
full <- estimate(rep(TRUE, n))
jk <- lapply(seq_len(n), function(i) { k <- rep(TRUE, n); k[i] <- FALSE; estimate(k, full$start)$est })
elapsed <- proc.time()[["elapsed"]] - t0
z <- qnorm(0.975)
labels <- expand.grid(what = c("difference DRUG-PLACEBO", "lsmean PLACEBO", "lsmean DRUG"), visit = visits,
                      stringsAsFactors = FALSE)
for (strategy in strategies) {
  th <- full$est[[strategy]]
  J <- t(sapply(jk, `[[`, strategy))
  se <- sqrt((n - 1) / n * colSums(sweep(J, 2, colMeans(J))^2))
  p <- 2 * pnorm(-abs(th / se))
  cat(sprintf("%s visit %s %s: estimate %.6f se %.6f lower %.6f upper %.6f p %.6f\n", strategy, labels$visit,
              labels$what, th, se, th - z * se, th + z * se, p), sep = "")
}
J <- t(sapply(jk, `[[`, "tipping"))
th <- full$est$tipping
se <- sqrt((n - 1) / n * colSums(sweep(J, 2, colMeans(J))^2))
p <- 2 * pnorm(-abs(th / se))
cat(sprintf("MAR+delta %.1f visit 7 difference DRUG-PLACEBO: estimate %.6f se %.6f lower %.6f upper %.6f p %.6f\n",
            deltas, th, se, th - z * se, th + z * se, p), sep = "")
cat(sprintf("tipping point (first delta of seq(0, 20, 0.5) with p >= 0.05): %.1f\n", deltas[which(p >= 0.05)[1]]))
cat(sprintf("MMRM (gls REML) visit 7 difference DRUG-PLACEBO: estimate %.6f se %.6f\n", full$est$mmrm[1],
            full$est$mmrm[2]))
cat(sprintf("n %d participants, %d gls fits, %.1f s elapsed (%s, nlme %s)\n", n, n + 1, elapsed,
            R.version.string, packageVersion("nlme")))
