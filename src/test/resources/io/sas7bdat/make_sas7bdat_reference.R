# Reference readings of the SAS-written sas7bdat files in ../shared/adam/ (read in place, never copied)
# by R's haven 2.5.1 (read_sas, ReadStat), for Sas7bdatTableSourceTest.
#
#   cd src/test/resources/io/sas7bdat && Rscript make_sas7bdat_reference.R
#
# One line per variable, in the format of ../xpt/haven_readings.tsv; dates and date-times as SAS
# stores them (days / seconds since 1960-01-01). Output: haven_readings.tsv.
suppressPackageStartupMessages(library(haven))
sas_number <- function(x) {
  if (inherits(x, "Date")) return(as.numeric(x) + 3653)
  if (inherits(x, "POSIXct")) return(as.numeric(x) + 315619200)
  as.numeric(x)
}
fmt <- function(v) if (is.na(v)) "NA" else trimws(formatC(v, digits = 17, format = "g"))
lines <- c("file\tvariable\ttype\trows\tmissing\tsum_or_distinct\tfirst\tlast")
files <- c(dm = "../../../../../../shared/adam/dm.sas7bdat",
           dm_accenture = "../../../../../../shared/adam/dm_accenture.sas7bdat")
for (key in names(files)) {
  d <- read_sas(files[[key]])
  for (v in names(d)) {
    x <- d[[v]]
    if (is.character(x)) {
      lines <- c(lines, paste(key, v, "character", length(x), sum(x == ""), length(unique(x)),
                              x[1], x[length(x)], sep = "\t"))
    } else {
      n <- sas_number(x)
      lines <- c(lines, paste(key, v, "numeric", length(n), sum(is.na(n)), fmt(sum(n, na.rm = TRUE)),
                              fmt(n[1]), fmt(n[length(n)]), sep = "\t"))
    }
  }
}
writeLines(lines, "haven_readings.tsv")
cat(lines, sep = "\n")
