#!/usr/bin/env bash
# Reruns the red-team families of issue 16 ("Hardening round 2") against the built jar: one
# representative command per item, with the outcome the issue asks for. Prints PASS or FAIL per case and a
# count; exits 1 when any case fails. The outcomes of a run are summarised in docs/redteam.md.
#
#   scripts/redteam.sh            every case (about four minutes; item 13 waits up to 60 s until fixed)
#   scripts/redteam.sh 3 21 22    only the cases of these items
#   REDTEAM_BIG=0 scripts/redteam.sh   without the 32 MB file of item 7 (the slowest case)
#
# Everything is written under a temporary folder that is removed at the end; nothing in the project
# changes. Cases that need root (a device node as --output) or Linux (/proc, /dev/full) say SKIP where
# they cannot run. Item 24 (every documented command) is the test DocumentedCommandsTest; item 22's
# shortest doubles is NumbersTest: both run under `mvn test`, not here.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f target/trialstat.jar ] || [ -n "$(find pom.xml src/main -newer target/trialstat.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package >&2 || exit 2
fi
jar="$root/target/trialstat.jar"
W="$(mktemp -d "${TMPDIR:-/tmp}/trialstat-redteam.XXXXXX")"
trap 'rm -rf "$W"' EXIT
only=" $* "
passed=0 failed=0 skipped=0
sample="$root/samples/mapp1_like.csv"
study="$root/samples/published/studies/mapp1.csv"

ts() { java ${REDTEAM_JAVA_OPTS:-} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" "$@"; }
# run CMD...: exit code in $rc, output in $W/out and $W/err, seconds in $secs
run() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$W/out" 2>"$W/err"
  rc=$?
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
}
why=""
rc_is() { [ "$rc" -eq "$1" ] || { why="exit $rc, expected $1: $(head -c 240 "$W/err" | tr '\n' ' ')"; return 1; }; }
rc_not() { [ "$rc" -ne "$1" ] || { why="exit $rc: $(head -c 240 "$W/err" | tr '\n' ' ')"; return 1; }; }
has() { grep -qF -- "$2" "$W/$1" || { why="std$1 lacks '$2': $(head -c 240 "$W/$1" | tr '\n' ' ')"; return 1; }; }
lacks() { ! grep -qF -- "$2" "$W/$1" || { why="std$1 has '$2'"; return 1; }; }
lacks_bytes() { # lacks_bytes out|err PRINTF-PATTERN
  ! grep -qF -- "$(printf "$2")" "$W/$1" || { why="std$1 has raw $2"; return 1; }
}
faster() { awk -v s="$secs" -v m="$1" 'BEGIN { exit !(s < m) }' || { why="took ${secs}s, limit $1 s"; return 1; }; }
one_line() { [ "$(wc -l <"$W/err")" -le 2 ] || { why="$(wc -l <"$W/err") lines on stderr"; return 1; }; }
skip() { why="$1"; return 77; }

case_() { # case_ ITEM FAMILY DESCRIPTION FUNCTION
  local item="$1" family="$2" desc="$3" fn="$4" code
  [ "$only" = "  " ] || [[ "$only" == *" $item "* ]] || return 0
  why=""
  "$fn"
  code=$?
  if [ "$code" -eq 0 ]; then
    passed=$((passed + 1)); printf 'PASS  %-3s %-14s %s\n' "$item" "$family" "$desc"
  elif [ "$code" -eq 77 ]; then
    skipped=$((skipped + 1)); printf 'SKIP  %-3s %-14s %s (%s)\n' "$item" "$family" "$desc" "$why"
  else
    failed=$((failed + 1)); printf 'FAIL  %-3s %-14s %s: %s\n' "$item" "$family" "$desc" "$why"
  fi
}

claims() { # claims FILE COMMAND [DATAFILE]
  printf 'file,command,statistic,expected,compare,tolerance,source\n%s,"%s","comparisons[study=MAPP1,treatment=MDMA,control=Placebo].cohens_d.estimate",0.91,abs,,x\n' \
    "${3:-mapp1.csv}" "$2" >"$1"
}
long_trial() { # long_trial FILE PARTICIPANTS_PER_ARM VISITS [SCORE_EXPR]
  awk -v n="$2" -v v="$3" 'BEGIN { srand(7); print "participant_id,arm,visit,week,caps_total";
    for (a = 0; a < 2; a++) for (i = 1; i <= n; i++) for (k = 0; k < v; k++)
      printf "P%d_%d,%s,v%03d,%d,%d\n", a, i, (a ? "Placebo" : "Drug"), k, k, 40 - k * (a ? 0.5 : 1) + int(rand() * 10) }' >"$1"
}

# ---- Data loss and leaks ------------------------------------------------------------------------------
c01() { cp "$study" "$W/mapp1.csv"; claims "$W/c1.csv" "summary -o$W/victim.txt"; cp "$W/c1.csv" "$W/c1.before"
  run ts verify "$W/c1.csv"; rc_is 3 && [ ! -e "$W/victim.txt" ] && cmp -s "$W/c1.csv" "$W/c1.before" || { why="${why:-a file was written}"; return 1; }; }
c02() { cp "$study" "$W/mapp1.csv"; cp "$W/mapp1.csv" "$W/m.before"; claims "$W/c2.csv" summary
  run ts verify --junit "$W/mapp1.csv" "$W/c2.csv"; rc_is 2 && cmp -s "$W/mapp1.csv" "$W/m.before" || { why="${why:-data file replaced}"; return 1; }; }
c03a() { mkfifo "$W/fifo" || { skip "no mkfifo"; return 77; }; (cat "$W/fifo" >/dev/null &); run ts analyze -f json -o "$W/fifo" "$sample"
  rc_is 0 && [ -p "$W/fifo" ] || { why="${why:-the FIFO was replaced}"; return 1; }; }
c03b() { [ "$(id -u)" -eq 0 ] || { skip "needs root"; return 77; }; run ts analyze -o /dev/null "$sample"
  rc_is 0 && [ -c /dev/null ] || { why="${why:-/dev/null is no longer a device}"; return 1; }; }
c03c() { echo old >"$W/real.json"; ln -sf "$W/real.json" "$W/link.json"; run ts analyze -f json -o "$W/link.json" "$sample"
  if [ "$rc" -eq 0 ]; then [ -L "$W/link.json" ] && grep -q '"file"' "$W/real.json" || { why="the link was replaced by a file"; return 1; }
  else rc_is 2; fi; }
c03d() { echo old >"$W/perm.json"; chmod 0644 "$W/perm.json"; run ts analyze -f json -o "$W/perm.json" "$sample"
  rc_is 0 && [ "$(stat -c %a "$W/perm.json")" = 644 ] || { why="${why:-mode $(stat -c %a "$W/perm.json")}"; return 1; }; }
c03e() { (umask 022; run ts analyze -f json -o "$W/new.json" "$sample"; rc_is 0) && [ "$(stat -c %a "$W/new.json")" = 644 ] \
  || { why="${why:-new file mode $(stat -c %a "$W/new.json" 2>/dev/null), umask 022}"; return 1; }; }
c03f() { echo stale >"$W/.t.json.999999.tmp"; run ts analyze -f json -o "$W/t.json" "$sample"
  rc_is 0 && [ ! -e "$W/.t.json.999999.tmp" ] || { why="${why:-stale temporary file left}"; return 1; }; }
c04() { [ -w /dev/full ] || { skip "no /dev/full"; return 77; }; run bash -c "java -jar '$jar' analyze '$sample' >/dev/full"
  rc_is 2; }
c05a() { mkdir -p "$W/pr"; claims "$W/pr/c5.csv" summary "../../../../../../../etc/passwd"; run ts verify "$W/pr/c5.csv"
  rc_is 3 && has out "outside" && lacks out "root:" && lacks err "root:"; }
c05b() { [ -r /proc/self/environ ] || { skip "no /proc"; return 77; }; mkdir -p "$W/pr"; claims "$W/pr/c5b.csv" summary /proc/self/environ
  run ts verify --junit "$W/pr.xml" "$W/pr/c5b.csv"; rc_is 3 && lacks out "PATH=" && ! grep -q "PATH=" "$W/pr.xml" || { why="${why:-environment leaked}"; return 1; }; }
c05c() { mkdir -p "$W/pr"; cp "$study" "$W/pr/mapp1.csv"; claims "$W/pr/c5c.csv" "summary @/etc/passwd"; run ts verify "$W/pr/c5c.csv"
  rc_is 3 && lacks out "root:" && lacks err "root:"; }

# ---- Crashes and hangs ----------------------------------------------------------------------------------
c06() { cp "$sample" "$W/@trial.csv"; (cd "$W" && run ts analyze -- @trial.csv; rc_is 0); }
c07a() { [ "${REDTEAM_BIG:-1}" = 1 ] || { skip "REDTEAM_BIG=0"; return 77; }; long_trial "$W/big.csv" 63000 10
  REDTEAM_JAVA_OPTS=-Xmx128m run ts analyze -f json "$W/big.csv"; rc_is 0; }
c07b() { long_trial "$W/mid.csv" 3000 10; REDTEAM_JAVA_OPTS=-Xmx24m run ts analyze -f json "$W/mid.csv"
  [ "$rc" -eq 0 ] && return 0; rc_is 4 && one_line && has err "TRIALSTAT_JAVA_OPTS"; }
c08a() { long_trial "$W/v16.csv" 10 16; run timeout 60 java -jar "$jar" analyze -f json "$W/v16.csv"; rc_not 4 && rc_not 124 && faster 10; }
c08b() { long_trial "$W/v10k.csv" 2 10000; run timeout 60 java -jar "$jar" analyze -f json "$W/v10k.csv"
  rc_not 4 && rc_not 124 && rc_not 1 && faster 30; }
c08c() { awk 'BEGIN { print "participant_id,arm,visit,week,caps_total"; for (a = 0; a < 1000; a++) for (i = 0; i < 3; i++) for (k = 0; k < 3; k++)
  printf "P%d_%d,%s,v%d,%d,%d\n", a, i, (a ? "Arm" a : "Placebo"), k, k, 40 - k * (a % 7) }' >"$W/arms.csv"
  run timeout 120 java -jar "$jar" analyze -f json "$W/arms.csv"; rc_not 4 && rc_not 124 && rc_not 1; }
c09() { run ts analyze --id-col "" "$sample"; rc_is 2 && run ts mmrm --baseline baseline --covariate "" "$sample" && rc_is 2; }
c10() { printf 'participant_id,arm,visit,caps_total\nA1,Drug,b,1e308\nA1,Drug,e,-1e308\nA2,Drug,b,1e308\nA2,Drug,e,0\nB1,Placebo,b,-1e308\nB1,Placebo,e,1e308\nB2,Placebo,b,0\nB2,Placebo,e,1e308\n' >"$W/huge.csv"
  run ts analyze --scale none -f json "$W/huge.csv"; rc_not 4; }
c11() { run ts analyze --conf-level 1e-300 "$sample"; rc_is 2; }
c12() { printf 'study,arm,control,n,change_mean,change_sd\nS,Drug,no,20,-1e300,1e200\nS,Placebo,yes,20,1e300,1e200\n' >"$W/s12.csv"
  run ts summary -f json "$W/s12.csv"; rc_not 4; }
c13() { printf 'study,arm,control,n,change_mean,change_sd\nS,Drug,no,500,-10,0.001\nS,Placebo,yes,500,0,0.001\n' >"$W/s13.csv"
  run timeout 60 java -jar "$jar" summary -f json "$W/s13.csv"; rc_is 0 && faster 3; }

# ---- Silently wrong numbers ------------------------------------------------------------------------------
c14() { awk 'BEGIN { print "participant_id,arm,visit,caps_total"; for (i = 0; i < 5; i++) { printf "D%d,Drug,b,%d\nD%d,Drug,e,%d\n", i, 1e10 + i, i, 1e10 + i;
  printf "P%d,Placebo,b,%d\nP%d,Placebo,e,%d\n", i, 1e10 + i, i, 1e10 + i } }' >"$W/r14.csv"
  run ts analyze --scale none --response-drop 10 -f json "$W/r14.csv"; rc_is 0 && lacks out '"events": 5'; }
c15() { printf 'study,arm,control,n,change_mean,change_sd\nS,Drug,no,20,-5,1e-300\nS,Placebo,yes,20,-1,1e-300\n' >"$W/s15.csv"
  run ts summary -f json "$W/s15.csv"; rc_is 0 && lacks out "zero variance"; }
c16a() { run ts analyze --week-col wek "$sample"; rc_is 2 && has err "columns found"; }
c16b() { printf 'participant_id,arm,visit,week,caps_total\n' >"$W/scr.csv"; for i in 1 2 3 4; do a=Drug; [ $i -gt 2 ] && a=Placebo
    printf 'P%s,%s,screening,-2,4%s\nP%s,%s,baseline,0,4%s\nP%s,%s,week12,12,3%s\n' $i $a $i $i $a $i $i $a $i >>"$W/scr.csv"; done
  run ts analyze -f json "$W/scr.csv"; rc_is 0 && has out "Default baseline: visit 'screening'"; }
c16c() { printf 'participant_id,arm,visit,week,caps_total\n' >"$W/nw.csv"; for i in 1 2 3 4; do a=Drug; [ $i -gt 2 ] && a=Placebo
    printf 'P%s,%s,baseline,0,4%s\nP%s,%s,week12,12,3%s\nP%s,%s,follow_up,,2%s\n' $i $a $i $i $a $i $i $a $i >>"$W/nw.csv"; done
  run ts analyze -f json "$W/nw.csv"; rc_is 0 && has out "Default endpoint: visit 'follow_up'"; }
c17() { printf 'participant_id,arm,visit,week,caps_total\n' >"$W/m17.csv"; for i in 1 2 3 4; do a=Drug; [ $i -gt 2 ] && a=Placebo
    printf 'P%s,%s,b,0,4%s\nP%s,%s,w1,1,3%s\nP%s,%s,w2,2,2%s\nP%s,%s,w3,3,1%s\n' $i $a $i $i $a $i $i $a $i $i $a $i >>"$W/m17.csv"; done
  run ts analyze -f json "$W/m17.csv"; rc_is 0 && has out "not_estimable" && has out "model_not_estimable"; }
c18() { printf 'participant_id,arm,visit,caps_total,ptsd_dx\nD1,Drug,b,40,1\nD1,Drug,e,20,\nD2,Drug,b,40,1\nD2,Drug,e,10,0\nP1,Placebo,b,40,1\nP1,Placebo,e,35,1\nP2,Placebo,b,40,1\nP2,Placebo,e,30,1\n' >"$W/d18.csv"
  run ts analyze --missing nonresponder -f json "$W/d18.csv"; rc_is 0 && lacks out '"unknown_diagnosis"'; }

# ---- Messages and terminal safety --------------------------------------------------------------------------
c19a() { printf 'study,arm,control,n,change_mean,change_sd\nS,Drug,no,20,-5,4\nS,"Plac"ebo,yes,20,-1,4\n' >"$W/q19.csv"
  run ts summary "$W/q19.csv"; rc_is 3 && has err "q19.csv:3:" && lacks err "CSVException"; }
c19b() { printf 'study,arm,control,n,change_mean,change_sd\rS,Drug,no,20,-5,4\rS,Placebo,yes,x,-1,4\r' >"$W/cr.csv"
  run ts summary "$W/cr.csv"; rc_is 3 && has err "cr.csv:3:"; }
c20() { cp "$sample" "$W/tr$(printf '\xc3\xa4')l.csv"; run env -i PATH="$PATH" LC_ALL=C java -jar "$jar" analyze "$W/tr$(printf '\xc3\xa4')l.csv"; rc_is 0; }
c21a() { sed 's/^\(P0[0-9]*\),MDMA,/\1,"MD\x1b[2J\x1b]0;pwned\x07\xe2\x80\xaeMA",/' "$sample" >"$W/esc.csv"
  run ts analyze "$W/esc.csv"; rc_is 0 && lacks_bytes out '\x1b' && lacks_bytes out '\xe2\x80\xae' && has out 'MD\u001B[2J'; }
c21b() { run ts analyze --format markdown "$W/esc.csv"; rc_is 0 && lacks_bytes out '\x1b' && lacks_bytes out '\x07'; }
c21c() { run ts analyze --control "$(printf 'X\x1b[2J')" "$W/esc.csv"; rc_is 2 && lacks_bytes err '\x1b' && has err 'X\u001B[2J'; }
c21d() { cp "$study" "$W/mapp1.csv"; printf 'file,command,statistic,expected,compare,tolerance,source\nmapp1.csv,summary,"comparisons[study=MAPP1,treatment=MDMA,control=Placebo].cohens_d.estimate",0.91,abs,,"a\x1b[2J\nPASS forged"\n' >"$W/c21.csv"
  run ts verify "$W/c21.csv"; lacks_bytes out '\x1b' && [ "$(wc -l <"$W/out")" -eq 2 ] || { why="${why:-a forged line}"; return 1; }; }
c21e() { run ts analyze -f json "$W/esc.csv"; rc_is 0 && has out 'MD\u001b[2J'; }
c22a() { printf 'participant_id,arm,visit,week,caps\xe2\x80\x8b_total\nP1,A,baseline,0,40\n' >"$W/zw.csv"; run ts analyze "$W/zw.csv"
  rc_is 3 && has err 'caps\u200B_total'; }
c22b() { { printf 'sep=;\r\n'; sed 's/,/;/g' "$sample"; } >"$W/sep.csv"; run ts analyze "$W/sep.csv"; rc_is 0 && has out "MDMA"; }
c22c() { [ -d /proc/self ] || { skip "no /proc"; return 77; }; run ts analyze -o /proc/x.json "$sample"; rc_is 2 && lacks err "does not exist"; }
c22d() { [ -d /proc/self ] || { skip "no /proc"; return 77; }; run ts verify --junit /proc/r.xml samples/published/expected.csv
  rc_is 2 && has err "--junit" && lacks err "--output" && [ ! -s "$W/out" ] || { why="${why:-report printed before the error}"; return 1; }; }
c22e() { run ts analyze --conf-level 0x1p-1 "$sample"; rc_is 2 && run ts analyze --conf-level 0.95f "$sample" && rc_is 2; }

# ---- What a newcomer trips over ----------------------------------------------------------------------------
c23a() { run ts analyse "$sample"; rc_is 2 && has err "analyze"; }
c23b() { run ts help analyze; rc_is 0 && has out "--control"; }
c23c() { run ts; rc_is 2 && has err "analyze" && has err "summary"; }
c24() { run ts summary samples/published/studies/*.csv; rc_is 0; }
c25a() { run ts analyze -f csv "$sample"; rc_is 0 && head -1 "$W/out" | grep -q ',se,t,df,conf_level,reason' || { why="${why:-no se/t/df/conf_level/reason columns}"; return 1; }; }
c25b() { printf 'study,arm,control,n,change_mean,change_sd\nS,Drug,no,50,-20,1.5\nS,Placebo,yes,50,-12,1.4\n' >"$W/se.csv"
  run ts summary -f csv "$W/se.csv"; rc_is 0 && has err "warning"; }

case_ 1  overwrite  "verify: claim command 'summary -oFILE' writes nothing"            c01
case_ 2  overwrite  "verify --junit onto a data file of the claims: refused"            c02
case_ 3  overwrite  "-o onto a FIFO writes through it; it stays a FIFO"                  c03a
case_ 3  overwrite  "-o /dev/null as root: stays a device"                               c03b
case_ 3  overwrite  "-o onto a symbolic link: followed (link kept) or refused"           c03c
case_ 3  overwrite  "-o over a 0644 file keeps 0644"                                     c03d
case_ 3  overwrite  "-o new file follows the umask (022: 0644)"                          c03e
case_ 3  overwrite  "a stale temporary file of the same target is removed"               c03f
case_ 4  overwrite  "analyze > /dev/full: exit 2"                                        c04
case_ 5  leaks      "claim naming ../../etc/passwd: ERROR, no content shown"             c05a
case_ 5  leaks      "claim naming /proc/self/environ: no environment in report or XML"   c05b
case_ 5  leaks      "claim command 'summary @/etc/passwd': no content shown"             c05c
case_ 6  crashes    "a data file named @trial.csv is analysed"                           c06
case_ 7  crashes    "32 MB file under -Xmx128m: analysed"                                c07a
case_ 7  crashes    "out of memory: exit 4, one line, names TRIALSTAT_JAVA_OPTS"         c07b
case_ 8  crashes    "MMRM, 16 weekly visits x 20 participants: under 10 s"               c08a
case_ 8  crashes    "MMRM, 10,000 visits: no exit 4, under 30 s"                         c08b
case_ 8  crashes    "1,000 arms x 3 participants: no exit 4"                             c08c
case_ 9  crashes    "--id-col '' and mmrm --covariate '': exit 2"                        c09
case_ 10 crashes    "scores of +-1e308 under --scale none: no exit 4"                    c10
case_ 11 crashes    "--conf-level 1e-300: exit 2"                                        c11
case_ 12 crashes    "summary with SD 1e200, means +-1e300: no exit 4"                    c12
case_ 13 crashes    "summary n 500, SD 0.001, difference 10: under 3 s"                  c13
case_ 14 silent     "scores near 1e10, no drop: no responders"                           c14
case_ 15 silent     "summary SD 1e-300: not reported as zero variance"                   c15
case_ 16 silent     "misspelt --week-col: exit 2 listing the columns"                    c16a
case_ 16 silent     "default baseline at week -2: a note"                                c16b
case_ 16 silent     "default endpoint without a week: a note"                            c16c
case_ 17 silent     "rows of a failed MMRM: excluded as model_not_estimable"             c17
case_ 18 silent     "nonresponder, empty endpoint diagnosis: no unknown_diagnosis"       c18
case_ 19 terminal   "summary bad quote: FILE:LINE:COLUMN, no CSVException"               c19a
case_ 19 terminal   "CR-only summary file: the error's own line"                         c19b
case_ 20 terminal   "non-ASCII file name under env -i LC_ALL=C"                          c20
case_ 21 terminal   "escape sequences and bidi override in an arm: table escaped"        c21a
case_ 21 terminal   "the same in Markdown"                                               c21b
case_ 21 terminal   "the same in a message"                                              c21c
case_ 21 terminal   "claims file source with ESC and a line break: no forged line"       c21d
case_ 21 terminal   "JSON keeps the name (its own escaping)"                             c21e
case_ 22 terminal   "zero-width space in a header name: shown escaped"                   c22a
case_ 22 terminal   "Excel sep=; first line honoured"                                    c22b
case_ 22 terminal   "-o /proc/x.json: says what is really wrong"                         c22c
case_ 22 terminal   "--junit error names --junit, before the report"                     c22d
case_ 22 terminal   "--conf-level 0x1p-1 and 0.95f: exit 2"                              c22e
case_ 23 newcomer   "'analyse' suggests analyze"                                         c23a
case_ 23 newcomer   "'help analyze' works"                                               c23b
case_ 23 newcomer   "no arguments: the command list"                                     c23c
case_ 24 newcomer   "summary samples/published/studies/*.csv runs as documented"         c24
case_ 25 newcomer   "tidy CSV has se, t, df, conf_level, reason"                         c25a
case_ 25 newcomer   "summary --format csv: SD-looks-like-SE warning on stderr"           c25b

echo "$((passed + failed + skipped)) cases: $passed passed, $failed failed, $skipped skipped."
[ "$failed" -eq 0 ]
