# Makes samples/three_arm_sites.csv: a synthetic three-arm trial (Placebo, Low, High dose) with a site
# factor (codes 001-006), a dose column, age and sex. No real participant data.
# Run from the project root: Rscript scripts/make_three_arm.R   (R 4.2.2; the file is committed)
set.seed(20261201)
arms <- c("Placebo", "Low", "High"); dose <- c(Placebo = 0, Low = 40, High = 120)
effect <- c(Placebo = 0, Low = -4, High = -9)          # mean change at week18 relative to placebo
sites <- sprintf("%03d", 1:6); site_shift <- c(-3, -1, 0, 1, 2, 4)
visits <- c("baseline", "week6", "week12", "week18"); weeks <- c(0, 6, 12, 18)
rows <- list(); id <- 0
for (a in arms) for (k in 1:60) {
  id <- id + 1
  pid <- sprintf("S%03d", id)
  s <- sample(seq_along(sites), 1)
  age <- round(runif(1, 20, 65))
  sex <- sample(c("F", "M"), 1)
  base <- round(rnorm(1, 44, 6))
  u <- rnorm(1, 0, 5)
  drop <- if (runif(1) < 0.12) sample(2:4, 1) else 5   # first visit missing from here on
  for (v in seq_along(visits)) {
    frac <- weeks[v] / 18
    score <- if (v == 1) base else round(base + frac * (-10 + effect[[a]]) + site_shift[s] * frac
                                        + 0.1 * (age - 40) * frac + u * frac + rnorm(1, 0, 4))
    score <- max(0, min(80, score))
    if (v >= drop) score <- NA
    dx <- if (is.na(score)) NA else as.integer(score >= 28)
    rows[[length(rows) + 1]] <- data.frame(participant_id = pid, arm = a, visit = visits[v], week = weeks[v],
      caps_total = score, ptsd_dx = dx, site = sites[s], dose = dose[[a]], age = age, sex = sex)
  }
}
d <- do.call(rbind, rows)
d$site[d$participant_id == "S007"] <- NA   # one participant without a site: missing_covariate
write.csv(d, "samples/three_arm_sites.csv", row.names = FALSE, na = "", quote = FALSE)
