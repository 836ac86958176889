# Reference values for analyze / mmrm LS means (--lsmeans-weights equal|proportional), the per-arm
# quantiles (--quantile-type sas|r7) and --covariate-by-visit, on samples/three_arm_sites.csv.
# R 4.2.2, nlme, emmeans. Run from this folder: Rscript lsmeans.R > lsmeans.out
suppressMessages({library(nlme); library(emmeans)})
cat(R.version.string, " nlme ", as.character(packageVersion("nlme")), " emmeans ",
    as.character(packageVersion("emmeans")), "\n")
source("three_arm_data.R")
out <- function(tag, s) {
  for (i in seq_len(nrow(s))) cat(sprintf("%s,%s,%.15g,%.15g,%.15g,%.15g,%.15g\n", tag, s$arm[i], s$emmean[i],
                                          s$SE[i], s$df[i], s$lower.CL[i], s$upper.CL[i]))
}
# ---- ANCOVA on the week18 completers (lm drops the participant without a site)
a <- p[p$visit == "week18", ]
for (f in c("change ~ arm + baseline + site", "change ~ arm + baseline + age + sex + site")) {
  fit <- lm(as.formula(f), data = a)
  for (w in c("equal", "proportional")) {
    cat("==== ANCOVA lm(", f, ") emmeans(~ arm, weights = \"", w, "\")\n", sep = "")
    out(paste0("ancova_", w), summary(emmeans(fit, ~ arm, weights = w)))
  }
  cat("==== ANCOVA differences (the same for both weights): pairs, reverse\n")
  for (w in c("equal", "proportional")) {
    ct <- summary(contrast(emmeans(fit, ~ arm, weights = w), "trt.vs.ctrl", ref = 1))
    for (i in seq_len(nrow(ct))) cat(sprintf("diff_%s,%s,%.15g,%.15g\n", w, ct$contrast[i], ct$estimate[i], ct$SE[i]))
  }
}
# ---- MMRM: gls, unstructured (corSymm + varIdent), REML; rows without a site dropped
m <- p[!is.na(p$site), ]
m <- m[order(m$participant_id, m$visit), ]
ctl <- glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE)
g <- gls(change ~ arm * visit + baseline * visit + site, data = m,
  correlation = corSymm(form = ~ vn | participant_id), weights = varIdent(form = ~ 1 | visit),
  method = "REML", control = ctl)
cat("==== MMRM gls(change ~ arm * visit + baseline * visit + site), m2REML ",
    format(-2 * as.numeric(logLik(g)), digits = 15), "\n")
# Proportional weights as SAS OM: the sites' shares of the observations used. emmeans'
# weights = "proportional" on a gls fit counts each observation with its varIdent variance weight
# (ref_grid's .wgt. are not integers), so it is not SAS OM; the observation counts are passed as a
# numeric weights vector instead (one weight per site level, the combinations averaged over).
obs <- as.numeric(table(m$site))
cat("site observation counts:", obs, "\n")
for (w in c("equal", "proportional")) {
  cat("==== MMRM emmeans(~ arm | visit, weights = ", if (w == "equal") "\"equal\"" else "site counts",
      ", mode = satterthwaite) at week18\n", sep = "")
  s <- summary(emmeans(g, ~ arm | visit, mode = "satterthwaite", weights = if (w == "equal") w else obs, data = m))
  out(paste0("mmrm_", w), s[s$visit == "week18", ])
}
cat("==== for the record: emmeans weights = \"proportional\" on gls (variance-weighted counts) at week18\n")
s <- summary(emmeans(g, ~ arm | visit, mode = "satterthwaite", weights = "proportional", data = m))
out("mmrm_emmeans_proportional", s[s$visit == "week18", ])
# ---- quantiles of baseline (every baseline score), endpoint (every week18 score), change (completers)
e <- d[d$visit == "week18" & !is.na(d$caps_total), ]
bb <- merge(d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "arm")], b)
cat("==== quantile(type = 2 and 7): min, q1, median, q3, max\n")
for (ar in arms) {
  for (what in c("baseline", "endpoint", "change")) {
    x <- switch(what, baseline = bb$baseline[bb$arm == ar], endpoint = e$caps_total[e$arm == ar],
                change = a$change[a$arm == ar])
    for (t in c(2, 7)) {
      q <- quantile(x, c(0, 0.25, 0.5, 0.75, 1), type = t)
      cat(sprintf("quantile,%s,%s,type%d,%d,%.15g,%.15g,%.15g,%.15g,%.15g\n", ar, what, t, length(x),
                  q[1], q[2], q[3], q[4], q[5]))
    }
  }
}
# ---- --covariate-by-visit age: change ~ arm * visit + baseline * visit + age * visit (all rows; age complete)
g2 <- gls(change ~ arm * visit + baseline * visit + age * visit, data = p[order(p$participant_id, p$visit), ],
  correlation = corSymm(form = ~ vn | participant_id), weights = varIdent(form = ~ 1 | visit),
  method = "REML", control = ctl)
cat("==== MMRM gls(change ~ arm * visit + baseline * visit + age * visit), m2REML ",
    format(-2 * as.numeric(logLik(g2)), digits = 15), "\n")
em2 <- emmeans(g2, ~ arm | visit, mode = "satterthwaite", data = p)
s2 <- summary(em2)
out("byvisit_lsmean", s2[s2$visit == "week18", ])
ct2 <- summary(contrast(em2, "trt.vs.ctrl", ref = 1))
ct2 <- ct2[ct2$visit == "week18", ]
for (i in seq_len(nrow(ct2))) cat(sprintf("byvisit_diff,%s,%.15g,%.15g,%.15g\n", ct2$contrast[i], ct2$estimate[i],
                                          ct2$SE[i], ct2$df[i]))
