# Reference values for analyze/mmrm --covariate age --covariate sex --factor site on
# samples/three_arm_sites.csv. Run from this folder: Rscript covariates.R > covariates.out
suppressMessages({library(nlme); library(emmeans)})
cat(R.version.string, " nlme ", as.character(packageVersion("nlme")), " emmeans ",
    as.character(packageVersion("emmeans")), "\n")
options(digits = 15)
source("three_arm_data.R")
# ANCOVA on the week18 completers; lm drops the participant without a site (na.action = na.omit)
a <- p[p$visit == "week18", ]
fit <- lm(change ~ arm + baseline + age + sex + site, data = a)
cat("==== ANCOVA lm(change ~ arm + baseline + age + sex + site), n =", nobs(fit), " df =", df.residual(fit), "\n")
print(summary(fit)$coefficients[c("armLow", "armHigh"), ], digits = 15)
# MMRM: gls with unstructured covariance (corSymm + varIdent), REML; rows without a site dropped
m <- p[!is.na(p$site), ]
m <- m[order(m$participant_id, m$visit), ]
g <- gls(change ~ arm * visit + baseline * visit + age + sex + site, data = m,
  correlation = corSymm(form = ~ vn | participant_id), weights = varIdent(form = ~ 1 | visit),
  method = "REML", control = glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE))
cat("==== MMRM gls, observations =", nobs(g), " subjects =", length(unique(m$participant_id)), "\n")
cat("m2REML ", format(-2 * as.numeric(logLik(g)), digits = 15), "\n")
em <- emmeans(g, ~ arm | visit, mode = "satterthwaite")
ct <- contrast(em, "trt.vs.ctrl", ref = 1)
print(as.data.frame(summary(ct, infer = c(TRUE, TRUE)))[5:6, ], digits = 12)
# site as a numeric covariate (what --covariate site does: its codes are numbers)
a$site_num <- as.numeric(as.character(a$site))
fit2 <- lm(change ~ arm + baseline + site_num, data = a)
cat("==== ANCOVA lm(change ~ arm + baseline + site) with site numeric, df =", df.residual(fit2), "\n")
print(summary(fit2)$coefficients[c("armLow", "armHigh"), ], digits = 15)
