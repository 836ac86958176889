package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.trialstat.model.DataException;
import org.trialstat.model.Observation;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;

/**
 * Counts what happens to every input row (used, or excluded with a fixed reason code) for the row
 * accounting of {@code analyze} and {@code mmrm}, and raises the {@code --strict} errors for rows excluded
 * for a data problem. One place for the reason codes and the strict messages.
 */
final class RowCounter {

  /** Row exclusion reason: a visit that is neither baseline nor endpoint nor used by the MMRM. */
  static final String VISIT_NOT_ANALYSED = "visit_not_analysed";
  /**
   * Row exclusion reason: a post-baseline visit that the MMRM leaves out (in {@code analyze} a visit after
   * the endpoint, or one that --visits does not name) and no other statistic uses.
   */
  static final String VISIT_NOT_MODELLED = "visit_not_modelled";
  /** Row exclusion reason: a row that only the MMRM uses, when the MMRM could not be fitted. */
  static final String MODEL_NOT_ESTIMABLE = "model_not_estimable";
  /** Row exclusion reason: an empty or NA score at an analysed visit. */
  static final String MISSING_SCORE = "missing_score";
  /** Row exclusion reason: a post-baseline row (MMRM) of a participant without a baseline score. */
  static final String NO_BASELINE = "no_baseline";
  /** Row exclusion reason: a covariate cell is empty or NA. */
  static final String MISSING_COVARIATE = "missing_covariate";
  /** Row exclusion reason: a baseline row of a participant with no usable post-baseline value. */
  static final String NO_POST_BASELINE = "no_post_baseline";

  private final String source;
  private final AnalysisRequest.Strictness strictness;
  private final Map<String, Integer> excluded = new TreeMap<>();
  private int used;

  RowCounter(String source, AnalysisRequest.Strictness strictness) {
    this.source = source;
    this.strictness = strictness;
  }

  /** A row that enters at least one statistic. */
  void use() {
    used++;
  }

  /** A row left out for a reason that is no data problem (a visit not analysed, no baseline). */
  void exclude(String reason) {
    excluded.merge(reason, 1, Integer::sum);
  }

  /** A row without a score at an analysed visit: an error under --strict, else counted. */
  void missingScore(Observation o) {
    if (strictness == AnalysisRequest.Strictness.STRICT) {
      throw new DataException(source, o.line(), o.scoreColumn(), String.format(Locale.ROOT,
          "participant %s has no score at visit %s; expected a score (--strict makes a missing value an error;"
              + " without --strict the row is excluded and counted as missing_score)",
          o.participant(), o.visit()));
    }
    exclude(MISSING_SCORE);
  }

  /** A row with an empty covariate cell: an error under --strict, else counted. */
  void missingCovariate(Observation o) {
    if (strictness == AnalysisRequest.Strictness.STRICT) {
      throw new DataException(source, o.line(), 0, String.format(Locale.ROOT,
          "participant %s has an empty covariate value at visit %s; expected a value (--strict makes a missing "
              + "value an error; without --strict the row is excluded and counted as missing_covariate)",
          o.participant(), o.visit()));
    }
    exclude(MISSING_COVARIATE);
  }

  /**
   * The accounting {@code rows} with {@code count} of its used rows moved to the exclusion {@code reason}
   * (reasons stay sorted).
   */
  static RowAccounting moveUsed(RowAccounting rows, int count, String reason) {
    if (count == 0) {
      return rows;
    }
    Map<String, Integer> excluded = new TreeMap<>();
    rows.excluded().forEach(e -> excluded.put(e.reason(), e.count()));
    excluded.merge(reason, count, Integer::sum);
    List<RowAccounting.Exclusion> list = new ArrayList<>();
    excluded.forEach((k, v) -> list.add(new RowAccounting.Exclusion(k, v)));
    return new RowAccounting(rows.read(), rows.used() - count, list, rows.filters());
  }

  /**
   * The accounting of the rows of {@code data}: its observations plus the rows its filters removed
   * (with each filter's count); reasons in sorted order.
   */
  RowAccounting accounting(TrialData data) {
    List<RowAccounting.Exclusion> list = new ArrayList<>();
    excluded.forEach((k, v) -> list.add(new RowAccounting.Exclusion(k, v)));
    return new RowAccounting(data.observations().size() + data.filtered(), used, list, data.filters());
  }
}
