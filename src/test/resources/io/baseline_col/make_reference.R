# Reference values for BaselineColumnsTest: rbmi's antidepressant data (HAMD-17; BASVAL and CHANGE on the
# post-baseline records only, no baseline records), read in place from ../shared/rbmi/ (never copied).
#
#   cd src/test/resources/io/baseline_col && Rscript make_reference.R > reference.txt
#
# trialstat analyze --baseline-col BASVAL --change-col CHANGE analyses the change from baseline at the
# last visit (7) in the participants with a score there: the Welch t test of CHANGE by THERAPY
# (DRUG - PLACEBO) and the ANCOVA CHANGE ~ THERAPY + BASVAL (lm).
d <- read.csv("../../../../../../shared/rbmi/antidepressant_data.csv", stringsAsFactors = FALSE)
v7 <- d[d$VISIT == 7 & !is.na(d$HAMDTL17), ]
v7$THERAPY <- factor(v7$THERAPY, levels = c("PLACEBO", "DRUG"))
w <- t.test(CHANGE ~ THERAPY, data = v7)
fit <- lm(CHANGE ~ THERAPY + BASVAL, data = v7)
ci <- confint(fit)["THERAPYDRUG", ]
cat(sprintf("participants %d\n", length(unique(d$PATIENT))))
cat(sprintf("completers_drug %d\ncompleters_placebo %d\n", sum(v7$THERAPY == "DRUG"), sum(v7$THERAPY == "PLACEBO")))
cat(sprintf("welch_estimate %.12g\n", -diff(w$estimate) * -1))
cat(sprintf("welch_p %.12g\n", w$p.value))
cat(sprintf("ancova_estimate %.12g\nancova_low %.12g\nancova_high %.12g\n", coef(fit)["THERAPYDRUG"], ci[1], ci[2]))
cat(sprintf("change_mismatches %d\n", sum(abs(d$CHANGE - (d$HAMDTL17 - d$BASVAL)) > 1e-9, na.rm = TRUE)))
