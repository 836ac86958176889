# Reference readings of SAS transport files by R's haven (2.5.1), for XptTableSourceTest.
#
#   cd src/test/resources/io/xpt && Rscript make_xpt_reference.R
#
# 1. Writes our own transport files with haven::write_xpt: own_v5.xpt (version 5) and own_v8.xpt
#    (version 8, long names), and own_two_members.xpt: the library header and member of own_v5.xpt
#    followed by the member records of a second file, SECOND (TS-140 allows several members in one file;
#    haven writes one, so the second member is appended byte for byte; its readings are under "second").
# 2. Prints, for those files and for the SAS-written ../../../../../../shared/adam/{adsl,adqscibc}.xpt
#    (read in place, never copied), one line per variable: file, variable, type, rows, missing count,
#    sum of the numbers (17 significant digits) or the number of distinct values, and the first and
#    last value. Dates and date-times are given as SAS stores them (days since 1960-01-01, seconds since
#    1960-01-01 00:00), not as R's Date/POSIXct. Output: haven_readings.tsv.
suppressPackageStartupMessages(library(haven))

own <- data.frame(
  USUBJID = c("S-001", "S-002", "S-003", "S-004", "S-005", "S-006"),
  TRTP = c("Placebo", "Drug", "Placebo", "Drug", "Placebo", "Drug  "),
  SITEID = c("701", "703", "701", "703", "701", "703"),
  AVISIT = c("Baseline", "Baseline", "Week 12", "Week 12", "Week 12", "Week 12"),
  AVISITN = c(0, 0, 12, 12, 12, 12),
  AVAL = c(41, 38.5, NA, 22.25, -0.125, 1e-10),
  BIG = c(123456789012, -7.2e75 / 1e10, 3.141592653589793, 0, 1/3, 2^-70),
  stringsAsFactors = FALSE)
write_xpt(own, "own_v5.xpt", version = 5, name = "OWN")
own8 <- own
names(own8)[7] <- "A_LONG_VARIABLE_NAME_OF_30_CHAR"
write_xpt(own8, "own_v8.xpt", version = 8, name = "OWN8")
second <- data.frame(USUBJID = c("X-1", "X-2"), AVAL = c(1, 2), stringsAsFactors = FALSE)
write_xpt(second, "second.xpt", version = 5, name = "SECOND")
a <- readBin("own_v5.xpt", "raw", file.size("own_v5.xpt"))
b <- readBin("second.xpt", "raw", file.size("second.xpt"))
writeBin(c(a, b[-(1:240)]), "own_two_members.xpt")   # drop the second file's 3 library header records

source("../readings.R")
lines <- readings_header
files <- c(own_v5 = "own_v5.xpt", own_v8 = "own_v8.xpt",
           second = "second.xpt", adsl = "../../../../../../shared/adam/adsl.xpt", adqscibc = "../../../../../../shared/adam/adqscibc.xpt")
for (key in names(files)) {
  d <- read_xpt(files[[key]])
  lines <- c(lines, readings_lines(key, d))
}
invisible(file.remove("second.xpt"))
# (haven reads own_two_members.xpt as one member running on into the second one's headers, so the
# members' readings are those of own_v5.xpt and of second.xpt, read before it was deleted.)
writeLines(lines, "haven_readings.tsv")
cat(lines, sep = "\n")
