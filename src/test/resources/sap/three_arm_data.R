# samples/three_arm_sites.csv as trialstat reads it, for the reference scripts of this folder (sourced
# by multiarm.R, covariates.R, lsmeans.R and make_mmrm_dunnett.R, run from this folder): d the file
# (empty site = NA), p one row per post-baseline visit with a score and a baseline, change = score -
# baseline, arm / visit / site / sex factors (arm levels Placebo, Low, High; vn the visit's number);
# versions(pkgs) loads the packages and prints R's and their versions.
versions <- function(pkgs) {
  suppressMessages(for (x in pkgs) library(x, character.only = TRUE))
  cat(R.version.string, unlist(lapply(pkgs, function(x) c(paste0(" ", x, " "), as.character(packageVersion(x))))),
      "\n")
}
d <- read.csv("../../../../samples/three_arm_sites.csv", stringsAsFactors = FALSE,
              colClasses = c(site = "character"))
d$site[d$site == ""] <- NA
arms <- c("Placebo", "Low", "High")
b <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]
names(b)[2] <- "baseline"
p <- merge(d[d$visit != "baseline" & !is.na(d$caps_total), ], b, by = "participant_id")
p$change <- p$caps_total - p$baseline
p$arm <- factor(p$arm, levels = arms)
p$visit <- factor(p$visit, levels = c("week6", "week12", "week18")); p$vn <- as.integer(p$visit)
p$site <- factor(p$site); p$sex <- factor(p$sex)
