# Reference values for analyze --factor site --dose-col dose --compare all --adjust ... on
# samples/three_arm_sites.csv, and for the multiplicity routines alone.
# Run from this folder: Rscript multiarm.R > multiarm.out
suppressMessages({library(nlme); library(emmeans); library(multcomp); library(mvtnorm)})
cat(R.version.string, " nlme ", as.character(packageVersion("nlme")), " emmeans ",
    as.character(packageVersion("emmeans")), " multcomp ", as.character(packageVersion("multcomp")),
    " mvtnorm ", as.character(packageVersion("mvtnorm")), "\n")
options(digits = 15)
source("three_arm_data.R")
a <- p[p$visit == "week18", ]
pairs <- list(c("Low", "Placebo"), c("High", "Placebo"), c("High", "Low"))  # --compare all, dose order

# ANCOVA with site; contrasts between any two arms from the model of all arms
fit <- lm(change ~ arm + baseline + site, data = a)
cat("==== ANCOVA lm(change ~ arm + baseline + site), n =", nobs(fit), " df =", df.residual(fit), "\n")
K <- rbind("Low - Placebo" = c(0, 1, 0, rep(0, length(coef(fit)) - 3)),
           "High - Placebo" = c(0, 0, 1, rep(0, length(coef(fit)) - 3)),
           "High - Low" = c(0, -1, 1, rep(0, length(coef(fit)) - 3)))
g <- glht(fit, linfct = K)
s <- summary(g, test = adjusted("none"))
anc <- data.frame(estimate = s$test$coefficients, se = s$test$sigma, t = s$test$tstat, p = s$test$pvalues)
print(anc, digits = 15)
for (m in c("bonferroni", "holm", "hochberg", "hommel")) {
  cat("ancova p.adjust", m, ":", format(p.adjust(anc$p, m), digits = 15), "\n")
}
q <- qt(1 - 0.05 / (2 * 3), df.residual(fit))
cat("ancova bonferroni simultaneous CI low :", format(anc$estimate - q * anc$se, digits = 15), "\n")
cat("ancova bonferroni simultaneous CI high:", format(anc$estimate + q * anc$se, digits = 15), "\n")

# Dunnett single-step on the two contrasts against placebo (multcomp; precision raised from 0.001)
set.seed(1)
dn <- glht(fit, linfct = mcp(arm = "Dunnett"))
sd <- summary(dn, test = adjusted("single-step", abseps = 1e-6, maxpts = 5e6))
cat("==== Dunnett glht(mcp(arm = \"Dunnett\"))\n")
cat("dunnett p_adjusted:", format(as.numeric(sd$test$pvalues), digits = 15), "\n")
set.seed(1)
ci <- confint(dn, level = 0.95, calpha = adjusted_calpha(abseps = 1e-6, maxpts = 5e6))
cat("dunnett critical value:", format(attr(ci$confint, "calpha"), digits = 15), "\n")
cat("dunnett simultaneous CI low :", format(ci$confint[, "lwr"], digits = 15), "\n")
cat("dunnett simultaneous CI high:", format(ci$confint[, "upr"], digits = 15), "\n")

# Welch t tests of the two arms of each pair, and their adjustment
wp <- sapply(pairs, function(x) t.test(a$change[a$arm == x[1]], a$change[a$arm == x[2]])$p.value)
cat("==== Welch p:", format(wp, digits = 15), "\n")
cat("welch p.adjust holm:", format(p.adjust(wp, "holm"), digits = 15), "\n")
# Fisher exact test of response (drop >= 10) on the completers of the two arms
a$resp <- as.integer(a$baseline - a$caps_total >= 10)
fp <- sapply(pairs, function(x) {
  s <- a[a$arm %in% x, ]
  fisher.test(table(factor(s$arm, levels = x), factor(s$resp, levels = 1:0)))$p.value
})
cat("==== Fisher response p:", format(fp, digits = 15), "\n")
cat("fisher p.adjust holm:", format(p.adjust(fp, "holm"), digits = 15), "\n")

# MMRM: High vs Low at week18 from the same model of all arms (gls, unstructured, REML)
m <- p[!is.na(p$site), ]
m <- m[order(m$participant_id, m$visit), ]
gl <- gls(change ~ arm * visit + baseline * visit + site, data = m,
  correlation = corSymm(form = ~ vn | participant_id), weights = varIdent(form = ~ 1 | visit),
  method = "REML", control = glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE))
em <- emmeans(gl, ~ arm | visit, mode = "satterthwaite")
ct <- contrast(em, list("Low - Placebo" = c(-1, 1, 0), "High - Placebo" = c(-1, 0, 1), "High - Low" = c(0, -1, 1)))
mm <- as.data.frame(summary(ct, infer = c(TRUE, TRUE)))
mm <- mm[mm$visit == "week18", ]
cat("==== MMRM contrasts at week18 (emmeans, Satterthwaite)\n")
print(mm, digits = 12)
cat("mmrm p.adjust hommel:", format(p.adjust(mm$p.value, "hommel"), digits = 15), "\n")

# Dose response: dose as a continuous term in place of arm
fd <- lm(change ~ dose + baseline + site, data = a)
cat("==== dose response lm(change ~ dose + baseline + site), df =", df.residual(fd), "\n")
print(summary(fd)$coefficients["dose", , drop = FALSE], digits = 15)
print(confint(fd)["dose", ], digits = 15)

# p.adjust alone: ties, an NA that still counts in n, m = 2 Hommel (= Hochberg), m = 5
x <- c(0.01, 0.04, 0.03, 0.04, 0.2)
y <- c(0.02, NA, 0.011, 0.5)
for (m in c("bonferroni", "holm", "hochberg", "hommel")) {
  cat("p.adjust x", m, ":", format(p.adjust(x, m), digits = 15), "\n")
  cat("p.adjust y", m, ":", format(p.adjust(y, m), digits = 15), "\n")
  cat("p.adjust z", m, ":", format(p.adjust(c(0.03, 0.02), m), digits = 15), "\n")
}

# multivariate t alone (mvtnorm, precision raised): 3 dimensions, df 12; normal; quantile
R3 <- matrix(c(1, 0.5, 0.3, 0.5, 1, 0.4, 0.3, 0.4, 1), 3)
set.seed(2)
cat("pmvt 3d df12 c2.2:", format(pmvt(lower = rep(-2.2, 3), upper = rep(2.2, 3), corr = R3, df = 12,
    algorithm = GenzBretz(maxpts = 5e6, abseps = 1e-7, releps = 0))[1], digits = 15), "\n")
set.seed(2)
cat("pmvnorm 3d c2.2:", format(pmvnorm(lower = rep(-2.2, 3), upper = rep(2.2, 3), corr = R3,
    algorithm = GenzBretz(maxpts = 5e6, abseps = 1e-7, releps = 0))[1], digits = 15), "\n")
# the equicoordinate quantile is checked through multcomp's critical value above
