# Reference values of analyze's visits[] block: observed change from baseline per arm and visit
# (participants with a baseline score and a score at the visit), mean with a t-based 95% CI.
# R 4.2.2: Rscript observed_change.R > observed_change.out  (run from this folder)
d <- read.csv("../oracles/mapp1_like.csv", stringsAsFactors = FALSE)
base <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]
names(base)[2] <- "b"
for (v in c("week6", "week12", "week18")) {
  x <- merge(d[d$visit == v & !is.na(d$caps_total), ], base, by = "participant_id")
  for (a in c("MDMA", "Placebo")) {
    ch <- x$caps_total[x$arm == a] - x$b[x$arm == a]
    tt <- t.test(ch)
    cat(sprintf("%s,%s,%d,%.17g,%.17g,%.17g,%.17g\n", v, a, length(ch), mean(ch), sd(ch),
                tt$conf.int[1], tt$conf.int[2]))
  }
}
