package org.trialstat.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

  private static final Set<String> KNOWN = Set.of("study", "arm", "n", "randomized", "control", "change_mean",
      "change_sd", "change_se", "change_ci_low", "change_ci_high", "change_from_model", "baseline_mean",
      "baseline_sd", "authors", "year", "design", "note");

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
    String file = t.file;
    checkHeader(t);
    int study = t.requireColumn("study", "the study name on every row");
    int arm = t.requireColumn("arm", "the arm name");
    int n = t.requireColumn("n", "participants behind the arm's numbers");
    int randomized = t.column("randomized");
    int control = t.column("control");
    int mean = t.column("change_mean");
    int sd = t.column("change_sd");
    int se = t.column("change_se");
    int lo = t.column("change_ci_low");
    int hi = t.column("change_ci_high");
    int model = t.column("change_from_model");
    int bMean = t.column("baseline_mean");
    int bSd = t.column("baseline_sd");
    int authors = t.column("authors");
    int year = t.column("year");
    int design = t.column("design");
    int note = t.column("note");
    if ((lo < 0) != (hi < 0)) {
      throw new DataException(file, t.headerLine, 0, "the header has " + (lo < 0 ? "change_ci_high" : "change_ci_low")
          + " but not " + (lo < 0 ? "change_ci_low" : "change_ci_high") + ": a CI needs both limits");
    }
    Map<BinaryEndpoint, int[]> endpointColumns = new LinkedHashMap<>();
    for (BinaryEndpoint e : BinaryEndpoint.values()) {
      int ev = t.column(e.key() + "_events");
      int en = t.column(e.key() + "_n");
      if (ev < 0 && en >= 0) {
        throw new DataException(file, t.headerLine, en + 1, "column " + e.key() + "_n without " + e.key()
            + "_events: add the event counts");
      }
      if (ev >= 0) {
        endpointColumns.put(e, new int[] {ev, en});
      }
    }
    if (mean < 0 && endpointColumns.isEmpty()) {
      throw new DataException(file, t.headerLine, 0, "nothing to analyse: expected change_mean or an E_events column "
          + "(E = response, loss_of_diagnosis, remission); the header has: " + t.headerText());
    }

    List<SummaryInput.Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Long> controlRow = new HashMap<>();
    Map<String, String[]> labels = new HashMap<>();
    for (DelimitedText.Record r : t.records) {
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
      int nv = t.count(r, n, "n");
      if (nv < 1) {
        throw r.error(file, n, "column n: expected the number of participants (1 or more), got "
            + DelimitedText.quote(r.cell(n)));
      }
      int rand = t.count(r, randomized, "randomized");
      if (rand == 0) {
        throw r.error(file, randomized, "column randomized: expected 1 or more, got 0");
      }
      double m = t.number(r, mean, "change_mean");
      double sdv = t.nonNegative(r, sd, "change_sd");
      double sev = t.nonNegative(r, se, "change_se");
      double lov = t.number(r, lo, "change_ci_low");
      double hiv = t.number(r, hi, "change_ci_high");
      if (Double.isNaN(lov) != Double.isNaN(hiv)) {
        int missing = Double.isNaN(lov) ? lo : hi;
        throw r.error(file, missing, "a CI needs both limits: "
            + (Double.isNaN(lov) ? "change_ci_low" : "change_ci_high") + " is empty");
      }
      if (lov > hiv) {
        throw r.error(file, hi, "change_ci_high (" + r.cell(hi) + ") is below change_ci_low ("
            + r.cell(lo) + ")");
      }
      if (!Double.isNaN(m) && !Double.isNaN(lov) && (m < lov || m > hiv)) {
        throw r.error(file, mean, "change_mean " + r.cell(mean) + " lies outside its CI ("
            + r.cell(lo) + ", " + r.cell(hi) + "); are the columns swapped?");
      }
      boolean fromModel = model >= 0 && bool(t, r, model, "change_from_model", false);
      double bm = t.number(r, bMean, "baseline_mean");
      double bs = t.nonNegative(r, bSd, "baseline_sd");
      Boolean isControl = null;
      if (control >= 0) {
        isControl = bool(t, r, control, "control", false);
        if (isControl) {
          Long other = controlRow.putIfAbsent(s, r.line());
          if (other != null) {
            throw r.error(file, control, "study " + DelimitedText.quote(s)
                + " has a second control row (the first is on line " + other + "): mark one arm per study");
          }
        }
      }
      List<SummaryInput.Events> events = new ArrayList<>();
      for (Map.Entry<BinaryEndpoint, int[]> e : endpointColumns.entrySet()) {
        String key = e.getKey().key();
        int ev = t.count(r, e.getValue()[0], key + "_events");
        if (ev < 0) {
          continue;
        }
        int en = t.count(r, e.getValue()[1], key + "_n");
        if (en == 0) {
          throw new DataException(file, r.line(), e.getValue()[1] + 1, "column " + key + "_n: expected 1 or more, got 0");
        }
        int denominator = en < 0 ? nv : en;
        if (ev > denominator) {
          throw new DataException(file, r.line(), e.getValue()[0] + 1, String.format(Locale.ROOT,
              "column %s_events: %d events exceed the denominator %d (%s)", key, ev, denominator,
              en < 0 ? "column n; give " + key + "_n when the denominator differs" : key + "_n"));
        }
        events.add(new SummaryInput.Events(e.getKey(), ev, denominator));
      }
      String[] lab = {label(t, r, authors), label(t, r, year), label(t, r, design), label(t, r, note)};
      String[] names = {"authors", "year", "design", "note"};
      int[] cols = {authors, year, design, note};
      String[] known = labels.computeIfAbsent(s, k -> new String[4]);
      for (int i = 0; i < 4; i++) {
        if (lab[i] == null) {
          continue;
        }
        if (known[i] == null) {
          known[i] = lab[i];
        } else if (!known[i].equals(lab[i])) {
          throw new DataException(file, r.line(), cols[i] + 1, "study " + DelimitedText.quote(s) + ": column "
              + names[i] + " is " + DelimitedText.quote(lab[i]) + " here but " + DelimitedText.quote(known[i])
              + " on an earlier row (a study-level label: write it once or the same on every row)");
        }
      }
      rows.add(new SummaryInput.Row(r.line(), s, a, nv, rand, m, sdv, sev, lov, hiv, fromModel, bm, bs, isControl,
          events, null, null, null, null));
    }
    if (rows.isEmpty()) {
      throw new DataException(file, t.headerLine, 0, "no data rows after the header");
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
    Set<String> allowed = new HashSet<>(KNOWN);
    for (BinaryEndpoint e : BinaryEndpoint.values()) {
      allowed.add(e.key() + "_events");
      allowed.add(e.key() + "_n");
    }
    for (int i = 0; i < t.header.size(); i++) {
      String h = t.header.get(i);
      boolean suspicious = h.startsWith("change_") || h.startsWith("baseline_") || h.endsWith("_events")
          || (h.endsWith("_n") && !h.equals("n"));
      if (suspicious && !allowed.contains(h)) {
        List<String> endpoints = new ArrayList<>();
        for (BinaryEndpoint e : BinaryEndpoint.values()) {
          endpoints.add(e.key());
        }
        throw new DataException(t.file, t.headerLine, i + 1, "unknown column '" + h + "'; change columns: change_mean, "
            + "change_sd, change_se, change_ci_low, change_ci_high, change_from_model; baseline_mean, baseline_sd; "
            + "endpoint columns E_events and E_n for E in " + String.join(", ", endpoints));
      }
    }
  }

  private static boolean bool(DelimitedText t, DelimitedText.Record r, int column, String name, boolean empty) {
    String c = r.cell(column).toLowerCase(Locale.ROOT);
    switch (c) {
      case "":
        return empty;
      case "yes": case "y": case "true": case "1":
        return true;
      case "no": case "n": case "false": case "0":
        return false;
      default:
        throw r.error(t.file, column, "column " + name
            + ": expected yes/no, true/false or 1/0, got " + DelimitedText.quote(r.cell(column)));
    }
  }

  private static String label(DelimitedText t, DelimitedText.Record r, int column) {
    return column < 0 ? null : DelimitedText.text(r.cell(column));
  }
}
