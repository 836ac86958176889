# Extra reference cases for trialstat's option handling, computed in R (not by trialstat).
# Run from this folder: Rscript make_extra.R   (R 4.2.2, effectsize 0.8.3; writes *.expected.json)
# Definitions as in ../README.md; each case changes one option against the mapp1_like trial.
suppressPackageStartupMessages(library(effectsize))
d <- read.csv("../mapp1_like.csv", stringsAsFactors = FALSE)
b <- d[d$visit == "baseline", ]; e <- d[d$visit == "week18", ]
m <- merge(b, e, by = c("participant_id", "arm"), suffixes = c(".b", ".e"))
m$change <- m$caps_total.e - m$caps_total.b
arms <- c("MDMA", "Placebo")
out <- list()
add <- function(path, value, tol = 1e-9) out[[length(out) + 1]] <<- list(path = path, value = value, tol = tol)
wilson <- function(x, n, level) as.numeric(prop.test(x, n, correct = FALSE, conf.level = level)$conf.int)
write_case <- function(name, note, args) {
  js <- paste0('{\n  "case": "', name, '",\n  "note": "', note, '",\n  "file": "../mapp1_like.csv",\n  "args": [',
    paste0('"', args, '"', collapse = ", "), '],\n  "expect": [\n',
    paste(sapply(out, function(x) sprintf('    {"path": "%s", "value": %.17g, "tol": %g}', x$path, x$value, x$tol)),
      collapse = ",\n"), '\n  ]\n}\n')
  writeLines(js, paste0(name, ".expected.json"), sep = "")
  out <<- list()
}

# 1. --missing nonresponder: every randomized participant (file) is in the denominator, missing = no event.
for (a in arms) {
  n_all <- length(unique(d$participant_id[d$arm == a]))
  mm <- m[m$arm == a, ]
  ev <- list(response = sum(mm$caps_total.b - mm$caps_total.e >= 10),
             loss_of_diagnosis = sum(mm$ptsd_dx.b == 1 & mm$ptsd_dx.e == 0),
             remission = sum(mm$caps_total.e <= 11 & mm$ptsd_dx.e == 0))
  for (k in names(ev)) {
    ci <- wilson(ev[[k]], n_all, 0.95)
    add(sprintf("arms[arm=%s].%s.events", a, k), ev[[k]], 0)
    add(sprintf("arms[arm=%s].%s.n", a, k), n_all, 0)
    add(sprintf("arms[arm=%s].%s.rate", a, k), ev[[k]] / n_all)
    add(sprintf("arms[arm=%s].%s.ci_low", a, k), ci[1])
    add(sprintf("arms[arm=%s].%s.ci_high", a, k), ci[2])
  }
}
x <- c(sum(m$arm == "MDMA" & m$caps_total.b - m$caps_total.e >= 10), sum(m$arm == "Placebo" & m$caps_total.b - m$caps_total.e >= 10))
n <- c(length(unique(d$participant_id[d$arm == "MDMA"])), length(unique(d$participant_id[d$arm == "Placebo"])))
add("comparisons[treatment=MDMA,control=Placebo].response.fisher_p", fisher.test(matrix(c(x, n - x), 2))$p.value)
rr <- (x[1] / n[1]) / (x[2] / n[2]); se <- sqrt(1 / x[1] - 1 / n[1] + 1 / x[2] - 1 / n[2])
add("comparisons[treatment=MDMA,control=Placebo].response.risk_ratio.estimate", rr)
add("comparisons[treatment=MDMA,control=Placebo].response.risk_ratio.ci_low", exp(log(rr) - qnorm(0.975) * se))
add("comparisons[treatment=MDMA,control=Placebo].response.risk_ratio.ci_high", exp(log(rr) + qnorm(0.975) * se))
write_case("mapp1_like_nonresponder", "Denominators: every randomized participant (--missing nonresponder)",
  c("--control", "Placebo", "--endpoint", "week18", "--missing", "nonresponder"))

# 2. --conf-level 0.9: every interval at 90%.
t <- sort(m$change[m$arm == "MDMA"]); c <- sort(m$change[m$arm == "Placebo"])
w <- t.test(t, c, conf.level = 0.9); s <- t.test(t, c, var.equal = TRUE, conf.level = 0.9)
add("comparisons[treatment=MDMA,control=Placebo].welch.ci_low", w$conf.int[1])
add("comparisons[treatment=MDMA,control=Placebo].welch.ci_high", w$conf.int[2])
add("comparisons[treatment=MDMA,control=Placebo].student.ci_low", s$conf.int[1])
add("comparisons[treatment=MDMA,control=Placebo].student.ci_high", s$conf.int[2])
cd <- cohens_d(t, c, ci = 0.9); hg <- hedges_g(t, c, ci = 0.9)
add("comparisons[treatment=MDMA,control=Placebo].cohens_d.ci_low", cd$CI_low, 1e-6)
add("comparisons[treatment=MDMA,control=Placebo].cohens_d.ci_high", cd$CI_high, 1e-6)
add("comparisons[treatment=MDMA,control=Placebo].hedges_g.ci_low", hg$CI_low, 1e-6)
add("comparisons[treatment=MDMA,control=Placebo].hedges_g.ci_high", hg$CI_high, 1e-6)
fit <- lm(change ~ relevel(factor(arm), "Placebo") + caps_total.b, data = m)
ci <- confint(fit, level = 0.9)[2, ]
add("comparisons[treatment=MDMA,control=Placebo].ancova.ci_low", ci[1])
add("comparisons[treatment=MDMA,control=Placebo].ancova.ci_high", ci[2])
tt <- t.test(t, conf.level = 0.9)$conf.int
add("arms[arm=MDMA].change.ci_low", tt[1]); add("arms[arm=MDMA].change.ci_high", tt[2])
ev <- sum(m$arm == "MDMA" & m$caps_total.b - m$caps_total.e >= 10); ci <- wilson(ev, length(t), 0.9)
add("arms[arm=MDMA].response.ci_low", ci[1]); add("arms[arm=MDMA].response.ci_high", ci[2])
write_case("mapp1_like_level90", "Every interval at 90% (--conf-level 0.9)",
  c("--control", "Placebo", "--conf-level", "0.9"))

# 3. --response-pct 50 and --baseline/--endpoint at an intermediate visit (week12).
e2 <- d[d$visit == "week12", ]
m2 <- merge(b, e2, by = c("participant_id", "arm"), suffixes = c(".b", ".e"))
for (a in arms) {
  mm <- m2[m2$arm == a, ]
  ev <- sum(100 * (mm$caps_total.b - mm$caps_total.e) >= 50 * mm$caps_total.b)
  ci <- wilson(ev, nrow(mm), 0.95)
  add(sprintf("arms[arm=%s].response.events", a), ev, 0)
  add(sprintf("arms[arm=%s].response.n", a), nrow(mm), 0)
  add(sprintf("arms[arm=%s].response.ci_low", a), ci[1]); add(sprintf("arms[arm=%s].response.ci_high", a), ci[2])
  add(sprintf("arms[arm=%s].change.mean", a), mean(mm$caps_total.e - mm$caps_total.b))
  add(sprintf("arms[arm=%s].change.sd", a), sd(mm$caps_total.e - mm$caps_total.b))
}
write_case("mapp1_like_pct50_week12", "Responder: 50% drop; endpoint week12 (--response-pct 50 --endpoint week12)",
  c("--control", "Placebo", "--baseline", "baseline", "--endpoint", "week12", "--response-pct", "50"))
