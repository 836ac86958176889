# A two-arm trial with a numeric and a categorical covariate in trialstat's long input format (our own
# synthetic data, committed as adjusted_trial.csv) and the reference values of
# `trialstat analyze --covariate age --factor site [--adjusted-variance ge|sandwich|ye]` for its
# response and loss-of-diagnosis endpoints (AnalyzeAdjustedTest). R 4.2.2, sandwich 3.0-2.
# Run: Rscript src/test/resources/binary/make_adjusted_trial.R > src/test/resources/binary/make_adjusted_trial.out
# (rewrites adjusted_trial.csv). Participant A013 has no age on either row: left out of the adjusted
# models (and the ANCOVA), so the models use n - 1 participants.
#
# Per endpoint: glm(y ~ arm + age + site, binomial) (arm = 1 for Drug; site levels A, B, C, A the
# reference, as trialstat's sorted factor levels), iterated with epsilon = 1e-15; g-computation
# mu_a = mean expit(x_i(arm = a)' b) over the model's participants; RD, RR, OR of (mu1, mu0) with
# variances of (mu1, mu0):
#   ge       = G' vcov(fit) G,       G = [mean p1 (1 - p1) x(1), mean p0 (1 - p0) x(0)]  (Ge et al. 2011)
#   sandwich = G' sandwich(fit) G    (HC0)
#   ye       = Ye, Shao, Yi and Zhao (2023): n S_aa = Var_a(y - p_a) / pi_a + 2 Cov_a(y, p_a) - Var(p_a),
#              n S_10 = Cov_1(y, p0) + Cov_0(y, p1) - Cov(p1, p0)
# and the delta method with gradients (1, -1), (1/mu1, -1/mu0), (1/(mu1(1-mu1)), -1/(mu0(1-mu0))),
# Wald CIs at 95% (exp of the log-scale CI for the ratios), p = 2 pnorm(-|z|).
suppressMessages(library(sandwich))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
set.seed(20261203)
n <- 200
arm <- sample(rep(c("Drug", "Placebo"), n / 2))
site <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.4, 0.35, 0.25))
age <- round(rnorm(n, 41, 11))
base <- round(rnorm(n, 45, 7))
drop <- round(rnorm(n, 5 + 8 * (arm == "Drug") + 4 * (site == "B") - 0.25 * (age - 41), 9))
end <- pmin(80, pmax(0, base - drop))
dx0 <- as.numeric(runif(n) < 0.9)
dx1 <- as.numeric(dx0 == 1 & end >= 28)
id <- sprintf("A%03d", 1:n)
agecell <- as.character(age); agecell[13] <- ""
d <- data.frame(participant_id = rep(id, each = 2), arm = rep(arm, each = 2),
  visit = rep(c("baseline", "week12"), n), week = rep(c(0, 12), n),
  caps_total = as.vector(rbind(base, end)), ptsd_dx = as.vector(rbind(dx0, dx1)),
  site = rep(site, each = 2), age = rep(agecell, each = 2))
write.csv(d, file.path(here, "adjusted_trial.csv"), row.names = FALSE, quote = FALSE)

out <- function(key, v) cat(key, sprintf("%.17g", v), "\n")
ctl <- glm.control(epsilon = 1e-15, maxit = 100)
z <- qnorm(0.975)
endpoints <- list(response = (base - end) >= 10, loss_of_diagnosis = ifelse(dx0 == 1, dx1 == 0, NA))
for (e in names(endpoints)) {
  y <- as.numeric(endpoints[[e]])
  keep <- !is.na(y) & agecell != ""
  dd <- data.frame(y = y[keep], arm = as.numeric(arm[keep] == "Drug"), age = age[keep], site = factor(site[keep]))
  fit <- glm(y ~ arm + age + site, family = binomial, data = dd, control = ctl)
  X <- model.matrix(fit); b <- coef(fit); yy <- dd$y
  X1 <- X; X1[, "arm"] <- 1; X0 <- X; X0[, "arm"] <- 0
  p1 <- as.vector(plogis(X1 %*% b)); p0 <- as.vector(plogis(X0 %*% b))
  m <- c(mean(p1), mean(p0))
  G <- cbind(colMeans(X1 * p1 * (1 - p1)), colMeans(X0 * p0 * (1 - p0)))
  a <- dd$arm; nn <- length(yy); pis <- c(mean(a == 1), mean(a == 0))
  ye <- matrix(0, 2, 2)
  ye[1, 1] <- var(yy[a == 1] - p1[a == 1]) / pis[1] + 2 * cov(yy[a == 1], p1[a == 1]) - var(p1)
  ye[2, 2] <- var(yy[a == 0] - p0[a == 0]) / pis[2] + 2 * cov(yy[a == 0], p0[a == 0]) - var(p0)
  ye[1, 2] <- ye[2, 1] <- cov(yy[a == 1], p0[a == 1]) + cov(yy[a == 0], p1[a == 0]) - cov(p1, p0)
  S <- list(ge = t(G) %*% vcov(fit) %*% G, sandwich = t(G) %*% sandwich(fit) %*% G, ye = ye / nn)
  out(paste0(e, ".n"), nn)
  out(paste0(e, ".risk_treatment"), m[1]); out(paste0(e, ".risk_control"), m[2])
  eff <- list(risk_difference = list(est = m[1] - m[2], g = c(1, -1), log = FALSE),
              risk_ratio = list(est = m[1] / m[2], g = c(1 / m[1], -1 / m[2]), log = TRUE),
              odds_ratio = list(est = (m[1] / (1 - m[1])) / (m[2] / (1 - m[2])),
                                g = c(1 / (m[1] * (1 - m[1])), -1 / (m[2] * (1 - m[2]))), log = TRUE))
  for (v in names(S)) for (k in names(eff)) {
    f <- eff[[k]]; se <- sqrt(as.numeric(t(f$g) %*% S[[v]] %*% f$g))
    l <- if (f$log) log(f$est) else f$est
    lo <- l - z * se; hi <- l + z * se
    if (f$log) { lo <- exp(lo); hi <- exp(hi) }
    key <- paste(e, v, k, sep = ".")
    out(paste0(key, ".estimate"), f$est); out(paste0(key, if (f$log) ".se_log" else ".se"), se)
    out(paste0(key, ".ci_low"), lo); out(paste0(key, ".ci_high"), hi); out(paste0(key, ".p"), 2 * pnorm(-abs(l / se)))
  }
}
