package org.trialstat.report;

import java.util.List;
import java.util.Locale;
import org.trialstat.model.ClaimResult;
import org.trialstat.model.ClaimResult.Status;
import org.trialstat.model.Printable;

/** The outputs of {@code trialstat verify}: one line per claim, and a JUnit XML report. */
public final class ClaimReport {

  private ClaimReport() {
  }

  /**
   * One line per claim, then a count:
   * {@code PASS expected.csv:2 comparisons[...].cohens_d.estimate: |-0.909371| = 0.909371 in [0.905, 0.915)
   * (published 0.91; Mitchell et al. 2021)}.
   */
  public static String text(List<ClaimResult> results) {
    StringBuilder sb = new StringBuilder();
    for (ClaimResult r : results) {
      sb.append(line(r)).append('\n');
    }
    sb.append(summary(results)).append('\n');
    return sb.toString();
  }

  /**
   * The line of one claim, every control, line-break, bidi and invisible character of the claims file
   * (file names, statistics, sources, messages) shown as an escape ({@link Printable}).
   */
  public static String line(ClaimResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-5s ", r.status())).append(r.claim().claimsFile()).append(':')
        .append(r.claim().line()).append(' ').append(r.claim().file()).append(' ').append(r.claim().statistic())
        .append(": ").append(r.message());
    sb.append(" (published ").append(r.claim().expected());
    if (r.claim().source() != null) {
      sb.append("; ").append(r.claim().source());
    }
    return Printable.escape(sb.append(')').toString());
  }

  /** "12 claims: 11 passed, 1 failed, 0 errors." */
  public static String summary(List<ClaimResult> results) {
    return String.format(Locale.ROOT, "%d claims: %d passed, %d failed, %d errors.", results.size(),
        count(results, Status.PASS), count(results, Status.FAIL), count(results, Status.ERROR));
  }

  /**
   * A JUnit XML report (the schema read by Jenkins, GitLab and GitHub test reporters): one
   * {@code testsuite} named after the claims file, one {@code testcase} per claim with a {@code failure}
   * (claim not reproduced) or {@code error} (claim not checkable) child. No timestamps, so the report is
   * reproducible.
   */
  public static String junit(String claimsFile, List<ClaimResult> results) {
    int failures = count(results, Status.FAIL);
    int errors = count(results, Status.ERROR);
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String counts = " tests=\"" + results.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
    sb.append("<testsuites name=\"trialstat verify\"").append(counts).append(">\n");
    sb.append("  <testsuite name=\"").append(xml(Printable.escape(claimsFile))).append('"').append(counts)
        .append(" skipped=\"0\">\n");
    for (ClaimResult r : results) {
      String name = Printable.escape("line " + r.claim().line() + ": " + r.claim().statistic());
      sb.append("    <testcase classname=\"").append(xml(Printable.escape(r.claim().file()))).append("\" name=\"").append(xml(name))
          .append('"');
      if (r.status() == Status.PASS) {
        sb.append(">\n      <system-out>").append(xml(line(r))).append("</system-out>\n    </testcase>\n");
        continue;
      }
      String element = r.status() == Status.FAIL ? "failure" : "error";
      String type = r.status() == Status.FAIL ? "ClaimNotReproduced" : "ClaimNotCheckable";
      sb.append(">\n      <").append(element).append(" message=\"").append(xml(Printable.escape(r.message()))).append("\" type=\"")
          .append(type).append("\">").append(xml(line(r))).append("</").append(element).append(">\n    </testcase>\n");
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }

  private static int count(List<ClaimResult> results, Status s) {
    return (int) results.stream().filter(r -> r.status() == s).count();
  }

  /** Escapes text for XML content and attributes, line breaks and tabs as character references. */
  static String xml(String s) {
    return Xml.WHITESPACE_AS_REFERENCES.escape(s);
  }
}
