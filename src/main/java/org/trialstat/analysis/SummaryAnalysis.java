package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.Statistic;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Proportion;
import org.trialstat.model.SummaryInput;
import org.trialstat.model.SummaryResult;
import org.trialstat.stats.BinaryEndpointComparison;
import org.trialstat.stats.MeanDifferenceTest;
import org.trialstat.stats.StandardizedMeanDifference;

/**
 * The arm-level analysis of {@code trialstat summary}: the same statistics as {@code analyze}, computed
 * from each arm's published n, mean change and spread, and event counts.
 *
 * <ul>
 *   <li>The SD of the change is taken from {@code change_sd}, else from {@code change_se}
 *       ({@code SD = SE * sqrt(n)}), else from the CI ({@code SE = (upper - lower) / (2 t(1 - (1 - L)/2,
 *       n - 1))} at {@code --input-ci-level} L, then {@code SD = SE * sqrt(n)}), Cochrane Handbook
 *       6.5.2.2; each conversion is stated, with its numbers, in the arm's {@code conversion} (the
 *       tables print it as a footnote).
 *   <li>Welch and Student t tests, Cohen's d and Hedges' g from (n, mean, SD) of each arm; Wilson rates,
 *       Newcombe risk difference, RR, OR, NNT and Fisher's p from the counts.
 *   <li>An SD that looks like an SE is warned about (never changed): see {@link #SD_LOOKS_LIKE_SE_WITHIN}
 *       and {@link #SD_LOOKS_LIKE_SE_BETWEEN}.
 * </ul>
 */
public final class SummaryAnalysis {

  /**
   * Warning threshold for one arm: |mean change| / SD above this. A standardized within-arm change of
   * 4 is rarely seen in PTSD trials (MAPP1 reports 2.1 for MDMA); SEs taken as SDs give values of 10 or
   * more (MAPP2: 23.7 / 1.66 = 14.3).
   */
  public static final double SD_LOOKS_LIKE_SE_WITHIN = 4;

  /**
   * Warning threshold for a comparison: |Cohen's d| above this. Between-arm d above 3 is far beyond
   * any published psychiatric treatment effect; MAPP2's SEs taken as SDs give d = 5.2.
   */
  public static final double SD_LOOKS_LIKE_SE_BETWEEN = 3;

  private SummaryAnalysis() {
  }

  /**
   * Analyses every study of every file.
   *
   * @throws InvalidOptionException when {@code --control} names an arm that a multi-arm study lacks, or
   *                                no control can be found for a study
   * @throws DataException          when a study name appears in two files
   */
  public static SummaryResult analyze(List<SummaryInput> inputs, SummaryRequest request) {
    List<SummaryResult.Study> studies = new ArrayList<>();
    Map<String, String> studyFile = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (SummaryInput in : inputs) {
      files.add(in.source());
      Map<String, List<SummaryInput.Row>> byStudy = new LinkedHashMap<>();
      for (SummaryInput.Row r : in.rows()) {
        byStudy.computeIfAbsent(r.study(), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<String, List<SummaryInput.Row>> e : byStudy.entrySet()) {
        String previous = studyFile.putIfAbsent(e.getKey(), in.source());
        if (previous != null) {
          throw new DataException(in.source(), e.getValue().get(0).line(), 0, "study '" + e.getKey()
              + "' also appears in " + previous + ": give each study a unique name");
        }
        studies.add(study(in.source(), e.getKey(), e.getValue(), request));
      }
    }
    return new SummaryResult(files, request.confLevel(), request.inputCiLevel(), studies);
  }

  private static SummaryResult.Study study(String file, String name, List<SummaryInput.Row> rows,
      SummaryRequest request) {
    SummaryInput.Row first = rows.get(0);
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (first.note() != null) {
      notes.add(first.note());
    }
    String control = control(file, name, rows, request.control());
    double level = request.confLevel();

    List<SummaryResult.Arm> arms = new ArrayList<>();
    for (SummaryInput.Row r : rows) {
      arms.add(SummaryArm.of(r, r.arm().equals(control), request, notes, warnings));
    }
    List<Comparison> comparisons = new ArrayList<>();
    if (rows.size() == 1) {
      notes.add("Single group (" + first.arm() + "): per-arm results only, no comparison.");
    } else {
      SummaryInput.Row c = rows.stream().filter(r -> r.arm().equals(control)).findFirst().orElseThrow();
      SummaryResult.Arm ca = arms.get(rows.indexOf(c));
      for (int i = 0; i < rows.size(); i++) {
        SummaryInput.Row t = rows.get(i);
        if (t == c) {
          continue;
        }
        comparisons.add(compare(arms.get(i), ca, level, notes, warnings));
      }
    }
    return new SummaryResult.Study(file, name, first.authors(), first.year(), first.design(), rows.size() == 1 ? null
        : control, arms, comparisons, notes, warnings);
  }

  private static String control(String file, String study, List<SummaryInput.Row> rows, String requested) {
    List<String> armNames = rows.stream().map(SummaryInput.Row::arm).collect(Collectors.toList());
    if (rows.size() == 1) {
      return null;
    }
    if (requested != null) {
      if (armNames.contains(requested)) {
        return requested;
      }
      throw new InvalidOptionException(String.format(Locale.ROOT,
          "--control: study '%s' (%s) has no arm '%s'; its arms: %s", study, file, requested,
          String.join(", ", armNames)));
    }
    for (SummaryInput.Row r : rows) {
      if (Boolean.TRUE.equals(r.control())) {
        return r.arm();
      }
    }
    List<String> matches = armNames.stream().filter(a -> TrialAnalysis.CONTROL_NAME.matcher(a).find())
        .collect(Collectors.toList());
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String why = rows.get(0).control() != null ? "no row has control = yes"
        : matches.isEmpty() ? "no control column, and no arm is named like placebo, control, sham or comparator"
            : "no control column, and several arms are named like a control: " + String.join(", ", matches);
    // A usage error (exit 2) in every command: the data are fine, the option that decides is missing.
    throw new InvalidOptionException(String.format(Locale.ROOT,
        "%s:%d: study '%s': cannot tell which arm is the control (%s); mark it with control = yes or use "
            + "--control; its arms: %s", file, rows.get(0).line(), study, why, String.join(", ", armNames)));
  }

  private static Comparison compare(SummaryResult.Arm t, SummaryResult.Arm c, double level, List<String> notes, List<String> warnings) {
    String name = t.arm() + " vs " + c.arm();
    Difference welch = null;
    Difference student = null;
    Estimate d = null;
    Estimate g = null;
    MeanSummary ct = t.change();
    MeanSummary cc = c.change();
    if (ct != null && cc != null) {
      welch = MeanDifferenceTest.WELCH.fromSummary(ct.n(), ct.mean(), ct.sd(), cc.n(), cc.mean(), cc.sd(), level);
      student = MeanDifferenceTest.STUDENT.fromSummary(ct.n(), ct.mean(), ct.sd(), cc.n(), cc.mean(), cc.sd(), level);
      d = StandardizedMeanDifference.COHENS_D.compute(ct.n(), ct.mean(), ct.sd(), cc.n(), cc.mean(), cc.sd(), level);
      g = StandardizedMeanDifference.HEDGES_G.compute(ct.n(), ct.mean(), ct.sd(), cc.n(), cc.mean(), cc.sd(), level);
      String asymptotic = asymptoticNote(name, d);
      if (asymptotic != null) {
        notes.add(asymptotic);
      }
      if (d.estimable() && Math.abs(d.estimate()) > SD_LOOKS_LIKE_SE_BETWEEN) {
        warnings.add(String.format(Locale.ROOT,
            "%s: Cohen's d = %s is implausibly large (|d| > %s): do the SDs (%s, %s) look like SEs? "
                + "SD = SE x sqrt(n).", name, Math.abs(d.estimate()) < 1e6 ? String.format(Locale.ROOT, "%.2f", d.estimate())
                : g(d.estimate()), g(SD_LOOKS_LIKE_SE_BETWEEN), g(ct.sd()), g(cc.sd())));
      }
    } else if (ct != null || cc != null) {
      String reason = "change not reported for " + (ct == null ? t.arm() : c.arm());
      welch = Difference.notEstimable(MeanDifferenceTest.WELCH.methodName(), level, reason);
      student = Difference.notEstimable(MeanDifferenceTest.STUDENT.methodName(), level, reason);
      d = Estimate.notEstimable(level, StandardizedMeanDifference.COHENS_D.methodName(), reason);
      g = Estimate.notEstimable(level, StandardizedMeanDifference.HEDGES_G.methodName(), reason);
    }
    List<Effect> effects = new ArrayList<>();
    if (welch != null) {
      int n = (ct == null ? 0 : ct.n()) + (cc == null ? 0 : cc.n());
      effects.add(new Effect(Statistic.WELCH, Effect.CHANGE, welch, n));
      effects.add(new Effect(Statistic.STUDENT, Effect.CHANGE, student, n));
      effects.add(new Effect(Statistic.COHENS_D, Effect.CHANGE, d, n));
      effects.add(new Effect(Statistic.HEDGES_G, Effect.CHANGE, g, n));
    }
    for (BinaryEndpoint e : BinaryEndpoint.values()) {
      Proportion pt = t.rate(e);
      Proportion pc = c.rate(e);
      if (pt != null && pc != null) {
        effects.addAll(BinaryEndpointComparison.compare(e, pt.events(), pt.n(), pc.events(), pc.n(), level).effects());
      } else if (pt != null || pc != null) {
        notes.add(String.format(Locale.ROOT, "%s reported for %s only: no %s comparison.", e.label(),
            pt != null ? t.arm() : c.arm(), name));
      }
    }
    return new Comparison(t.arm(), c.arm(), effects);
  }

  /**
   * The note for d and g whose CIs come from the normal approximation (the method name says so, and the
   * tables' footnote names the noncentral t), or null.
   */
  static String asymptoticNote(String comparison, Estimate d) {
    if (d == null || !d.method().equals(StandardizedMeanDifference.COHENS_D.asymptoticMethodName())) {
      return null;
    }
    return comparison + ": the CIs of d and g come from the normal approximation to the noncentral t "
        + "(Abramowitz and Stegun 26.7.10, as R's pt uses there): the exact inversion is out of its range "
        + "(df > 400000, or |t| or a limit's noncentrality near 10000).";
  }

  /** Four significant digits, for notes. */
  static String g(double x) {
    if (!Double.isFinite(x)) {
      return "n/e";
    }
    String s = String.format(Locale.ROOT, "%.4g", x);
    if (s.contains("e") || s.contains("E")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
    return s;
  }
}
