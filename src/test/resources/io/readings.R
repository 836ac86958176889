# Shared by make_xpt_reference.R and make_sas7bdat_reference.R: one line per variable of a data frame
# read by haven (file key, variable, type, rows, missing, sum of the numbers or number of distinct
# values, first and last value), dates and date-times as SAS stores them (days / seconds since 1960).
sas_number <- function(x) {
  if (inherits(x, "Date")) return(as.numeric(x) + 3653)
  if (inherits(x, "POSIXct")) return(as.numeric(x) + 315619200)
  if (inherits(x, "hms")) return(as.numeric(x))
  as.numeric(x)
}
fmt <- function(v) if (is.na(v)) "NA" else trimws(formatC(v, digits = 17, format = "g"))
readings_header <- "file\tvariable\ttype\trows\tmissing\tsum_or_distinct\tfirst\tlast"
readings_lines <- function(key, d) {
  out <- character(0)
  for (v in names(d)) {
    x <- d[[v]]
    if (is.character(x)) {
      out <- c(out, paste(key, v, "character", length(x), sum(x == ""), length(unique(x)),
                          x[1], x[length(x)], sep = "\t"))
    } else {
      n <- sas_number(x)
      out <- c(out, paste(key, v, "numeric", length(n), sum(is.na(n)), fmt(sum(n, na.rm = TRUE)),
                          fmt(n[1]), fmt(n[length(n)]), sep = "\t"))
    }
  }
  out
}
