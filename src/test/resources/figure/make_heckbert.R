# Reference ticks for NiceTicksTest: Heckbert's loose labelling as implemented by the R package
# 'labeling' (Talbot; labeling::heckbert, version 0.4.2, R 4.2.2).
# Run from this folder: Rscript make_heckbert.R > heckbert.csv
library(labeling)
cases <- list(
  c(-22.9, 0, 6), c(6, 18, 6), c(0, 1, 6), c(-0.37, 0.81, 6), c(0.0012, 0.0093, 6),
  c(-44, 8, 6), c(0, 81, 6), c(-3.25, -1.1, 6), c(137, 982, 6), c(-1e5, 2.5e5, 6),
  c(1.1, 1.9, 6), c(-8.9, 3.4, 4), c(0, 18, 10), c(12.5, 12.9, 6), c(-0.05, 0.7, 6))
cat("lo,hi,m,ticks\n")
for (k in cases) {
  t <- heckbert(k[1], k[2], k[3])
  cat(sprintf("%.17g,%.17g,%d,%s\n", k[1], k[2], as.integer(k[3]), paste(sprintf("%.10g", t), collapse = ";")))
}
