package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trialstat.model.Difference;
import org.trialstat.stats.LinearModel;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.design.Numeric;

/** The ANCOVA of {@code analyze}: change ~ arm + baseline over the completers of all arms. */
final class Ancova {

  private Ancova() {
  }

  /**
   * ANCOVA change ~ arm + baseline over the completers of all arms, control as reference level. The
   * design is built in a canonical order that depends neither on the order of the rows nor on the arm
   * names, so that the QR fit, and the output, are byte-identical for a shuffled or renamed file: rows
   * sorted by participant id, treatment columns ordered by their smallest participant id.
   */
  static Map<String, Difference> fit(Map<String, ArmData> arms, String control, double level) {
    List<String> treatments = arms.keySet().stream().filter(a -> !a.equals(control)).collect(Collectors.toList());
    List<Participant> completers = new ArrayList<>();
    for (ArmData a : arms.values()) {
      completers.addAll(a.completers);
    }
    completers.sort(Comparator.comparing(part -> part.id));
    List<String> columns = new ArrayList<>(treatments);
    columns.sort(Comparator.comparing((String a) -> arms.get(a).completers.isEmpty() ? null
        : arms.get(a).completers.get(0).id, Comparator.nullsLast(Comparator.naturalOrder())));
    int n = completers.size();
    List<String> levels = new ArrayList<>(List.of(control));
    levels.addAll(columns);
    int[] armCode = new int[n];
    double[] baseline = new double[n];
    double[] y = new double[n];
    int[] rows = new int[n];
    for (int row = 0; row < n; row++) {
      Participant part = completers.get(row);
      armCode[row] = levels.indexOf(part.arm);
      baseline[row] = part.baseline.score();
      y[row] = part.endpoint.score() - part.baseline.score();
      rows[row] = row;
    }
    Factor arm = Factor.of("arm", levels, 0, armCode);
    DesignMatrix design = DesignMatrix.of(List.of(new Intercept(), arm, new Numeric("baseline", baseline)), rows);
    String method = "ANCOVA: change ~ arm + baseline (all arms, OLS)";
    Map<String, Difference> out = new LinkedHashMap<>();
    LinearModel fit = n > 0 ? LinearModel.fit(design, y) : null;
    for (String t : treatments) {
      // An arm without completers has an all-zero (treatment) or absorbed (control) design column: say so
      // in words instead of the design's "column j is a linear combination of earlier columns".
      String none = arms.get(t).completers.isEmpty() ? "no completers in arm " + t
          : arms.get(control).completers.isEmpty() ? "no completers in the control arm " + control : null;
      out.put(t, none != null ? Difference.notEstimable(method, level, none)
          : fit.coefficientTest(design.offset(arm) + columns.indexOf(t), level, method));
    }
    return out;
  }
}
