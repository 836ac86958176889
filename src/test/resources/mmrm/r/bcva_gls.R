# Run from this folder (src/test/resources/mmrm/r): Rscript bcva_gls.R > bcva_gls.out
# Reference for trialstat's MMRM on R mmrm's bcva_data (read at ../shared/mmrm_bcva, never copied):
# BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT, unstructured covariance (corSymm + varIdent), REML, as the mmrm
# vignette's model us(AVISIT | USUBJID); LS means and TRT - CTL per visit with emmeans (Satterthwaite).
suppressMessages({library(nlme); library(emmeans)})
cat(R.version.string, " nlme ", as.character(packageVersion("nlme")), " emmeans ", as.character(packageVersion("emmeans")), "\n")
options(digits = 15)
d <- read.csv("../../../../../../shared/mmrm_bcva/bcva_data.csv")
d <- d[!is.na(d$BCVA_CHG), ]
d$ARMCD <- factor(d$ARMCD, levels = c("CTL", "TRT"))
d$AVISIT <- factor(d$AVISIT, levels = sprintf("VIS%02d", 1:10)); d$vn <- as.integer(d$AVISIT)
d <- d[order(d$USUBJID, d$vn), ]
cat("n obs ", nrow(d), " subjects ", length(unique(d$USUBJID)), " mean BCVA_BL over obs ", format(mean(d$BCVA_BL), digits = 15), "\n")
t0 <- proc.time()
fit <- gls(BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT, data = d,
  correlation = corSymm(form = ~ vn | USUBJID),
  weights = varIdent(form = ~ 1 | AVISIT), method = "REML",
  control = glsControl(tolerance = 1e-10, msTol = 1e-10, msMaxIter = 500, maxIter = 500, apVar = TRUE, natural = FALSE))
cat("fit seconds ", (proc.time() - t0)[["elapsed"]], "\n")
cat("m2REML ", format(-2 * as.numeric(logLik(fit)), digits = 15), "\n")
print(summary(fit)$tTable, digits = 12)
for (mode in c("satterthwaite", "df.error")) {
  em <- emmeans(fit, ~ ARMCD | AVISIT, mode = mode)
  cat("-- mode ", mode, "\n")
  print(as.data.frame(summary(em)), digits = 12)
  ct <- contrast(em, "trt.vs.ctrl", ref = 1)
  print(as.data.frame(summary(ct, infer = c(TRUE, TRUE))), digits = 12)
}
cat("total seconds ", (proc.time() - t0)[["elapsed"]], "\n")
