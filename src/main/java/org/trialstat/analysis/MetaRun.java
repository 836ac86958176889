package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstat.model.EggerTest;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.MetaSettings.Model;
import org.trialstat.model.StudyEffect;
import org.trialstat.model.SubgroupTest;
import org.trialstat.stats.meta.EggerRegression;
import org.trialstat.stats.meta.MantelHaenszel;
import org.trialstat.stats.meta.Peto;
import org.trialstat.stats.meta.Pooling;
import org.trialstat.stats.meta.Sensitivity;

/**
 * Pools the candidate studies of {@link MetaAnalysis}: the studies with an estimable effect enter the
 * model of the settings (inverse variance, Mantel-Haenszel or Peto), Egger's test, the subgroups, the
 * leave-one-out and the cumulative refits; the others are listed with their reason.
 */
final class MetaRun {

  /** Subgroup label of a study without a value in the subgroup column. */
  static final String NO_SUBGROUP = "(not given)";

  private MetaRun() {
  }

  static MetaResult run(List<String> files, MetaRequest request, String outcome,
      List<MetaAnalysis.Candidate> candidates, List<String> notes) {
    MetaSettings s = request.settings();
    List<MetaAnalysis.Candidate> in = new ArrayList<>();
    for (MetaAnalysis.Candidate c : candidates) {
      StudyEffect e = c.effect();
      if (e.estimable()) {
        in.add(c);
        if (e.reason() != null) {
          notes.add(e.study() + ": " + e.reason());
        }
      } else {
        notes.add(e.study() + ": left out: " + e.reason());
      }
    }
    double[] y = in.stream().mapToDouble(c -> c.effect().yi()).toArray();
    double[] v = in.stream().mapToDouble(c -> c.effect().vi()).toArray();
    Sensitivity.Fit fit = fit(s, in, y, v);
    int[] all = IntStream.range(0, in.size()).toArray();
    MetaPooled pooled = in.size() < 2 ? MetaPooled.notEstimable(in.size(), s.confLevel(), methodName(s), in.isEmpty()
        ? "no study with an estimable effect" : "k = 1: a meta-analysis needs at least 2 studies with an estimable "
            + "effect") : fit.fit(all);
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - s.confLevel()) / 2);
    List<MetaResult.Study> studies = new ArrayList<>();
    for (MetaAnalysis.Candidate c : candidates) {
      StudyEffect e = c.effect();
      int i = in.indexOf(c);
      double w = i >= 0 && pooled.estimable() ? pooled.weights().get(i) : Double.NaN;
      double half = z * Math.sqrt(e.vi());
      studies.add(new MetaResult.Study(e.study(), e.yi(), e.vi(), w, e.yi() - half, e.yi() + half,
          request.subgroups() ? label(c.subgroup()) : null, c.year(), e.reason()));
    }
    EggerTest egger = EggerRegression.test(y, v, s.confLevel());
    List<MetaResult.Subgroup> subgroups = new ArrayList<>();
    SubgroupTest between = null;
    if (request.subgroups()) {
      String[] group = in.stream().map(c -> label(c.subgroup())).toArray(String[]::new);
      for (Map.Entry<String, MetaPooled> g : Sensitivity.subgroups(fit, group).entrySet()) {
        subgroups.add(new MetaResult.Subgroup(g.getKey(), g.getValue()));
      }
      between = Sensitivity.between(subgroups.stream().map(MetaResult.Subgroup::pooled).toList());
    }
    List<MetaResult.Omitted> omitted = new ArrayList<>();
    if (request.leaveOneOut() && in.size() >= 2) {
      List<MetaPooled> l = Sensitivity.leaveOneOut(fit, in.size());
      for (int i = 0; i < l.size(); i++) {
        omitted.add(new MetaResult.Omitted(in.get(i).effect().study(), l.get(i)));
      }
    }
    List<MetaResult.Step> steps = new ArrayList<>();
    if (request.cumulative() && !in.isEmpty()) {
      Integer[] order = new Integer[in.size()];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparingDouble(i -> year(in.get(i).year()))); // stable: ties keep order
      if (in.stream().anyMatch(c -> Double.isNaN(year(c.year())))) {
        notes.add("cumulative: studies without a numeric year come last, in input order");
      }
      int[] idx = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
      List<MetaPooled> cum = Sensitivity.cumulative(fit, idx);
      for (int i = 0; i < idx.length; i++) {
        MetaAnalysis.Candidate c = in.get(idx[i]);
        steps.add(new MetaResult.Step(c.effect().study(), c.year(), cum.get(i)));
      }
    }
    return new MetaResult(files, s, outcome, studies, pooled, egger, subgroups, between, omitted, steps, notes);
  }

  private static Sensitivity.Fit fit(MetaSettings s, List<MetaAnalysis.Candidate> in, double[] y, double[] v) {
    if (s.model() == Model.MH || s.model() == Model.PETO) {
      int[][] t = in.stream().map(MetaAnalysis.Candidate::counts).toArray(int[][]::new);
      int[] a = column(t, 0);
      int[] n1 = column(t, 1);
      int[] c = column(t, 2);
      int[] n2 = column(t, 3);
      if (s.model() == Model.PETO) {
        return idx -> Peto.pool(Sensitivity.pick(a, idx), Sensitivity.pick(n1, idx), Sensitivity.pick(c, idx),
            Sensitivity.pick(n2, idx), s.confLevel());
      }
      MantelHaenszel mh = MantelHaenszel.valueOf(s.measure().name());
      return idx -> mh.pool(Sensitivity.pick(a, idx), Sensitivity.pick(n1, idx), Sensitivity.pick(c, idx),
          Sensitivity.pick(n2, idx), s.confLevel());
    }
    return Sensitivity.inverseVariance(new Pooling(s), y, v);
  }

  private static String methodName(MetaSettings s) {
    return switch (s.model()) {
      case MH -> MantelHaenszel.valueOf(s.measure().name()).methodName();
      case PETO -> Peto.METHOD;
      default -> new Pooling(s).methodName();
    };
  }

  private static int[] column(int[][] t, int j) {
    return Arrays.stream(t).mapToInt(r -> r[j]).toArray();
  }

  private static String label(String subgroup) {
    return subgroup == null ? NO_SUBGROUP : subgroup;
  }

  private static double year(String year) {
    if (year == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(year.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Four significant digits, for notes. */
  static String g(double x) {
    return SummaryAnalysis.g(x);
  }
}
