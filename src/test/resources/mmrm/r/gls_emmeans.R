# Run from this folder (src/test/resources/mmrm/r): Rscript gls_emmeans.R > gls_emmeans.out   (reads the classpath copies of the data)
suppressMessages({library(nlme); library(emmeans)})
cat(R.version.string, " nlme ", as.character(packageVersion("nlme")), " emmeans ", as.character(packageVersion("emmeans")), "\n")
options(digits = 15)
sasm2 <- function(fit) -2 * as.numeric(logLik(fit))  # gls REML logLik is comparable with SAS (checked on fev: 3386.44987)
report <- function(fit, spec_arm, spec_vis, label) {
  cat("==== ", label, "\n")
  cat("m2REML_SAS ", format(sasm2(fit), digits = 15), "\n")
  for (mode in c("satterthwaite", "df.error")) {
    em <- emmeans(fit, as.formula(paste("~", spec_arm, "|", spec_vis)), mode = mode)
    cat("-- mode ", mode, "\n")
    print(as.data.frame(summary(em)), digits = 12)
    ct <- contrast(em, "trt.vs.ctrl", ref = 1)
    print(as.data.frame(summary(ct, infer = c(TRUE, TRUE))), digits = 12)
  }
}
# fev
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv")
fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT"))
fev$AVISIT <- factor(fev$AVISIT, levels = c("VIS1", "VIS2", "VIS3", "VIS4"))
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX); fev$vn <- as.integer(fev$AVISIT)
fit <- gls(FEV1 ~ ARMCD * AVISIT + RACE + SEX, data = fev,
  correlation = corSymm(form = ~ vn | USUBJID),
  weights = varIdent(form = ~ 1 | AVISIT), method = "REML",
  control = glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE))
report(fit, "ARMCD", "AVISIT", "fev")
# caps cases
prep <- function(file, control) {
  d <- read.csv(file, stringsAsFactors = FALSE, check.names = FALSE)
  arms <- unique(d$arm)
  b <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]
  names(b)[2] <- "baseline"
  p <- d[d$visit != "baseline" & !is.na(d$caps_total), ]
  p <- merge(p, b, by = "participant_id")
  p$change <- p$caps_total - p$baseline
  vis <- unique(d[d$visit != "baseline", c("visit", "week")]); vis <- vis[order(vis$week), "visit"]
  p$visit <- factor(p$visit, levels = vis); p$vn <- as.integer(p$visit)
  p$arm <- factor(p$arm, levels = c(control, setdiff(arms, control)))
  p <- p[order(p$participant_id, p$visit), ]
  p
}
for (cs in list(c("mapp1_like", "Placebo"), c("dose_response_caps4", "40 mg"))) {
  p <- prep(paste0("../../oracles/", cs[1], ".csv"), cs[2])
  cat("n obs ", nrow(p), " subjects ", length(unique(p$participant_id)), " baseline mean over obs ", format(mean(p$baseline), digits=15), "\n")
  fit <- gls(change ~ arm * visit + baseline * visit, data = p,
    correlation = corSymm(form = ~ vn | participant_id),
    weights = varIdent(form = ~ 1 | visit), method = "REML",
    control = glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE))
  report(fit, "arm", "visit", cs[1])
}
