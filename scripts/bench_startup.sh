#!/usr/bin/env bash
# Start-up of two builds side by side, interleaved run by run so that machine load affects both alike.
#   scripts/bench_startup.sh OTHER_CHECKOUT [RUNS]
# OTHER_CHECKOUT is another clone of trialstat (for example the commit before a change, built with
# `mvn -q -DskipTests package`); both are run through their own scripts/trialstat launcher (C1 + CDS).
# With JAVA25_HOME set (for example /usr/lib/jvm/temurin-25-jdk-amd64), this checkout also runs under
# that java (the launcher's AOT-cache path), in the same interleaving.
# Prints, for `analyze samples/mapp1_like.csv` (table output) and `--version`, the median wall time and
# the median CPU time (user + system) of each, the same for a Java hello world (the JVM's floor), and
# the load average before and after: on a shared machine the wall time mostly measures the wait for a
# core, the CPU time what the run costs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
other="$(cd "$1" && pwd)"; runs="${2:-21}"
j25="${JAVA25_HOME:-}"
for r in "$root" "$other"; do "$r/scripts/trialstat" --version > /dev/null; done  # build jar + CDS archive
[ -z "$j25" ] || PATH="$j25/bin:$PATH" "$root/scripts/trialstat" --version > /dev/null  # + AOT cache
source "$root/scripts/bench_lib.sh"
measure() {  # ROOT ARGS... -> "wall cpu" in seconds, one run of that checkout's launcher
  local r="$1"; shift
  run_once "$r/scripts/trialstat" "$@"
}
col() { cut -d' ' -f"$1" | median; }  # FIELD: the median of that field of "wall cpu" lines
# The floor: a Java hello world with the launcher's small-input options, in the same interleaving, so
# that a slower machine (or JDK) shows in the same run as the builds.
hello="$(mktemp -d)"; trap 'rm -rf "$hello"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' \
  > "$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"
h=""
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for what in "analyze samples/mapp1_like.csv" "--version"; do
  a=""; b=""; c=""
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    a+="$(cd "$root" && measure "$root" $what)"$'\n'
    # shellcheck disable=SC2086
    b+="$(cd "$root" && measure "$other" $what)"$'\n'
    # shellcheck disable=SC2086
    h+="$(run_once java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$hello" Hello)"$'\n'
    [ -z "$j25" ] || c+="$(cd "$root" && PATH="$j25/bin:$PATH" measure "$root" $what)"$'\n'
  done
  printf '%-32s this: wall %s s cpu %s s | other: wall %s s cpu %s s' "$what" \
    "$(grep . <<< "$a" | col 1)" "$(grep . <<< "$a" | col 2)" "$(grep . <<< "$b" | col 1)" "$(grep . <<< "$b" | col 2)"
  [ -z "$j25" ] || printf ' | this, java 25: wall %s s cpu %s s' "$(grep . <<< "$c" | col 1)" "$(grep . <<< "$c" | col 2)"
  printf '   (median of %s)\n' "$runs"
done
printf '%-32s wall %s s cpu %s s   (median of %s)\n' "Java hello world (the floor)" \
  "$(grep . <<< "$h" | col 1)" "$(grep . <<< "$h" | col 2)" "$((2 * runs))"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
