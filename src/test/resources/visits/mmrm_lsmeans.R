# Reference values of analyze's visits[] MMRM LS means and differences on mapp1_like.csv:
# change ~ arm * visit + baseline * visit, unstructured covariance (corSymm + varIdent), REML, nlme::gls;
# LS means and treatment - control per visit by emmeans (Satterthwaite df).
# R 4.2.2, nlme, emmeans: Rscript mmrm_lsmeans.R > mmrm_lsmeans.out  (run from this folder)
suppressMessages({library(nlme); library(emmeans)})
d <- read.csv("../oracles/mapp1_like.csv", stringsAsFactors = FALSE)
base <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]
names(base)[2] <- "baseline"
x <- merge(d[d$visit != "baseline" & !is.na(d$caps_total), ], base, by = "participant_id")
x$change <- x$caps_total - x$baseline
x$visit <- factor(x$visit, levels = c("week6", "week12", "week18"))
x$vn <- as.integer(x$visit)
x$arm <- factor(x$arm, levels = c("Placebo", "MDMA"))
x <- x[order(x$participant_id, x$visit), ]
fit <- gls(change ~ arm * visit + baseline * visit, data = x, method = "REML",
           correlation = corSymm(form = ~ vn | participant_id),
           weights = varIdent(form = ~ 1 | visit),
           control = glsControl(tolerance = 1e-10, msTol = 1e-10, apVar = TRUE, natural = FALSE))
em <- emmeans(fit, ~ arm | visit, mode = "satterthwaite", data = x)
s <- summary(em)
for (i in seq_len(nrow(s))) cat(sprintf("lsmean,%s,%s,%.17g,%.17g,%.17g\n", s$visit[i], s$arm[i], s$emmean[i], s$SE[i], s$df[i]))
ct <- summary(contrast(em, method = list("MDMA - Placebo" = c(-1, 1))), infer = TRUE)
for (i in seq_len(nrow(ct))) cat(sprintf("diff,%s,%.17g,%.17g,%.17g\n", ct$visit[i], ct$estimate[i], ct$SE[i], ct$df[i]))
