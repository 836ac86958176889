# R 4.2.2, nlme 3.1-162 (run: Rscript gls_ml.R > gls_ml.out from this folder).
# Maximum likelihood (method = "ML") fits of trialstat's own MMRM on fev_data, FEV1 ~ ARMCD * AVISIT +
# RACE + SEX, as references for `mmrm --estimation ml` (src/test/java/org/trialstat/cli/
# MmrmCommandEstimationTest.java):
#   cs   = corCompSymm                        ar1h = corAR1 + varIdent(~1|visit)
#   un   = corSymm + varIdent(~1|visit)
# Printed in SAS's parametrisation (cs: CS = sigma^2 rho, Residual = sigma^2 (1 - rho); ar1h: Var(v) =
# (sigma delta_v)^2, ARH(1); un: UN(a,b) = covariance of visits a, b), with -2 log-likelihood (ML, n log 2 pi
# included, as SAS "-2 Log Likelihood") and the treatment - control contrast at every visit (estimate,
# model-based SE from the ML covariance; factor covariates at equal level weights). The SE is SAS's
# METHOD=ML one, sqrt(l' (X' V^-1 X)^-1 l) at the ML V: gls's vcov() under ML is that times N / (N - p)
# (nlme's gls: varBeta * sqrt((N - REML * p) / (N - p))), undone here.
suppressMessages(library(nlme))
options(digits = 15)
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv"); fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT")); fev$AVISIT <- factor(fev$AVISIT)
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX); fev$vnum <- as.integer(fev$AVISIT)
fml <- FEV1 ~ ARMCD * AVISIT + RACE + SEX
lrow <- function(a, v) {
  grid <- expand.grid(ARMCD = factor(a, levels(fev$ARMCD)), AVISIT = factor(v, levels(fev$AVISIT)),
    RACE = factor(levels(fev$RACE), levels(fev$RACE)), SEX = factor(levels(fev$SEX), levels(fev$SEX)))
  tt <- delete.response(terms(fml))
  colMeans(model.matrix(tt, model.frame(tt, grid, xlev = lapply(fev[sapply(fev, is.factor)], levels))))
}
specs <- list(
  cs = list(cor = corCompSymm(form = ~ 1 | USUBJID), w = NULL),
  ar1h = list(cor = corAR1(form = ~ vnum | USUBJID), w = varIdent(form = ~ 1 | AVISIT)),
  un = list(cor = corSymm(form = ~ vnum | USUBJID), w = varIdent(form = ~ 1 | AVISIT)))
for (s in names(specs)) {
  # both of gls's optimisers, tight tolerances; the larger log-likelihood is kept
  fits <- lapply(c("nlminb", "optim"), function(o) tryCatch(gls(fml, data = fev, correlation = specs[[s]]$cor,
    weights = specs[[s]]$w, method = "ML", control = glsControl(tolerance = 1e-14, msTol = 1e-14,
    maxIter = 1000, msMaxIter = 1000, opt = o)), error = function(e) NULL))
  fits <- Filter(Negate(is.null), fits)
  f <- fits[[which.max(sapply(fits, function(x) as.numeric(logLik(x))))]]
  # restarted from its own estimate until -2 l stops falling (nlminb stopped 8e-8 above the optimum on
  # ar1h, leaving Var(1) 1.4e-5 relative from it)
  for (restart in 1:5) {
    g <- gls(fml, data = fev, correlation = f$modelStruct$corStruct, weights = f$modelStruct$varStruct,
      method = "ML", control = glsControl(tolerance = 1e-14, msTol = 1e-14, maxIter = 1000, msMaxIter = 1000))
    if (as.numeric(logLik(g)) <= as.numeric(logLik(f)) + 1e-10) break
    f <- g
  }
  cat("====", "fev", s, "\n")
  cat(sprintf("m2ll %.10f\n", -2 * as.numeric(logLik(f))))
  sig2 <- f$sigma^2
  if (s == "cs") {
    rho <- coef(f$modelStruct$corStruct, unconstrained = FALSE)
    cat(sprintf("param CS %.10f\nparam Residual %.10f\n", sig2 * rho, sig2 * (1 - rho)))
  } else {
    d <- coef(f$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)
    sd <- sqrt(sig2) * d[levels(fev$AVISIT)]
    if (s == "ar1h") {
      for (k in seq_along(sd)) cat(sprintf("param Var(%d) %.10f\n", k, sd[k]^2))
      cat(sprintf("param ARH(1) %.10f\n", coef(f$modelStruct$corStruct, unconstrained = FALSE)))
    } else {
      cms <- corMatrix(f$modelStruct$corStruct); cm <- cms[[which(sapply(cms, nrow) == 4)[1]]]
      S <- diag(sd) %*% cm %*% diag(sd)
      for (a in 1:4) for (b in 1:a) cat(sprintf("param UN(%d,%d) %.10f\n", a, b, S[a, b]))
    }
  }
  b <- coef(f); N <- f$dims$N; p <- f$dims$p; C <- vcov(f) * (N - p) / N
  for (v in levels(fev$AVISIT)) {
    l <- lrow("TRT", v) - lrow("PBO", v)
    cat(sprintf("contrast TRT %s est %.10f se %.10f\n", v, sum(l * b), sqrt(drop(t(l) %*% C %*% l))))
  }
}
