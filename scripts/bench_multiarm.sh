#!/usr/bin/env bash
# Speed of `analyze` with three arms and two factors against today's two-arm run (issue 10: within 1.5x).
#   scripts/bench_multiarm.sh [PARTICIPANTS] [RUNS]
# Both files come from scripts/make_trial.py (4,000 participants, 3 post-baseline visits); the three-arm
# file reassigns every third participant of the treatment arm to a third arm and adds a site (8 levels)
# and a stratum (2 levels) column, deterministically. Figures in docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-4000}"; runs="${2:-5}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 "$root/scripts/make_trial.py" "$n" 3 > "$tmp/two.csv"
python3 - "$tmp/two.csv" "$tmp/three.csv" <<'PY'
import csv, sys, zlib
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["participant_id", "arm", "visit", "week", "caps_total", "ptsd_dx", "site", "stratum", "dose"])
    for r in rows:
        h = zlib.crc32(r["participant_id"].encode())
        arm = r["arm"] if r["arm"] == "Placebo" or h % 2 else "Low"
        dose = {"Placebo": 0, "Low": 40}.get(arm, 120)
        w.writerow([r["participant_id"], arm, r["visit"], r["week"], r["caps_total"], r["ptsd_dx"],
                    "%03d" % (h % 8 + 1), "AB"[h // 8 % 2], dose])
PY
"$root/scripts/trialstat" --version >/dev/null   # build the jar if needed
source "$root/scripts/bench_lib.sh"
jar=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$root/target/trialstat.jar" analyze --format json)
two=$(time_cmd "${jar[@]}" "$tmp/two.csv")
three=$(time_cmd "${jar[@]}" --control Placebo --factor site --factor stratum "$tmp/three.csv")
holm=$(time_cmd "${jar[@]}" --control Placebo --factor site --factor stratum --dose-col dose --compare all \
  --adjust holm "$tmp/three.csv")
dunnett=$(time_cmd "${jar[@]}" --control Placebo --factor site --factor stratum --adjust dunnett "$tmp/three.csv")
echo "data: $n participants x 3 post-baseline visits; median of $runs runs, JVM start included"
echo "two arms, no factors:                         $two s"
echo "three arms, --factor site --factor stratum:   $three s  ($(echo "$three / $two" | bc -l | cut -c1-4)x)"
echo "  + --dose-col --compare all --adjust holm:   $holm s  ($(echo "$holm / $two" | bc -l | cut -c1-4)x)"
echo "  --adjust dunnett (control comparisons):     $dunnett s  ($(echo "$dunnett / $two" | bc -l | cut -c1-4)x)"
