package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Effect;
import org.trialstat.model.Observation;
import org.trialstat.model.Statistic;
import org.trialstat.model.TrialData;
import org.trialstat.stats.binary.StratifiedBinaryAnalysis;
import org.trialstat.stats.binary.StratumTable;

/**
 * The stratified analysis of {@code analyze --strata}: a participant's stratum is the combination of
 * the values of the strata columns (on the baseline row, else the endpoint row), labelled
 * {@code col=value, col=value}; each binary endpoint of each comparison gets the CMH block
 * ({@link StratifiedBinaryAnalysis}) over the strata, in sorted label order.
 */
final class Stratification {

  private Stratification() {
  }

  /**
   * The function giving a participant's stratum label, or null when a strata cell is empty (the
   * participant is then left out of the stratified analysis only).
   */
  static Function<Participant, String> stratumOf(TrialData data, List<String> strata) {
    if (strata.isEmpty()) {
      return p -> null;
    }
    int[] index = strata.stream().mapToInt(s -> data.covariateNames().indexOf(s)).toArray();
    return p -> {
      Observation o = p.baseline != null ? p.baseline : p.endpoint;
      if (o == null) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < index.length; k++) {
        String v = index[k] < 0 ? "" : o.covariates().get(index[k]);
        if (v.isEmpty()) {
          return null;
        }
        parts.add(strata.get(k) + "=" + v);
      }
      return String.join(", ", parts);
    };
  }

  /**
   * The note on participants left out of the stratified analysis for an empty strata cell, or null.
   */
  static String emptyCellNote(List<Participant> participants, Function<Participant, String> stratumOf,
      List<String> strata) {
    if (strata.isEmpty()) {
      return null;
    }
    long empty = participants.stream().filter(p -> stratumOf.apply(p) == null).count();
    return empty == 0 ? null : empty + (empty == 1 ? " participant" : " participants")
        + " with an empty strata cell (" + String.join(", ", strata) + ") left out of the stratified analysis.";
  }

  /** Participant exclusion reason: an empty strata cell (left out of the stratified analysis only). */
  static final String MISSING_STRATA = "missing_strata";

  /** Per arm, the participants with an empty strata cell (arms without any omitted), in first-seen order. */
  static Map<String, Integer> emptyCellCounts(List<Participant> participants, Function<Participant, String> stratumOf,
      List<String> strata) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    if (!strata.isEmpty()) {
      participants.stream().filter(p -> stratumOf.apply(p) == null).forEach(p -> out.merge(p.arm, 1, Integer::sum));
    }
    return out;
  }

  /** The CMH effect of one endpoint, treatment arm t against control c. */
  static Effect effect(BinaryEndpoint e, ArmData t, ArmData c, double level) {
    Map<String, int[]> ts = t.strataCounts.getOrDefault(e, Map.of());
    Map<String, int[]> cs = c.strataCounts.getOrDefault(e, Map.of());
    TreeSet<String> labels = new TreeSet<>(ts.keySet());
    labels.addAll(cs.keySet());
    List<StratumTable> tables = new ArrayList<>();
    int n = 0;
    int[] none = new int[2];
    for (String label : labels) {
      int[] a = ts.getOrDefault(label, none);
      int[] b = cs.getOrDefault(label, none);
      tables.add(new StratumTable(label, a[0], a[1], b[0], b[1]));
      n += a[1] + b[1];
    }
    return new Effect(Statistic.CMH, e.key(), StratifiedBinaryAnalysis.analyze(tables, level), n);
  }
}
