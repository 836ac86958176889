# Seeds of TableSourceFuzzTest (issue 16): a sas7bdat and a SAS transport file written by haven 2.5
# (write_sas, write_xpt) with an escape sequence and a right-to-left override in an arm name, a screening
# visit at week -2 and a missing score. parso reads only 5 of the 7 variables of haven's sas7bdat: the
# reader must say so (HardeningRestTest) instead of reporting a column as absent.
#
#   cd src/test/resources/io/sas7bdat && Rscript make_fuzz_seeds.R
seeds <- "../../org/trialstat/io/TableSourceFuzzTestInputs"
suppressPackageStartupMessages(library(haven))
d <- data.frame(USUBJID = rep(c("S1", "S2", "S3", "S4"), each = 3),
                TRTP = rep(c(paste0("Drug", intToUtf8(27), "[2J", intToUtf8(0x202e)), paste0("Drug", intToUtf8(27), "[2J", intToUtf8(0x202e)), "Placebo", "Placebo"), each = 3),
                SITEID = rep(c(701, 703, 701, 702), each = 3),
                AVISIT = rep(c("SCREENING", "BASELINE", "WEEK 18"), 4),
                AVISITN = rep(c(-2, 0, 18), 4),
                AVAL = c(40, 41, 20, 39, 42, NA, 44, 40, 35, 41, 43, 38),
                ABLFL = rep(c("", "Y", ""), 4), stringsAsFactors = FALSE)
r <- try(write_sas(d, file.path(seeds, "readSas7bdat", "haven_escapes_screening.sas7bdat")))
write_xpt(d, file.path(seeds, "readXpt", "haven_escapes_screening.xpt"), version = 8)
print(read_sas(file.path(seeds, "readSas7bdat", "haven_escapes_screening.sas7bdat"))[1:3, ])
