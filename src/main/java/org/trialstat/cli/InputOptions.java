package org.trialstat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.io.ColumnNames;
import org.trialstat.io.InputShape;
import org.trialstat.io.ReadOptions;
import org.trialstat.model.Scale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that say how to read a participant-level file: shared by {@code analyze} and {@code mmrm}. */
public final class InputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--id-col", paramLabel = "NAME", description = "Participant column (default: ${DEFAULT-VALUE}).",
      defaultValue = "participant_id")
  String idCol;

  @Option(names = "--arm-col", paramLabel = "NAME", description = "Arm column (default: ${DEFAULT-VALUE}).",
      defaultValue = "arm")
  String armCol;

  @Option(names = "--visit-col", paramLabel = "NAME", description = "Visit column (default: ${DEFAULT-VALUE}).",
      defaultValue = "visit")
  String visitCol;

  @Option(names = "--score-col", paramLabel = "NAME", description = "Score column (default: ${DEFAULT-VALUE}).",
      defaultValue = "caps_total")
  String scoreCol;

  @Option(names = "--dx-col", paramLabel = "NAME",
      description = "Diagnosis column, optional (default: ${DEFAULT-VALUE}).", defaultValue = "ptsd_dx")
  String dxCol;

  @Option(names = "--week-col", paramLabel = "NAME",
      description = "Numeric visit-order column, optional (default: ${DEFAULT-VALUE}).", defaultValue = "week")
  String weekCol;

  @Option(names = "--input-shape", paramLabel = "SHAPE",
      description = "auto (default), long (one row per participant and visit) or wide (one row per participant, "
          + "one <score-col>_<visit> column per visit).", defaultValue = "auto")
  InputShape shape;

  @Option(names = "--scale", paramLabel = "SCALE",
      description = "caps5 (default; 0-80, remission <= 11), caps4 (0-136, remission <= 19), pcl5 (0-80, no "
          + "remission default), none (no range check).", defaultValue = "caps5")
  Scale scale;

  @Option(names = "--score-range", paramLabel = "MIN:MAX", description = "Valid score range, overriding the scale's.")
  String scoreRange;

  /** The score range in force: from --score-range, else from the scale. */
  double[] range() {
    if (scoreRange == null) {
      return new double[] {scale.min(), scale.max()};
    }
    String[] parts = scoreRange.split(":", -1);
    try {
      if (parts.length == 2) {
        double lo = Double.parseDouble(parts[0].trim());
        double hi = Double.parseDouble(parts[1].trim());
        if (Double.isFinite(lo) && Double.isFinite(hi) && lo < hi) {
          return new double[] {lo, hi};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
        "--score-range: expected MIN:MAX with MIN < MAX, for example 0:80; got '%s'", scoreRange));
  }

  /** Reader options for these settings. */
  ReadOptions readOptions(List<String> covariates) {
    double[] r = range();
    return new ReadOptions(new ColumnNames(idCol, armCol, visitCol, scoreCol, dxCol, weekCol), shape, r[0], r[1],
        new ArrayList<>(covariates));
  }
}
