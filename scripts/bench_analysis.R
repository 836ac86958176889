# The same analysis as `trialstat analyze` in R, for the benchmark in docs/benchmarks.md:
#   Rscript scripts/bench_analysis.R FILE
# Packages: stats, effectsize, nlme (Debian: r-base-core r-cran-effectsize r-cran-nlme).
suppressPackageStartupMessages({ library(effectsize); library(nlme) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
visits <- unique(d$visit[order(d$week)])
b <- d[d$visit == visits[1], c("participant_id", "arm", "caps_total", "ptsd_dx")]
e <- d[d$visit == visits[length(visits)], c("participant_id", "caps_total", "ptsd_dx")]
m <- merge(b, e, by = "participant_id", suffixes = c(".b", ".e"))
m$change <- m$caps_total.e - m$caps_total.b
m$arm <- relevel(factor(m$arm), ref = "Placebo")
t <- m$change[m$arm == "MDMA"]; c <- m$change[m$arm == "Placebo"]
print(t.test(t, c)); print(t.test(t, c, var.equal = TRUE))
print(summary(lm(change ~ arm + caps_total.b, data = m)))
print(cohens_d(t, c)); print(hedges_g(t, c))
for (ev in list(resp = m$caps_total.b - m$caps_total.e >= 10,
                lod = m$ptsd_dx.b == 1 & m$ptsd_dx.e == 0,
                rem = m$caps_total.e <= 11 & m$ptsd_dx.e == 0)) {
  x <- c(sum(ev[m$arm == "MDMA"]), sum(ev[m$arm == "Placebo"]))
  n <- c(sum(m$arm == "MDMA"), sum(m$arm == "Placebo"))
  print(prop.test(x, n, correct = FALSE)); print(fisher.test(matrix(c(x, n - x), 2)))
}
bl <- d[d$visit == visits[1], c("participant_id", "caps_total")]
names(bl)[2] <- "baseline"
p <- merge(d[d$visit != visits[1], ], bl, by = "participant_id")
p$change <- p$caps_total - p$baseline
p$visit <- factor(p$visit, levels = visits[-1]); p$arm <- relevel(factor(p$arm), ref = "Placebo")
p <- p[order(p$participant_id, p$visit), ]
fit <- gls(change ~ arm * visit + baseline * visit, data = p,
           correlation = corSymm(form = ~ as.integer(visit) | participant_id),
           weights = varIdent(form = ~ 1 | visit), method = "REML")
print(summary(fit)$tTable)
