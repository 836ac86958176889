#!/usr/bin/env bash
# Regenerates the images the README shows, from the bundled sample:
#   docs/img/trajectory.svg   trialstat plot trajectory samples/mapp1_like.csv
#   docs/img/forest.svg       trialstat plot forest:risk_ratio samples/mapp1_like.csv
#   docs/img/report.png       the HTML report in headless chromium at phone width (390 px)
# Needs JDK 17, Maven and Debian's chromium (apt-get install chromium).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f target/trialstat.jar ] || [ -n "$(find pom.xml src/main -newer target/trialstat.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package >&2
fi
run() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar target/trialstat.jar "$@"; }
mkdir -p docs/img target
run plot trajectory samples/mapp1_like.csv --output docs/img/trajectory.svg
run plot forest:risk_ratio samples/mapp1_like.csv --output docs/img/forest.svg
run report --reproducible samples/mapp1_like.csv --output target/readme-report.html
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "readme_images.sh: chromium not found; docs/img/report.png not regenerated" >&2
  exit 1
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$root/target/readme-chromium" --window-size=390,1700 \
  --screenshot="$root/docs/img/report.png" "file://$root/target/readme-report.html" >/dev/null 2>&1
echo "docs/img: $(ls docs/img | tr '\n' ' ')"
