package org.trialstat.report;

/**
 * Every JSON key and tidy {@code statistic} name of {@code trialstat meta}, written once; the JSON
 * tree, the tidy rows and docs/output.md use these.
 */
final class MetaKeys {

  private MetaKeys() {
  }

  // top level
  static final String FILES = "files";
  static final String SETTINGS = "settings";
  static final String STUDIES = "studies";
  static final String POOLED = "pooled";
  static final String EGGER = "egger";
  static final String SUBGROUPS = "subgroups";
  static final String SUBGROUP_TEST = "subgroup_test";
  static final String LEAVE_ONE_OUT = "leave_one_out";
  static final String CUMULATIVE = "cumulative";
  static final String NOTES = "notes";
  /** The provenance block (its keys are those of every command: ProvenanceTree). */
  static final String PROVENANCE = "provenance";

  // settings
  static final String MEASURE = "measure";
  static final String MODEL = "model";
  static final String TAU2_METHOD = "tau2_method";
  static final String ADJUSTMENT = "adjustment";
  static final String PREDICTION = "prediction_interval";
  static final String CONF_LEVEL = "conf_level";
  static final String OUTCOME = "outcome";
  static final String EFFECTS = "effects";

  // studies[]
  static final String STUDY = "study";
  static final String YI = "yi";
  static final String VI = "vi";
  static final String WEIGHT = "weight";
  static final String CI_LOW = "ci_low";
  static final String CI_HIGH = "ci_high";
  static final String RATIO = "ratio";
  static final String RATIO_CI_LOW = "ratio_ci_low";
  static final String RATIO_CI_HIGH = "ratio_ci_high";
  static final String SUBGROUP = "subgroup";
  static final String YEAR = "year";
  static final String NOTE = "note";

  // pooled
  static final String K = "k";
  static final String ESTIMATE = "estimate";
  static final String SE = "se";
  static final String Z = "z";
  static final String T = "t";
  static final String DF = "df";
  static final String P = "p";
  static final String TAU2 = "tau2";
  static final String TAU2_CI_LOW = "tau2_ci_low";
  static final String TAU2_CI_HIGH = "tau2_ci_high";
  static final String TAU = "tau";
  static final String TAU_CI_LOW = "tau_ci_low";
  static final String TAU_CI_HIGH = "tau_ci_high";
  static final String I2 = "i2";
  static final String I2_CI_LOW = "i2_ci_low";
  static final String I2_CI_HIGH = "i2_ci_high";
  static final String H2 = "h2";
  static final String H2_CI_LOW = "h2_ci_low";
  static final String H2_CI_HIGH = "h2_ci_high";
  static final String Q = "q";
  static final String Q_DF = "q_df";
  static final String Q_P = "q_p";
  static final String PI_LOW = "pi_low";
  static final String PI_HIGH = "pi_high";
  static final String RATIO_PI_LOW = "ratio_pi_low";
  static final String RATIO_PI_HIGH = "ratio_pi_high";
  static final String METHOD = "method";
  static final String REASON = "reason";

  // egger
  static final String SLOPE = "slope";
  static final String SLOPE_SE = "slope_se";
  static final String LIMIT = "limit";
  static final String LIMIT_CI_LOW = "limit_ci_low";
  static final String LIMIT_CI_HIGH = "limit_ci_high";

  // leave_one_out[], cumulative[]
  static final String OMITTED = "omitted";
  static final String ADDED = "added";

  // tidy statistic names beyond the measure's own name and the keys above
  static final String STAT_PREDICTION = "prediction_interval";
  static final String STAT_EGGER = "egger_t";
  static final String STAT_Q_BETWEEN = "q_between";
  /** The tidy study label of the pooled rows. */
  static final String POOLED_LABEL = "pooled";
  /** The tidy study label prefix of a subgroup's rows. */
  static final String SUBGROUP_PREFIX = "subgroup: ";
  /** The tidy study label prefix of a leave-one-out row. */
  static final String WITHOUT_PREFIX = "without: ";
  /** The tidy study label prefix of a cumulative step. */
  static final String UP_TO_PREFIX = "up to: ";
}
