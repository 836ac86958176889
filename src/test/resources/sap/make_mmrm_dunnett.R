# Reference values for analyze --factor site --adjust dunnett on samples/three_arm_sites.csv: Dunnett's
# single-step adjustment of the MMRM's treatment-vs-control contrasts at the endpoint visit (week18).
# Run from this folder: Rscript make_mmrm_dunnett.R > make_mmrm_dunnett.out
#
# The MMRM is the one analyze fits (nlme::gls, unstructured: corSymm + varIdent, REML; rows without a
# site left out), its contrasts from emmeans with Satterthwaite df, the family Low - Placebo and
# High - Placebo at week18 (emmeans trt.vs.ctrl ~ arm | visit).
# emmeans' "mvt" adjustment (emmeans:::.adj.p.value -> .my.pmvt, .my.qmvt) takes the correlation of
# the family from vcov of the contrasts (L V L'), and for each contrast ITS OWN df, rounded by
# emmeans:::.fix.df (floor(df + 0.25); df above 9999 -> 0, i.e. normal), because mvtnorm's pmvt/qmvt
# take an integer df. (emmeans' adjust = "dunnett" is partial-matched to "dunnettx", an approximation;
# "mvt" is the exact one.) emmeans calls mvtnorm with its defaults (abseps 0.001), so the values it
# prints are Monte Carlo to about 1e-3 (in two dimensions mvtnorm's result is in fact exact); section 2
# repeats its computation with mvtnorm directly at abseps 1e-7. Section 3: multcomp::glht on the same
# contrasts, which takes one df for the whole family (default 0 = normal for a gls fit), at each of the
# two rounded df. Section 4: trialstat uses each contrast's own df WITHOUT the rounding (its multivariate
# t takes any df); since mvtnorm cannot, the two-dimensional multivariate t is integrated directly:
# P(|T1| < c, |T2| < c) = int_0^Inf P(|Z1| < c s, |Z2| < c s) f(s) ds, s = sqrt(chi2_nu / nu) with
# density f(s) = 2 nu s dchisq(nu s^2, nu), Z bivariate normal (mvtnorm::pmvnorm, exact in 2-D), by
# R's integrate at rel.tol 1e-12, and the quantile by uniroot at tol 1e-12: at emmeans' fractional df
# (section 4a), and at integer df as a check of the integration against section 2 (4b).
source("three_arm_data.R")
versions(c("nlme", "emmeans", "multcomp", "mvtnorm"))
options(digits = 15)
m <- p[!is.na(p$site), ]
m <- m[order(m$participant_id, m$visit), ]
gl <- gls(change ~ arm * visit + baseline * visit + site, data = m,
  correlation = corSymm(form = ~ vn | participant_id), weights = varIdent(form = ~ 1 | visit),
  method = "REML", control = glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE))
cat("-2 REML log-likelihood:", format(-2 * as.numeric(logLik(gl)), digits = 15), "\n")

# 1. emmeans as a user would call it (Monte Carlo at mvtnorm's default precision)
em <- emmeans(gl, trt.vs.ctrl ~ arm | visit, mode = "satterthwaite", adjust = "mvt")
set.seed(1)
s1 <- as.data.frame(summary(em$contrasts, infer = c(TRUE, TRUE), adjust = "mvt"))
cat("==== 1. emmeans(gl, trt.vs.ctrl ~ arm | visit, mode = \"satterthwaite\"), adjust = \"mvt\"\n")
print(s1[s1$visit == "week18", ], digits = 12)

# 2. the same computation at high precision (mvtnorm directly)
ct <- em$contrasts
wk <- which(summary(ct)$visit == "week18")
s <- summary(ct, infer = c(TRUE, TRUE), adjust = "none")[wk, ]
V <- vcov(ct)[wk, wk]
R <- cov2cor(V)
df <- emmeans:::.fix.df(s$df)
cat("==== 2. week18 family, unadjusted (emmeans, Satterthwaite)\n")
print(data.frame(contrast = s$contrast, estimate = s$estimate, se = s$SE, df = s$df, t = s$t.ratio,
  p = s$p.value), digits = 15)
cat("covariance of the contrasts (L V L'):\n"); print(V, digits = 15)
cat("correlation:", format(R[1, 2], digits = 15), "\n")
cat("df for the multivariate t (emmeans .fix.df):", df, "\n")
alg <- GenzBretz(maxpts = 5e6, abseps = 1e-7, releps = 0)
k <- nrow(R)
padj <- numeric(k); crit <- numeric(k)
for (i in seq_len(k)) {
  a <- abs(s$t.ratio[i])
  set.seed(1)
  padj[i] <- 1 - pmvt(lower = rep(-a, k), upper = rep(a, k), df = df[i], corr = R, algorithm = alg)[1]
  set.seed(1)
  crit[i] <- qmvt(0.95, tail = "both.tails", df = df[i], corr = R, algorithm = alg)$quantile
}
cat("mvt p_adjusted:", format(padj, digits = 15), "\n")
cat("mvt critical value:", format(crit, digits = 15), "\n")
cat("mvt simultaneous CI low :", format(s$estimate - crit * s$SE, digits = 15), "\n")
cat("mvt simultaneous CI high:", format(s$estimate + crit * s$SE, digits = 15), "\n")

# 3. multcomp::glht on the same two contrasts with one df for the family
K <- matrix(0, 2, length(coef(gl)), dimnames = list(c("Low - Placebo", "High - Placebo"), names(coef(gl))))
K[1, c("armLow", "armLow:visitweek18")] <- 1
K[2, c("armHigh", "armHigh:visitweek18")] <- 1
for (one in sort(unique(df))) {
  g <- glht(gl, linfct = K, df = one)
  set.seed(1)
  sg <- summary(g, test = adjusted("single-step", abseps = 1e-7, maxpts = 5e6))
  set.seed(1)
  cg <- confint(g, level = 0.95, calpha = adjusted_calpha(abseps = 1e-7, maxpts = 5e6))
  cat("==== 3. multcomp glht, df =", one, "\n")
  cat("estimate:", format(as.numeric(sg$test$coefficients), digits = 15), "\n")
  cat("p_adjusted:", format(as.numeric(sg$test$pvalues), digits = 15), "\n")
  cat("critical value:", format(attr(cg$confint, "calpha"), digits = 15), "\n")
}

# 4. the multivariate t on fractional df, by direct integration (two dimensions)
p2 <- function(c, nu, R) {
  f <- function(s) sapply(s, function(si) pmvnorm(lower = rep(-c * si, 2), upper = rep(c * si, 2), corr = R)[1]) *
    2 * nu * s * dchisq(nu * s^2, nu)
  integrate(f, 0, Inf, rel.tol = 1e-12, subdivisions = 1000L)$value
}
q2 <- function(level, nu, R) uniroot(function(c) p2(c, nu, R) - level, c(1.5, 3.5), tol = 1e-12)$root
for (which in c("4a. fractional df (emmeans' Satterthwaite, not rounded)", "4b. integer df (as section 2)")) {
  nu <- if (startsWith(which, "4a")) s$df else df
  pf <- sapply(1:2, function(i) 1 - p2(abs(s$t.ratio[i]), nu[i], R))
  cf <- sapply(1:2, function(i) q2(0.95, nu[i], R))
  cat("====", which, ": df", format(nu, digits = 15), "\n")
  cat("p_adjusted:", format(pf, digits = 15), "\n")
  cat("critical value:", format(cf, digits = 15), "\n")
  cat("simultaneous CI low :", format(s$estimate - cf * s$SE, digits = 15), "\n")
  cat("simultaneous CI high:", format(s$estimate + cf * s$SE, digits = 15), "\n")
}
