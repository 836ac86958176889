# R 4.2.2, nlme 3.1-162 (run: Rscript gls_structures.R > gls_structures.out from this folder).
# trialstat's own MMRMs with structured covariances, fitted by nlme::gls (REML), as references for
# src/test/java/org/trialstat/stats/mmrm/CovarianceStructureGlsTest.java:
#   cs   = corCompSymm                      ar1  = corAR1 (lag = visit position)
#   csh  = corCompSymm + varIdent(~1|visit)  ar1h = corAR1 + varIdent(~1|visit)
# Printed in SAS's parametrisation (cs: CS = sigma^2 rho, Residual = sigma^2 (1 - rho); ar1: AR(1),
# Residual = sigma^2; csh/ar1h: Var(v) = (sigma delta_v)^2 in visit order, then the correlation), with
# -2 REML log-likelihood and LS means / treatment - control contrasts (estimate, model-based SE) at
# every visit (numeric covariates at their mean, factor covariates at equal level weights).
suppressMessages(library(nlme))
options(digits = 15)
lrow <- function(fml, dat, grid) {
  tt <- delete.response(terms(fml))
  mm <- model.matrix(tt, suppressWarnings(model.frame(tt, grid, xlev = lapply(dat[sapply(dat, is.factor)], levels))))
  colMeans(mm)
}
fit_all <- function(name, dat, fml, id, visit, arm, control, grid_extra) {
  dat$vnum <- as.integer(dat[[visit]]); dat$id <- dat[[id]]; dat$vis <- dat[[visit]]
  specs <- list(
    cs = list(cor = corCompSymm(form = ~ 1 | id), w = NULL),
    ar1 = list(cor = corAR1(form = ~ vnum | id), w = NULL),
    csh = list(cor = corCompSymm(form = ~ 1 | id), w = varIdent(form = ~ 1 | vis)),
    ar1h = list(cor = corAR1(form = ~ vnum | id), w = varIdent(form = ~ 1 | vis)))
  for (s in names(specs)) {
    # both of gls's optimisers, tight tolerances; the fit with the larger REML log-likelihood is kept
    # (nlminb alone stopped 3e-8 above the optimum on fev csh, moving Var(3) by 1.6e-5 relative)
    # (a fit that stops with an error, as optim does on corAR1 here, is left out)
    fits <- lapply(c("nlminb", "optim"), function(o) tryCatch(gls(fml, data = dat, correlation = specs[[s]]$cor,
      weights = specs[[s]]$w, method = "REML", control = glsControl(tolerance = 1e-14, msTol = 1e-14,
      maxIter = 1000, msMaxIter = 1000, opt = o)), error = function(e) NULL))
    fits <- Filter(Negate(is.null), fits)
    f <- fits[[which.max(sapply(fits, function(x) as.numeric(logLik(x))))]]
    rho <- coef(f$modelStruct$corStruct, unconstrained = FALSE)
    sig2 <- f$sigma^2
    cat("====", name, s, "\n")
    cat(sprintf("m2ll %.10f\n", -2 * as.numeric(logLik(f))))
    if (s == "cs") cat(sprintf("param CS %.10f\nparam Residual %.10f\n", sig2 * rho, sig2 * (1 - rho)))
    if (s == "ar1") cat(sprintf("param AR(1) %.10f\nparam Residual %.10f\n", rho, sig2))
    if (s %in% c("csh", "ar1h")) {
      d <- coef(f$modelStruct$varStruct, unconstrained = FALSE, allCoef = TRUE)
      for (k in seq_along(levels(dat$vis))) {
        v <- levels(dat$vis)[k]; cat(sprintf("param Var(%d) %.10f\n", k, sig2 * d[[v]]^2)) }
      cat(sprintf("param %s %.10f\n", if (s == "csh") "CSH" else "ARH(1)", rho))
    }
    b <- coef(f); C <- vcov(f)
    for (v in levels(dat$vis)) {
      lr <- list()
      for (a in levels(dat[[arm]])) {
        grid <- grid_extra(a, v)
        lr[[a]] <- lrow(fml, dat, grid)
        cat(sprintf("lsmean %s %s est %.10f se %.10f\n", a, v, sum(lr[[a]] * b), sqrt(drop(t(lr[[a]]) %*% C %*% lr[[a]]))))
      }
      for (a in setdiff(levels(dat[[arm]]), control)) {
        l <- lr[[a]] - lr[[control]]
        cat(sprintf("contrast %s %s est %.10f se %.10f\n", a, v, sum(l * b), sqrt(drop(t(l) %*% C %*% l))))
      }
    }
  }
}
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv"); fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT")); fev$AVISIT <- factor(fev$AVISIT)
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX)
fit_all("fev", fev, FEV1 ~ ARMCD * AVISIT + RACE + SEX, "USUBJID", "AVISIT", "ARMCD", "PBO",
  function(a, v) expand.grid(ARMCD = factor(a, levels(fev$ARMCD)), AVISIT = factor(v, levels(fev$AVISIT)),
    RACE = factor(levels(fev$RACE), levels(fev$RACE)), SEX = factor(levels(fev$SEX), levels(fev$SEX))))
prep <- function(file, control) {
  d <- read.csv(file, stringsAsFactors = FALSE, check.names = FALSE); arms <- unique(d$arm)
  b <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]; names(b)[2] <- "baseline"
  p <- merge(d[d$visit != "baseline" & !is.na(d$caps_total), ], b, by = "participant_id"); p$change <- p$caps_total - p$baseline
  vis <- unique(d[d$visit != "baseline", c("visit", "week")]); vis <- vis[order(vis$week), "visit"]
  p$visit <- factor(p$visit, levels = vis); p$arm <- factor(p$arm, levels = c(control, setdiff(arms, control)))
  p[order(p$participant_id, p$visit), ]
}
m <- prep("../../oracles/mapp1_like.csv", "Placebo")
fit_all("mapp1_like", m, change ~ arm * visit + baseline * visit, "participant_id", "visit", "arm", "Placebo",
  function(a, v) data.frame(arm = factor(a, levels(m$arm)), visit = factor(v, levels(m$visit)), baseline = mean(m$baseline)))
