package org.trialstat.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.SummaryInput;

/**
 * Reads an arm-level summary file of {@code trialstat summary}: one row per study arm.
 *
 * <p>Columns (names ignore case; order is free; other columns, such as {@code source}, are ignored):
 * <ul>
 *   <li>required: {@code study}, {@code arm}, {@code n};
 *   <li>change from baseline: {@code change_mean} and one of {@code change_sd}, {@code change_se} or
 *       {@code change_ci_low} + {@code change_ci_high}; {@code change_from_model} (yes/no) marks a
 *       model-based mean and CI (for example LS means);
 *   <li>optional: {@code baseline_mean}, {@code baseline_sd}, {@code randomized}, {@code control}
 *       (yes/no, true/false, 1/0; yes on the control row of a study), and the study-level labels
 *       {@code authors}, {@code year}, {@code design}, {@code note};
 *   <li>binary endpoints E in {@code response}, {@code loss_of_diagnosis}, {@code remission}:
 *       {@code E_events}, and {@code E_n} when the denominator differs from {@code n}.
 * </ul>
 * Empty cells (and {@code NA}, {@code N/A}, {@code NR}) mean "not reported". The dialect is that of the
 * trial reader (see {@code docs/usage.md}); every error names the file, line and column.
 */
public final class SummaryCsvReader {

  /** The optional columns other than the endpoint columns, in the order they are checked. */
  private static final String[] OPTIONAL = {"randomized", "control", "change_mean", "change_sd", "change_se",
      "change_ci_low", "change_ci_high", "change_from_model", "baseline_mean", "baseline_sd", "authors", "year",
      "design", "note"};
  /** The study-level labels, in the order of {@link SummaryInput.Row}'s label components. */
  private static final String[] LABELS = {"authors", "year", "design", "note"};

  private SummaryCsvReader() {
  }

  /**
   * Reads and validates one summary file.
   *
   * @param path        the file
   * @param displayName the name used in messages and output
   * @throws DataException on any problem, naming line and column
   */
  public static SummaryInput read(Path path, String displayName) {
    return parse(DelimitedText.read(path, displayName));
  }

  /** Reads a summary file from text (tests). */
  public static SummaryInput parse(String text, String displayName) {
    return parse(DelimitedText.parse(text, displayName));
  }

  private static SummaryInput parse(DelimitedText t) {
    String file = t.file();
    checkHeader(t);
    int study = t.requireColumn("study", "the study name on every row");
    int arm = t.requireColumn("arm", "the arm name");
    int n = t.requireColumn("n", "participants behind the arm's numbers");
    t.checkOnce(OPTIONAL);
    if (t.has("change_ci_low") != t.has("change_ci_high")) {
      boolean low = t.has("change_ci_low");
      throw new DataException(file, t.headerLine(), 0, "the header has " + (low ? "change_ci_low" : "change_ci_high")
          + " but not " + (low ? "change_ci_high" : "change_ci_low") + ": a CI needs both limits");
    }
    List<BinaryEndpoint> endpoints = new ArrayList<>();
    for (BinaryEndpoint e : BinaryEndpoint.values()) {
      boolean events = t.has(e.key() + "_events");
      int en = t.column(e.key() + "_n");
      if (!events && en >= 0) {
        throw new DataException(file, t.headerLine(), en + 1, "column " + e.key() + "_n without " + e.key()
            + "_events: add the event counts");
      }
      if (events) {
        endpoints.add(e);
      }
    }
    if (!t.has("change_mean") && endpoints.isEmpty()) {
      throw new DataException(file, t.headerLine(), 0, "nothing to analyse: expected change_mean or an E_events column "
          + "(E = response, loss_of_diagnosis, remission); the header has: " + t.headerText());
    }

    List<SummaryInput.Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Long> controlRow = new HashMap<>();
    Map<String, String[]> labels = new HashMap<>();
    for (DelimitedText.Record r : t.records()) {
      String s = r.cell(study);
      String a = r.cell(arm);
      if (s.isEmpty()) {
        throw r.error(file, study, "empty study name: every row needs one");
      }
      if (a.isEmpty()) {
        throw r.error(file, arm, "empty arm name: every row needs one");
      }
      if (!seen.add(s + "\u0000" + a)) {
        throw r.error(file, arm, "study " + DelimitedText.quote(s) + " has arm "
            + DelimitedText.quote(a) + " twice");
      }
      int nv = t.count(r, "n");
      if (nv < 1) {
        throw r.error(file, n, "column n: expected the number of participants (1 or more), got "
            + DelimitedText.quote(r.cell(n)));
      }
      int rand = t.count(r, "randomized");
      if (rand == 0) {
        throw t.error(r, "randomized", "column randomized: expected 1 or more, got 0");
      }
      double m = t.number(r, "change_mean");
      double sdv = t.nonNegative(r, "change_sd");
      double sev = t.nonNegative(r, "change_se");
      double lov = t.number(r, "change_ci_low");
      double hiv = t.number(r, "change_ci_high");
      if (Double.isNaN(lov) != Double.isNaN(hiv)) {
        String missing = Double.isNaN(lov) ? "change_ci_low" : "change_ci_high";
        throw t.error(r, missing, "a CI needs both limits: " + missing + " is empty");
      }
      if (lov > hiv) {
        throw t.error(r, "change_ci_high", "change_ci_high (" + t.cell(r, "change_ci_high")
            + ") is below change_ci_low (" + t.cell(r, "change_ci_low") + ")");
      }
      if (!Double.isNaN(m) && !Double.isNaN(lov) && (m < lov || m > hiv)) {
        throw t.error(r, "change_mean", "change_mean " + t.cell(r, "change_mean") + " lies outside its CI ("
            + t.cell(r, "change_ci_low") + ", " + t.cell(r, "change_ci_high") + "); are the columns swapped?");
      }
      boolean fromModel = t.has("change_from_model") && bool(t, r, "change_from_model", false);
      double bm = t.number(r, "baseline_mean");
      double bs = t.nonNegative(r, "baseline_sd");
      Boolean isControl = null;
      if (t.has("control")) {
        isControl = bool(t, r, "control", false);
        if (isControl) {
          Long other = controlRow.putIfAbsent(s, r.line());
          if (other != null) {
            throw t.error(r, "control", "study " + DelimitedText.quote(s)
                + " has a second control row (the first is on line " + other + "): mark one arm per study");
          }
        }
      }
      List<SummaryInput.Events> events = new ArrayList<>();
      for (BinaryEndpoint e : endpoints) {
        String key = e.key();
        int ev = t.count(r, key + "_events");
        if (ev < 0) {
          continue;
        }
        int en = t.count(r, key + "_n");
        if (en == 0) {
          throw new DataException(file, r.line(), t.column(key + "_n") + 1, "column " + key + "_n: expected 1 or more, got 0");
        }
        int denominator = en < 0 ? nv : en;
        if (ev > denominator) {
          throw new DataException(file, r.line(), t.column(key + "_events") + 1, String.format(Locale.ROOT,
              "column %s_events: %d events exceed the denominator %d (%s)", key, ev, denominator,
              en < 0 ? "column n; give " + key + "_n when the denominator differs" : key + "_n"));
        }
        events.add(new SummaryInput.Events(e, ev, denominator));
      }
      String[] known = labels.computeIfAbsent(s, k -> new String[LABELS.length]);
      for (int i = 0; i < LABELS.length; i++) {
        String label = t.text(r, LABELS[i]);
        if (label == null) {
          continue;
        }
        if (known[i] == null) {
          known[i] = label;
        } else if (!known[i].equals(label)) {
          throw new DataException(file, r.line(), t.column(LABELS[i]) + 1, "study " + DelimitedText.quote(s)
              + ": column " + LABELS[i] + " is " + DelimitedText.quote(label) + " here but "
              + DelimitedText.quote(known[i]) + " on an earlier row (a study-level label: write it once or the same"
              + " on every row)");
        }
      }
      rows.add(new SummaryInput.Row(r.line(), s, a, nv, rand, m, sdv, sev, lov, hiv, fromModel, bm, bs, isControl,
          events, null, null, null, null));
    }
    if (rows.isEmpty()) {
      throw new DataException(file, t.headerLine(), 0, "no data rows after the header");
    }
    // Study-level labels, wherever they were written, on every row of the study.
    List<SummaryInput.Row> out = new ArrayList<>();
    for (SummaryInput.Row r : rows) {
      String[] l = labels.get(r.study());
      out.add(new SummaryInput.Row(r.line(), r.study(), r.arm(), r.n(), r.randomized(), r.changeMean(), r.changeSd(),
          r.changeSe(), r.changeCiLow(), r.changeCiHigh(), r.changeFromModel(), r.baselineMean(), r.baselineSd(),
          r.control(), r.events(), l[0], l[1], l[2], l[3]));
    }
    return new SummaryInput(file, out);
  }

  /** Unknown columns are ignored, except ones that look like a misspelt change or endpoint column. */
  private static void checkHeader(DelimitedText t) {
    Set<String> allowed = new HashSet<>(List.of(OPTIONAL));
    allowed.addAll(List.of("study", "arm", "n"));
    for (BinaryEndpoint e : BinaryEndpoint.values()) {
      allowed.add(e.key() + "_events");
      allowed.add(e.key() + "_n");
    }
    for (int i = 0; i < t.header().size(); i++) {
      String h = t.header().get(i);
      boolean suspicious = h.startsWith("change_") || h.startsWith("baseline_") || h.endsWith("_events")
          || (h.endsWith("_n") && !h.equals("n"));
      if (suspicious && !allowed.contains(h)) {
        List<String> endpoints = new ArrayList<>();
        for (BinaryEndpoint e : BinaryEndpoint.values()) {
          endpoints.add(e.key());
        }
        throw new DataException(t.file(), t.headerLine(), i + 1, "unknown column '" + h + "'; change columns: change_mean, "
            + "change_sd, change_se, change_ci_low, change_ci_high, change_from_model; baseline_mean, baseline_sd; "
            + "endpoint columns E_events and E_n for E in " + String.join(", ", endpoints));
      }
    }
  }

  private static boolean bool(DelimitedText t, DelimitedText.Record r, String name, boolean empty) {
    String c = t.cell(r, name).toLowerCase(Locale.ROOT);
    switch (c) {
      case "":
        return empty;
      case "yes": case "y": case "true": case "1":
        return true;
      case "no": case "n": case "false": case "0":
        return false;
      default:
        throw t.error(r, name, "column " + name
            + ": expected yes/no, true/false or 1/0, got " + DelimitedText.quote(t.cell(r, name)));
    }
  }
}
