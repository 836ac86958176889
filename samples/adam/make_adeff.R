# Makes samples/adam/adeff.csv and adeff.xpt: a synthetic ADaM BDS efficacy data set (no real data).
#
#   cd samples/adam && Rscript make_adeff.R && python3 make_adeff_json.py
#
# 60 participants (30 Placebo, 30 Drug) at 3 sites (SITEID, character: "701", "703", "705"), stratified
# by baseline severity (DSSTRAT: "CAPS5 < 45", "CAPS5 >= 45"); two parameters, CAPS5TOT (CAPS-5 total)
# and PCL5TOT (PCL-5 total), at Baseline (ABLFL = Y), Week 6, Week 12 and Week 18 (AVISITN 0, 6, 12, 18);
# BASE and CHG on post-baseline records. ITTFL = Y for everyone; EFFFL = N for 3 participants without a
# post-baseline CAPS-5. 8 participants drop out after Week 6 or Week 12: their later visits have no
# observed record but a DTYPE = LOCF record carrying the last observed value forward. Scores are whole
# numbers in 0..80. adeff.json (CDISC Dataset-JSON v1.1) is written from adeff.csv by make_adeff_json.py.
suppressPackageStartupMessages(library(haven))
set.seed(20261201)
n <- 60
ids <- sprintf("TS-%s-%03d", rep(c("701", "703", "705"), length.out = n), seq_len(n))
arm <- rep(c("Placebo", "Drug"), each = n / 2)
site <- rep(c("701", "703", "705"), length.out = n)
visits <- c("Baseline", "Week 6", "Week 12", "Week 18")
weeks <- c(0, 6, 12, 18)
dropout <- rep(NA_integer_, n)
dropout[c(5, 12, 19, 26, 35, 41, 48, 57)] <- c(2, 3, 2, 3, 3, 2, 3, 2)  # last observed visit index
no_post <- c(8, 33, 52)                                                  # EFFFL = N: baseline only
clamp <- function(x) pmin(80, pmax(0, round(x)))
rows <- list()
for (p in c("CAPS5TOT", "PCL5TOT")) {
  base <- clamp(rnorm(n, if (p == "CAPS5TOT") 45 else 50, 7))
  slope <- ifelse(arm == "Drug", -1.6, -0.9) + rnorm(n, 0, 0.4)
  for (i in seq_len(n)) {
    last <- if (i %in% no_post) 1 else if (is.na(dropout[i])) 4 else dropout[i]
    value <- base[i]
    for (v in 1:4) {
      if (v > 1) value <- if (v <= last) clamp(base[i] + slope[i] * weeks[v] + rnorm(1, 0, 3)) else value
      if (v > last && i %in% no_post) next
      rows[[length(rows) + 1]] <- data.frame(
        STUDYID = "TS-ADEFF", USUBJID = ids[i], SITEID = site[i],
        DSSTRAT = "",  # set below from the baseline CAPS-5
        TRTP = arm[i], TRTPN = if (arm[i] == "Drug") 1 else 0,
        ITTFL = "Y", EFFFL = if (i %in% no_post) "N" else "Y",
        PARAMCD = p, PARAM = if (p == "CAPS5TOT") "CAPS-5 Total Severity Score" else "PCL-5 Total Score",
        AVISIT = visits[v], AVISITN = weeks[v], ABLFL = if (v == 1) "Y" else "",
        DTYPE = if (v > last) "LOCF" else "", AVAL = value,
        BASE = if (v == 1) NA else base[i], CHG = if (v == 1) NA else value - base[i],
        stringsAsFactors = FALSE)
    }
  }
}
adeff <- do.call(rbind, rows)
# DSSTRAT is a participant-level stratum from the baseline CAPS-5: the same on both parameters' records.
caps_base <- adeff[adeff$PARAMCD == "CAPS5TOT" & adeff$ABLFL == "Y", c("USUBJID", "AVAL")]
stratum <- setNames(ifelse(caps_base$AVAL < 45, "CAPS5 < 45", "CAPS5 >= 45"), caps_base$USUBJID)
adeff$DSSTRAT <- unname(stratum[adeff$USUBJID])
adeff <- adeff[order(adeff$USUBJID, adeff$PARAMCD, adeff$AVISITN), ]
write.csv(adeff, "adeff.csv", row.names = FALSE, na = "", quote = FALSE)
labels <- c(STUDYID = "Study Identifier", USUBJID = "Unique Subject Identifier", SITEID = "Study Site Identifier",
            DSSTRAT = "Stratification Factor", TRTP = "Planned Treatment", TRTPN = "Planned Treatment (N)",
            ITTFL = "Intent-To-Treat Population Flag", EFFFL = "Efficacy Population Flag",
            PARAMCD = "Parameter Code", PARAM = "Parameter", AVISIT = "Analysis Visit",
            AVISITN = "Analysis Visit (N)", ABLFL = "Baseline Record Flag", DTYPE = "Derivation Type",
            AVAL = "Analysis Value", BASE = "Baseline Value", CHG = "Change from Baseline")
for (v in names(labels)) attr(adeff[[v]], "label") <- labels[[v]]
write_xpt(adeff, "adeff.xpt", version = 5, name = "ADEFF", label = "Efficacy Analysis Dataset")
cat(nrow(adeff), "records\n")
