package org.trialstat.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.DataException;
import org.trialstat.model.Numbers;
import org.trialstat.model.Observation;
import org.trialstat.model.TrialData;

/** {@code analyze --dose-col}: the one numeric dose of each arm, read from every row of the file. */
final class Doses {

  private Doses() {
  }

  /**
   * Each arm's dose. Empty cells are skipped.
   *
   * @throws DataException on a value that is not a finite number, a dose that differs from the arm's
   *                       dose on an earlier row (file, line and column named), or an arm without any dose
   */
  static Map<String, Double> perArm(TrialData data, String column) {
    int index = data.covariateNames().indexOf(column);
    Map<String, Double> dose = new LinkedHashMap<>();
    Map<String, Long> firstLine = new LinkedHashMap<>();
    for (Observation o : data.observations()) {
      String cell = o.covariates().get(index).trim();
      if (ModelCovariates.missing(cell)) {
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        throw new DataException(data.source(), o.line(), 0, String.format(Locale.ROOT,
            "column '%s' (--dose-col): '%s' is not a number; expected the numeric dose of arm %s", column, cell,
            o.arm()));
      }
      Double known = dose.putIfAbsent(o.arm(), v);
      firstLine.putIfAbsent(o.arm(), o.line());
      if (known != null && known != v) {
        throw new DataException(data.source(), o.line(), 0, String.format(Locale.ROOT,
            "column '%s' (--dose-col): dose %s in arm %s, but %s on line %d; expected one dose per arm", column,
            Numbers.shortest(v), o.arm(), Numbers.shortest(known), firstLine.get(o.arm())));
      }
    }
    List<String> without = data.arms().stream().filter(a -> !dose.containsKey(a)).toList();
    if (!without.isEmpty()) {
      throw new DataException(data.source(), 0, 0, String.format(Locale.ROOT,
          "column '%s' (--dose-col): no dose for arm %s; expected a numeric dose on the rows of every arm", column,
          String.join(", ", without)));
    }
    return dose;
  }
}
