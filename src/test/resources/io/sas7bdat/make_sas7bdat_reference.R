# Reference readings of the SAS-written sas7bdat files in ../shared/adam/ (read in place, never copied)
# by R's haven 2.5.1 (read_sas, ReadStat), for Sas7bdatTableSourceTest.
#
#   cd src/test/resources/io/sas7bdat && Rscript make_sas7bdat_reference.R
#
# One line per variable, in the format of ../xpt/haven_readings.tsv; dates and date-times as SAS
# stores them (days / seconds since 1960-01-01). Output: haven_readings.tsv.
suppressPackageStartupMessages(library(haven))
source("../readings.R")
lines <- readings_header
files <- c(dm = "../../../../../../shared/adam/dm.sas7bdat",
           dm_accenture = "../../../../../../shared/adam/dm_accenture.sas7bdat")
for (key in names(files)) {
  d <- read_sas(files[[key]])
  lines <- c(lines, readings_lines(key, d))
}
writeLines(lines, "haven_readings.tsv")
cat(lines, sep = "\n")
