#!/usr/bin/env bash
# Reading speed of the input formats (docs/benchmarks.md): one BDS dataset of N records (default
# 1,000,000: N/4 participants x 4 visits, one parameter) written as CSV, SAS transport (R haven) and
# CDISC Dataset-JSON (Python), then `trialstat analyze --adam` on each, timed run by run with the peak
# resident memory (GNU time). `--where SITEID=701` keeps 1 participant in 40, so that the time is that of
# reading every record, not of the analysis. The data go to target/bench/ (not committed).
#
#   scripts/bench_formats.sh [N] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
runs="${2:-3}"
dir="$root/target/bench"
mkdir -p "$dir"
cd "$root"
[ -f target/trialstat.jar ] || mvn -B -q -DskipTests package >&2
if [ ! -f "$dir/bds_$n.json" ]; then
  python3 - "$n" "$dir" <<'PY'
import json, random, sys
n, d = int(sys.argv[1]), sys.argv[2]
random.seed(1)
visits = [("Baseline", 0), ("Week 6", 6), ("Week 12", 12), ("Week 18", 18)]
header = ["USUBJID", "SITEID", "TRTP", "PARAMCD", "AVISIT", "AVISITN", "ABLFL", "AVAL"]
rows = []
for i in range(n // 4):
    arm = "Drug" if i % 2 else "Placebo"
    base = random.randint(30, 70)
    for k, (v, w) in enumerate(visits):
        aval = max(0, min(80, base - (1.5 if arm == "Drug" else 0.8) * w + random.randint(-5, 5)))
        rows.append(["P%07d" % i, "7%02d" % (i % 40), arm, "CAPS5TOT", v, w, "Y" if k == 0 else "", int(aval)])
with open(f"{d}/bds_{n}.csv", "w") as f:
    f.write(",".join(header) + "\n")
    for r in rows:
        f.write(",".join(str(x) for x in r) + "\n")
types = {"AVISITN": "integer", "AVAL": "double"}
cols = [{"itemOID": "IT." + h, "name": h, "label": h, "dataType": types.get(h, "string")} for h in header]
meta = {"datasetJSONVersion": "1.1.0", "itemGroupOID": "IG.BDS", "records": len(rows), "name": "BDS",
        "label": "benchmark", "columns": cols}
with open(f"{d}/bds_{n}.json", "w") as f:
    f.write(json.dumps(meta)[:-1] + ', "rows": [\n')
    f.write(",\n".join(json.dumps([None if x == "" else x for x in r]) for r in rows))
    f.write("\n]}\n")
PY
  Rscript -e "suppressPackageStartupMessages(library(haven)); a <- commandArgs(TRUE);
    d <- read.csv(a[1], colClasses = c(rep('character', 5), 'numeric', 'character', 'numeric'));
    d[is.na(d)] <- ''; write_xpt(d, a[2], version = 5, name = 'BDS')" "$dir/bds_$n.csv" "$dir/bds_$n.xpt"
fi
ls -l "$dir"/bds_"$n".* >&2
for ext in csv xpt json; do
  for r in $(seq "$runs"); do
    /usr/bin/time -f "$ext run $r: %e s, peak RSS %M KB" java -XX:+UseSerialGC -jar target/trialstat.jar \
      analyze --adam --scale none --where SITEID=701 --format json "$dir/bds_$n.$ext" > /dev/null
  done
done
