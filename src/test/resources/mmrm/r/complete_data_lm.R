# Run from this folder (src/test/resources/mmrm/r): Rscript complete_data_lm.R > complete_data_lm.out   (reads the classpath copies of the data)
options(digits = 15)
d <- read.csv("../../oracles/dose_response_caps4.csv", stringsAsFactors = FALSE, check.names = FALSE)
b <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]; names(b)[2] <- "baseline"
p <- merge(d[d$visit != "baseline" & !is.na(d$caps_total), ], b, by = "participant_id"); p$change <- p$caps_total - p$baseline
p$arm <- factor(p$arm, levels = c("40 mg", "125 mg", "100 mg"))
print(table(p$visit)); print(length(unique(p$participant_id)))
for (v in c("week4", "week8")) { f <- lm(change ~ arm + baseline, data = p[p$visit == v, ]); cat(v, "\n"); print(summary(f)$coefficients[2:3, ]); print(confint(f)[2:3, ]); cat("df", f$df.residual, "\n") }
