# Run from this folder (src/test/resources/mmrm/r): R_LIBS=<library with mmrm> Rscript bcva_mmrm.R > bcva_mmrm.out
# Reference for trialstat's MMRM on R mmrm's bcva_data (read at ../shared/mmrm_bcva, never copied), from
# R's mmrm itself (CRAN; not in Debian, so run where it is installed): BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT
# + us(AVISIT | USUBJID), REML, the mmrm vignette's model; LS means and TRT - CTL per visit with emmeans,
# Satterthwaite and Kenward-Roger degrees of freedom. Kenward-Roger with vcov = "Kenward-Roger-Linear", the
# linear parametrisation of the unstructured covariance that SAS DDFM=KR (and trialstat) uses; mmrm's
# default vcov "Kenward-Roger" keeps the second derivatives of its Cholesky parametrisation (printed last,
# for the record).
suppressMessages({library(mmrm); library(emmeans)})
cat(R.version.string, " mmrm ", as.character(packageVersion("mmrm")), " TMB ", as.character(packageVersion("TMB")),
  " emmeans ", as.character(packageVersion("emmeans")), "\n")
options(digits = 15)
d <- read.csv("../../../../../../shared/mmrm_bcva/bcva_data.csv")
d$ARMCD <- factor(d$ARMCD, levels = c("CTL", "TRT"))
d$AVISIT <- factor(d$AVISIT, levels = sprintf("VIS%02d", 1:10))
d$USUBJID <- factor(d$USUBJID)
runs <- list(c("Satterthwaite", "Asymptotic"), c("Kenward-Roger", "Kenward-Roger-Linear"),
  c("Kenward-Roger", "Kenward-Roger"))
for (run in runs) {
  fit <- mmrm(BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT + us(AVISIT | USUBJID), data = d, method = run[1],
    vcov = run[2])
  cat("== method ", run[1], " vcov ", run[2], " converged ", component(fit, "convergence") == 0, "\n")
  cat("m2REML ", format(-2 * as.numeric(logLik(fit)), digits = 15), "\n")
  print(summary(fit)$coefficients, digits = 12)
  em <- emmeans(fit, ~ ARMCD | AVISIT)
  print(as.data.frame(summary(em)), digits = 12)
  ct <- contrast(em, "trt.vs.ctrl", ref = 1)
  print(as.data.frame(summary(ct, infer = c(TRUE, TRUE))), digits = 12)
}
