package org.trialstat.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;

/** Footnote [8] of the comparisons table: how the p values were adjusted ({@code --adjust}). */
final class AdjustmentFootnote {

  private AdjustmentFootnote() {
  }

  /**
   * The adjustment's method; when statistics were adjusted differently (Dunnett: the ANCOVA on its residual
   * df, the MMRM on each contrast's own df), each statistic's method. Null when nothing was adjusted.
   */
  static String of(List<Comparison> comparisons) {
    Map<String, String> methods = new LinkedHashMap<>();
    for (Comparison c : comparisons) {
      for (Effect e : c.effects()) {
        if (e.adjusted() != null) {
          methods.putIfAbsent(e.statistic().label(), e.adjusted().method());
        }
      }
    }
    if (methods.isEmpty()) {
      return null;
    }
    if (new HashSet<>(methods.values()).size() == 1) {
      return "[8] p adj.: " + methods.values().iterator().next() + "; Fisher p (adj. ...) likewise.";
    }
    List<String> each = new ArrayList<>();
    methods.forEach((statistic, method) -> each.add(statistic + ": " + method));
    return "[8] p adj.: " + String.join("; ", each) + ".";
  }
}
