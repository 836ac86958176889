package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trialstat.model.Difference;
import org.trialstat.stats.LinearModel;

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
    int p = 2 + treatments.size();
    double[][] x = new double[n][p];
    double[] y = new double[n];
    for (int row = 0; row < n; row++) {
      Participant part = completers.get(row);
      int col = columns.indexOf(part.arm);
      x[row][0] = 1;
      if (col >= 0) {
        x[row][1 + col] = 1;
      }
      x[row][p - 1] = part.baseline.score();
      y[row] = part.endpoint.score() - part.baseline.score();
    }
    String method = "ANCOVA: change ~ arm + baseline (all arms, OLS)";
    Map<String, Difference> out = new LinkedHashMap<>();
    LinearModel fit = n > 0 ? LinearModel.fit(x, y) : null;
    for (String t : treatments) {
      // An arm without completers has an all-zero (treatment) or absorbed (control) design column: say so
      // in words instead of the design's "column j is a linear combination of earlier columns".
      String none = arms.get(t).completers.isEmpty() ? "no completers in arm " + t
          : arms.get(control).completers.isEmpty() ? "no completers in the control arm " + control : null;
      out.put(t, none != null ? Difference.notEstimable(method, level, none)
          : fit.coefficientTest(1 + columns.indexOf(t), level, method));
    }
    return out;
  }
}
