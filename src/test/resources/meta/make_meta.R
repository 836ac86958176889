# Reference values of trialstat's meta-analysis (org.trialstat.stats.meta, `trialstat meta`).
# R 4.2.2 with Debian's r-cran-metafor 3.8.1 (and metadat for the data sets).
# Run from the project root:  Rscript src/test/resources/meta/make_meta.R > src/test/resources/meta/make_meta.out
#
# Writes (1) the test inputs dat_bcg.csv, dat_normand1999.csv, dat_hackshaw1998.csv beside this script:
# the numbers of metafor's public data sets dat.bcg (Colditz et al. 1994), dat.normand1999 (Normand 1999)
# and dat.hackshaw1998 (Hackshaw et al. 1997), written from R as data; and (2) on stdout one line
# "CASE KEY VALUE" per number, VALUE with 17 significant digits (sprintf('%.17g')).
#
# Sources of the numbers, by KEY (the test cites the same):
#   yi[i], vi[i]           escalc() (metafor's default vtype "LS"); Cohen's d by hand (metafor 3.8 has no
#                          uncorrected SMD): d = (m1 - m2) / sp, v = 1/n1 + 1/n2 + d^2 / (2 (n1 + n2))
#   est se stat p lo hi    rma(): beta, se, zval (or tval), pval, ci.lb, ci.ub
#   tau2 q q_p i2 h2 w[i]  rma(): tau2, QE, QEp, I2, H2, weights() (percent)
#   tau2_lo ... h2_hi      confint(): Q-profile interval of tau^2 and tau, and the I^2 and H^2 limits
#   pi_lo pi_hi            predict(): pi.lb, pi.ub (normal; t with k - 1 df under test = "knha"/"adhoc")
#   riley_lo riley_hi      BY HAND from the fitted model: est -/+ qt(0.975, k - 2) sqrt(tau2 + se^2), the
#                          form of Riley et al. 2011 (checked against predict(pi.type = "riley"))
# Iterative estimators (REML, ML, EB, PM) and the Q-profile search are run with control = list(threshold
# = 1e-12, tol = 1e-12, maxiter = 10000) so that the printed value is the converged root, not metafor's
# default stopping point (threshold 1e-5, uniroot tol 1.2e-4); confint gets tau2.max = 1e6, as metafor
# otherwise caps the upper Q-profile limit at max(100, 10 tau2) (with a warning; Normand MD under DL: 2054).
suppressMessages(library(metafor))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
out <- function(case, key, v) {
  for (i in seq_along(v)) {
    k <- if (length(v) > 1 || grepl("\\[$", key)) sprintf("%s%d]", key, i) else key
    cat(case, k, sprintf("%.17g", v[i]), "\n")
  }
}
TIGHT <- list(threshold = 1e-12, tol = 1e-12, maxiter = 10000)
CITIGHT <- list(tol = 1e-12, maxiter = 10000, tau2.max = 1e6)  # metafor caps the upper limit at max(100, 10 tau2)

## --- test inputs -------------------------------------------------------------------------------------
write.csv(dat.bcg[, c("trial", "author", "year", "tpos", "tneg", "cpos", "cneg", "alloc")],
          file.path(here, "dat_bcg.csv"), row.names = FALSE)
write.csv(dat.normand1999[, c("study", "source", "n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i")],
          file.path(here, "dat_normand1999.csv"), row.names = FALSE)
write.csv(dat.hackshaw1998[, c("study", "author", "year", "design", "yi", "vi")],
          file.path(here, "dat_hackshaw1998.csv"), row.names = FALSE)

## --- effect sizes ------------------------------------------------------------------------------------
b <- dat.bcg
es <- list(
  bcg_rr = escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = b),
  bcg_or = escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = b),
  bcg_rd = escalc("RD", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = b),
  nor_md = escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i,
                  data = dat.normand1999),
  nor_smd = escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i,
                   data = dat.normand1999),
  hack = escalc(yi = yi, vi = vi, data = dat.hackshaw1998))
nd <- dat.normand1999
sp <- with(nd, sqrt(((n1i - 1) * sd1i^2 + (n2i - 1) * sd2i^2) / (n1i + n2i - 2)))
dd <- with(nd, (m1i - m2i) / sp)
es$nor_d <- data.frame(yi = dd, vi = with(nd, 1 / n1i + 1 / n2i + dd^2 / (2 * (n1i + n2i))))
# a zero cell (study 2: no events in the treatment arm): escalc's default add = 1/2 to = "only0"
zc <- data.frame(ai = c(4, 0, 10, 7), n1i = c(40, 25, 60, 50), ci = c(9, 5, 15, 8), n2i = c(41, 24, 58, 52))
zc$bi <- zc$n1i - zc$ai; zc$di <- zc$n2i - zc$ci
for (m in c("RR", "OR", "RD")) {
  es[[paste0("zero_", tolower(m))]] <- escalc(m, ai = ai, bi = bi, ci = ci, di = di, data = zc)
}
for (nm in names(es)) {
  out(nm, "yi[", es[[nm]]$yi)
  out(nm, "vi[", es[[nm]]$vi)
}

## --- pooling -----------------------------------------------------------------------------------------
fit_out <- function(case, r) {
  out(case, "est", c(r$beta)); out(case, "se", r$se); out(case, "stat", r$zval); out(case, "p", r$pval)
  out(case, "lo", r$ci.lb); out(case, "hi", r$ci.ub)
  out(case, "tau2", r$tau2); out(case, "q", r$QE); out(case, "q_p", r$QEp)
  out(case, "i2", r$I2); out(case, "h2", r$H2)
}
methods <- c("DL", "REML", "PM", "HS", "HE", "SJ", "ML", "EB")
for (nm in c("bcg_rr", "bcg_or", "bcg_rd", "nor_md", "nor_smd", "nor_d", "hack", "zero_rr")) {
  d <- es[[nm]]
  fe <- rma(yi, vi, data = d, method = "FE")
  fit_out(paste0(nm, "_fe"), fe); out(paste0(nm, "_fe"), "w[", weights(fe))
  out(paste0(nm, "_fe"), "pi_lo", predict(fe)$pi.lb); out(paste0(nm, "_fe"), "pi_hi", predict(fe)$pi.ub)
  for (m in methods) {
    case <- paste0(nm, "_", tolower(m))
    r <- rma(yi, vi, data = d, method = m, control = TIGHT)
    fit_out(case, r); out(case, "w[", weights(r))
    pr <- predict(r); out(case, "pi_lo", pr$pi.lb); out(case, "pi_hi", pr$pi.ub)
    k <- r$k; half <- qt(0.975, k - 2) * sqrt(r$tau2 + r$se^2)
    out(case, "riley_lo", c(r$beta) - half); out(case, "riley_hi", c(r$beta) + half)
    pr <- predict(r, pi.type = "riley")
    stopifnot(abs(pr$pi.lb - (c(r$beta) - half)) < 1e-12)
    ci <- confint(r, control = CITIGHT)$random
    out(case, "tau2_lo", ci["tau^2", "ci.lb"]); out(case, "tau2_hi", ci["tau^2", "ci.ub"])
    out(case, "tau_lo", ci["tau", "ci.lb"]); out(case, "tau_hi", ci["tau", "ci.ub"])
    out(case, "i2_lo", ci["I^2(%)", "ci.lb"]); out(case, "i2_hi", ci["I^2(%)", "ci.ub"])
    out(case, "h2_lo", ci["H^2", "ci.lb"]); out(case, "h2_hi", ci["H^2", "ci.ub"])
    for (t in c("knha", "adhoc")) {
      case2 <- paste0(case, "_", t)
      r2 <- rma(yi, vi, data = d, method = m, test = t, control = TIGHT)
      fit_out(case2, r2)
      pr <- predict(r2); out(case2, "pi_lo", pr$pi.lb); out(case2, "pi_hi", pr$pi.ub)
    }
  }
}

## --- Mantel-Haenszel and Peto ------------------------------------------------------------------------
mh_out <- function(case, r) {
  out(case, "est", c(r$beta)); out(case, "se", r$se); out(case, "stat", r$zval); out(case, "p", r$pval)
  out(case, "lo", r$ci.lb); out(case, "hi", r$ci.ub)
  out(case, "q", r$QE); out(case, "q_p", r$QEp); out(case, "i2", r$I2); out(case, "h2", r$H2)
}
for (src in c("bcg", "zero")) {
  d <- if (src == "bcg") data.frame(ai = b$tpos, bi = b$tneg, ci = b$cpos, di = b$cneg) else zc
  for (m in c("RR", "OR", "RD")) {
    r <- rma.mh(ai = ai, bi = bi, ci = ci, di = di, data = d, measure = m)
    mh_out(paste0(src, "_", tolower(m), "_mh"), r); out(paste0(src, "_", tolower(m), "_mh"), "w[", weights(r))
  }
  pt <- rma.peto(ai = ai, bi = bi, ci = ci, di = di, data = d)
  mh_out(paste0(src, "_peto"), pt)
  out(paste0(src, "_peto"), "yi[", pt$yi); out(paste0(src, "_peto"), "vi[", pt$vi)
  out(paste0(src, "_peto"), "w[", weights(pt))
  raw <- escalc("PETO", ai = ai, bi = bi, ci = ci, di = di, data = d, add = 0)   # uncorrected, as rma.peto's Q
  ci <- confint(rma(raw$yi, raw$vi, method = "DL"), control = CITIGHT)$random   # Q-profile of those effects
  out(paste0(src, "_peto"), "tau2_lo", ci["tau^2", "ci.lb"]); out(paste0(src, "_peto"), "tau2_hi", ci["tau^2", "ci.ub"])
}

## --- leave-one-out (REML and DL) ---------------------------------------------------------------------
for (nm in c("bcg_rr", "nor_smd")) {
  for (m in c("REML", "DL")) {
    l <- leave1out(rma(yi, vi, data = es[[nm]], method = m, control = TIGHT))
    case <- paste0(nm, "_", tolower(m), "_l1o")
    out(case, "est[", l$estimate); out(case, "se[", l$se); out(case, "stat[", l$zval); out(case, "p[", l$pval)
    out(case, "lo[", l$ci.lb); out(case, "hi[", l$ci.ub); out(case, "q[", l$Q); out(case, "q_p[", l$Qp)
    out(case, "tau2[", l$tau2); out(case, "i2[", l$I2); out(case, "h2[", l$H2)
  }
}

## --- subgroups: a separate model per group, then Q-between as the FE meta-regression of the group ------
## estimates on the group factor (rma(est, sei = se, mods = ~ group, method = "FE")$QM, df = groups - 1)
sub_out <- function(case, d, g, m) {
  lv <- unique(as.character(g))
  est <- se <- numeric(0)
  for (j in seq_along(lv)) {
    r <- rma(yi, vi, data = d[g == lv[j], ], method = m, control = TIGHT)
    est[j] <- c(r$beta); se[j] <- r$se
    out(case, sprintf("g%d_est", j), est[j]); out(case, sprintf("g%d_se", j), se[j])
    out(case, sprintf("g%d_tau2", j), r$tau2); out(case, sprintf("g%d_lo", j), r$ci.lb)
    out(case, sprintf("g%d_hi", j), r$ci.ub); out(case, sprintf("g%d_i2", j), r$I2)
  }
  qb <- rma(est, sei = se, mods = ~ factor(lv), method = "FE")
  out(case, "qb", qb$QM); out(case, "qb_df", qb$QMdf[1]); out(case, "qb_p", qb$QMp)
}
sub_out("bcg_rr_reml_sub", es$bcg_rr, b$alloc, "REML")   # groups in order: random, alternate, systematic
sub_out("bcg_rr_dl_sub", es$bcg_rr, b$alloc, "DL")
sub_out("bcg_rr_fe_sub", es$bcg_rr, b$alloc, "FE")
sub_out("hack_reml_sub", es$hack, dat.hackshaw1998$design, "REML")   # cohort, case-control

## --- Egger's regression test: regtest(model = "lm") (weighted lm of yi on sei) --------------------------
for (nm in c("bcg_rr", "hack", "nor_smd")) {
  e <- regtest(rma(yi, vi, data = es[[nm]], method = "REML", control = TIGHT), model = "lm")
  case <- paste0(nm, "_egger")
  out(case, "stat", e$zval); out(case, "df", e$dfs); out(case, "p", e$pval)
  out(case, "limit", e$est); out(case, "limit_lo", e$ci.lb); out(case, "limit_hi", e$ci.ub)
  f <- e$fit; out(case, "slope", coef(f)[2]); out(case, "slope_se", summary(f)$coefficients[2, 2])
}

## --- cumulative by year (stable order: ties keep file order) --------------------------------------------
for (m in c("REML", "DL")) {
  cm <- cumul(rma(yi, vi, data = es$bcg_rr, method = m, control = TIGHT), order = b$year)
  case <- paste0("bcg_rr_", tolower(m), "_cumul")
  out(case, "est[", cm$estimate); out(case, "se[", cm$se); out(case, "lo[", cm$ci.lb); out(case, "hi[", cm$ci.ub)
  out(case, "p[", cm$pval); out(case, "tau2[", cm$tau2); out(case, "i2[", cm$I2); out(case, "q[", cm$Q)
}

## --- k = 2 under REML and DL (Normand studies 1 and 3, SMD: heterogeneous) ---------------------------------------
for (m in c("REML", "DL")) {
  r <- rma(yi, vi, data = es$nor_smd[c(1, 3), ], method = m, control = TIGHT)
  case <- paste0("k2_smd_", tolower(m)); fit_out(case, r)
  pr <- predict(r); out(case, "pi_lo", pr$pi.lb); out(case, "pi_hi", pr$pi.ub)
}

## --- the worked example: MAPP1 and MAPP2 (samples/published) ------------------------------------------
## MAPP2 reports the LS-mean change with a 95% CI: SD = (hi - lo) / (2 qt(0.975, n - 1)) sqrt(n), as
## `trialstat summary` converts it (Cochrane Handbook 6.5.2.2).
sd2 <- function(lo, hi, n) (hi - lo) / (2 * qt(0.975, n - 1)) * sqrt(n)
mapp <- data.frame(n1i = c(42, 52), m1i = c(-24.4, -23.7), sd1i = c(11.6, sd2(-26.94, -20.44, 52)),
                   n2i = c(37, 42), m2i = c(-13.9, -14.8), sd2i = c(11.5, sd2(-18.28, -11.28, 42)),
                   ai = c(28, 37), ci = c(12, 20))
mapp$bi <- mapp$n1i - mapp$ai; mapp$di <- mapp$n2i - mapp$ci
ms <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = mapp)
mr <- escalc("RR", ai = ai, bi = bi, ci = ci, di = di, data = mapp)
md <- escalc("RD", ai = ai, bi = bi, ci = ci, di = di, data = mapp)
for (x in list(list("mapp_smd", ms), list("mapp_rr", mr), list("mapp_rd", md))) {
  out(x[[1]], "yi[", x[[2]]$yi); out(x[[1]], "vi[", x[[2]]$vi)
  r <- rma(yi, vi, data = x[[2]], method = "REML", control = TIGHT)
  case <- paste0(x[[1]], "_reml"); fit_out(case, r); out(case, "w[", weights(r))
  pr <- predict(r); out(case, "pi_lo", pr$pi.lb); out(case, "pi_hi", pr$pi.ub)
  ci <- confint(r, control = CITIGHT)$random
  out(case, "tau2_lo", ci["tau^2", "ci.lb"]); out(case, "tau2_hi", ci["tau^2", "ci.ub"])
  out(case, "i2_lo", ci["I^2(%)", "ci.lb"]); out(case, "i2_hi", ci["I^2(%)", "ci.ub"])
}
