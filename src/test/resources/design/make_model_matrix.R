# R 4.2.2: model.matrix column names and coding for trialstat's term layer (stats.design), on a small
# synthetic data set of ours. Run: Rscript make_model_matrix.R > make_model_matrix.out
d <- data.frame(
  arm = factor(c("Placebo", "MDMA", "Low", "MDMA", "Placebo", "Low"), levels = c("Placebo", "MDMA", "Low")),
  visit = factor(c("week2", "week2", "week8", "week12", "week12", "week8"), levels = c("week2", "week8", "week12")),
  baseline = c(40.5, 38, 44.25, 39, 41, 37.5),
  site = c("B", "A", "C", "A", "B", "C")
)
# the MMRM's terms (visit:arm, visit:baseline; site a factor with sorted levels), in R's term order
m <- model.matrix(~ visit * arm + visit * baseline + site, d)
cat(paste(colnames(m), collapse = " "), "\n")
write.table(unname(m), row.names = FALSE, col.names = FALSE)
