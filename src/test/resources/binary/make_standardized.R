# Reference values for LogisticRegression and MarginalStandardization (covariate-adjusted marginal
# effects of a binary endpoint by standardization / g-computation). R 4.2.2, sandwich 3.0-2.
# Run: Rscript src/test/resources/binary/make_standardized.R > src/test/resources/binary/make_standardized.out
# Prints "dataset key value" lines, values with sprintf('%.17g').
#
# The logistic fit is glm(binomial) iterated to convergence far below its default
# (epsilon = 1e-15, maxit = 100) so that the coefficients are exact to about 1e-12 and serve as a
# reference for an iterative fit. Standardization and its variances are written out here by hand:
#   p1_i = expit(x_i(arm = 1)' b), p0_i = expit(x_i(arm = 0)' b), mu1 = mean(p1), mu0 = mean(p0);
#   RD = mu1 - mu0, RR = mu1 / mu0, OR = (mu1 / (1 - mu1)) / (mu0 / (1 - mu0)).
# Ge et al. (2011) delta method: with g1 = mean_i p1_i (1 - p1_i) x_i(arm = 1), g0 likewise and V the
#   model-based covariance of b (vcov(glm) = (X'WX)^-1), Var(mu1, mu0) = [g1 g0]' V [g1 g0]; with V =
#   sandwich::sandwich(fit) (HC0) for the sandwich variant.
# Ye, Shao, Yi and Zhao (2023) robust variance (influence function of the standardized means under
#   simple randomization, valid when the working model is wrong): with pi_k = n_k / n, Var_k and Cov_k
#   sample moments within arm k (denominator n_k - 1), Var/Cov over all n participants:
#   V_kk = Var_k(Y - p_k) / pi_k + 2 Cov_k(Y, p_k) - Var(p_k),
#   V_10 = Cov_1(Y, p0) + Cov_0(Y, p1) - Cov(p1, p0);  Var(mu1, mu0) = V / n.
# RD, log RR and log OR then get their SEs from the gradients (1, -1), (1/mu1, -1/mu0) and
# (1/(mu1(1-mu1)), -1/(mu0(1-mu0))); CIs are estimate -/+ z SE (RD) and exp(log -/+ z SE) (ratios),
# z = qnorm(0.975), p = 2 pnorm(-|estimate / SE|) with the log for ratios.
suppressMessages(library(sandwich))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
out <- function(set, key, v) cat(set, key, sprintf("%.17g", v), "\n")
ctl <- glm.control(epsilon = 1e-15, maxit = 100)

standardize <- function(fit, X, y) {
  b <- coef(fit); keep <- !is.na(b); b <- b[keep]; X <- X[, keep, drop = FALSE]
  X1 <- X; X1[, "arm"] <- 1; X0 <- X; X0[, "arm"] <- 0
  p1 <- as.vector(plogis(X1 %*% b)); p0 <- as.vector(plogis(X0 %*% b))
  m <- c(mean(p1), mean(p0))
  G <- cbind(colMeans(X1 * p1 * (1 - p1)), colMeans(X0 * p0 * (1 - p0)))
  a <- X[, "arm"]; n <- length(y); pis <- c(mean(a == 1), mean(a == 0))
  ye <- matrix(0, 2, 2)
  ye[1, 1] <- var(y[a == 1] - p1[a == 1]) / pis[1] + 2 * cov(y[a == 1], p1[a == 1]) - var(p1)
  ye[2, 2] <- var(y[a == 0] - p0[a == 0]) / pis[2] + 2 * cov(y[a == 0], p0[a == 0]) - var(p0)
  ye[1, 2] <- ye[2, 1] <- cov(y[a == 1], p0[a == 1]) + cov(y[a == 0], p1[a == 0]) - cov(p1, p0)
  list(m = m, vars = list(ge = t(G) %*% vcov(fit)[keep, keep, drop = FALSE] %*% G,
                          sandwich = t(G) %*% sandwich(fit) %*% G, ye = ye / n))
}

effects <- function(m) {
  list(RD = list(est = m[1] - m[2], scale = identity, grad = c(1, -1), log = FALSE),
       RR = list(est = m[1] / m[2], grad = c(1 / m[1], -1 / m[2]), log = TRUE),
       OR = list(est = (m[1] / (1 - m[1])) / (m[2] / (1 - m[2])),
                 grad = c(1 / (m[1] * (1 - m[1])), -1 / (m[2] * (1 - m[2]))), log = TRUE))
}

report <- function(set, X, y, control = ctl) {
  fit <- glm(y ~ X - 1, family = binomial, control = control)
  names(fit$coefficients) <- colnames(X)
  s <- summary(fit)$coefficients
  for (j in colnames(X)) {
    if (is.na(coef(fit)[j])) { cat(set, paste0("coef.", j), "NA", "\n"); next }
    out(set, paste0("coef.", j), coef(fit)[j]); out(set, paste0("se.", j), s[j, 2])
  }
  out(set, "deviance", deviance(fit)); out(set, "iterations", fit$iter)
  st <- standardize(fit, X, y)
  out(set, "risk_treatment", st$m[1]); out(set, "risk_control", st$m[2])
  z <- qnorm(0.975)
  for (v in names(st$vars)) for (e in names(effects(st$m))) {
    ef <- effects(st$m)[[e]]; se <- sqrt(drop(t(ef$grad) %*% st$vars[[v]] %*% ef$grad))
    k <- paste0(v, ".", e, ".")
    l <- if (ef$log) log(ef$est) else ef$est
    tr <- if (ef$log) exp else identity
    out(set, paste0(k, "estimate"), ef$est); out(set, paste0(k, "se"), se)
    out(set, paste0(k, "ci_low"), tr(l - z * se)); out(set, paste0(k, "ci_high"), tr(l + z * se))
    out(set, paste0(k, "p"), 2 * pnorm(-abs(l / se)))
  }
  invisible(fit)
}

# 1. synthetic_trial.csv: response ~ arm + baseline + sex + severity + site, columns built by hand in
# the order the test builds them.
d <- read.csv(file.path(here, "synthetic_trial.csv"), stringsAsFactors = FALSE)
X <- cbind(intercept = 1, arm = as.numeric(d$arm == "Drug"), baseline = d$baseline,
  sexM = as.numeric(d$sex == "M"), severe = as.numeric(d$severity == "severe"),
  siteB = as.numeric(d$site == "B"), siteC = as.numeric(d$site == "C"))
report("synthetic", X, d$response)

# 2. The same with a covariate that has one level (a constant column): glm reports NA for it and the
# other numbers are unchanged. glm's aliasing tolerance is min(1e-7, epsilon / 1000), so the tight
# epsilon above would let the constant through: this fit uses glm's default control (epsilon 1e-8,
# coefficients then exact to about 1e-9), and the numbers equal those of "synthetic" to that accuracy.
report("synthetic_constant", cbind(X, pilot = 1), d$response, control = glm.control())

# 3. UCBAdmissions expanded to 4526 applicants: admitted ~ female + department.
u <- as.data.frame(UCBAdmissions)
u <- u[rep(seq_len(nrow(u)), u$Freq), ]
Xu <- cbind(intercept = 1, arm = as.numeric(u$Gender == "Female"),
  sapply(c("B", "C", "D", "E", "F"), function(k) as.numeric(u$Dept == k)))
colnames(Xu)[3:7] <- paste0("dept", c("B", "C", "D", "E", "F"))
report("ucb", Xu, as.numeric(u$Admit == "Admitted"))

# 4. Nonparametric bootstrap of the synthetic trial's standardized effects: 2000 resamples of
# participants (stratified by arm so both arms keep their size), seed 20261201; SD of RD, log RR, log OR.
set.seed(20261201)
B <- 2000; y <- d$response; a <- X[, "arm"]
boot <- t(replicate(B, {
  i <- c(sample(which(a == 1), replace = TRUE), sample(which(a == 0), replace = TRUE))
  f <- suppressWarnings(glm(y[i] ~ X[i, ] - 1, family = binomial, control = ctl))
  names(f$coefficients) <- colnames(X)
  m <- standardize(f, X[i, ], y[i])$m
  c(m[1] - m[2], log(m[1] / m[2]), log((m[1] / (1 - m[1])) / (m[2] / (1 - m[2]))))
}))
out("bootstrap", "B", B)
out("bootstrap", "RD.se", sd(boot[, 1])); out("bootstrap", "RR.se_log", sd(boot[, 2]))
out("bootstrap", "OR.se_log", sd(boot[, 3]))

# 5. Separation. complete: x separates the outcome (y = 1 exactly when x > 0); quasi: every treated
# participant has the event (a zero cell), glm "converges" to a huge arm coefficient with a warning.
xs <- c(-3, -2, -1, -0.5, 0.5, 1, 2, 3); ys <- c(0, 0, 0, 0, 1, 1, 1, 1); arms <- c(1, 0, 1, 0, 1, 0, 1, 0)
f <- withCallingHandlers(glm(ys ~ arms + xs, family = binomial),
  warning = function(w) { cat("separation_complete warning", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
out("separation_complete", "coef.arm", coef(f)["arms"])
yq <- c(1, 1, 1, 1, 0, 1, 0, 0, 1, 0); aq <- c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0); aq[5] <- 0
xq <- c(0.3, -1.2, 0.8, 0.1, -0.4, 1.5, -0.7, 0.2, -0.1, 0.9)
f <- withCallingHandlers(glm(yq ~ aq + xq, family = binomial),
  warning = function(w) { cat("separation_quasi warning", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
out("separation_quasi", "coef.arm", coef(f)["aq"]); out("separation_quasi", "iterations", f$iter)

# 6. Extreme fitted probabilities without separation: x from -30 to 30, events for x > 0 except at
# x = -1 and x = 1 (overlap), so the MLE exists although fitted probabilities at the ends are < 1e-10.
xe <- -30:30; ye <- as.numeric(xe > 0); ye[xe == -1] <- 1; ye[xe == 1] <- 0
ae <- rep(c(1, 0), length.out = length(xe))
f <- glm(ye ~ ae + xe, family = binomial, control = ctl)
out("extreme", "coef.intercept", coef(f)[1]); out("extreme", "coef.arm", coef(f)[2]); out("extreme", "coef.x", coef(f)[3])
out("extreme", "se.x", summary(f)$coefficients[3, 2]); out("extreme", "min_fitted", min(fitted(f)))
