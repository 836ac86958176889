package org.trialstat.report.figure;

import java.util.List;
import java.util.Locale;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Statistic;

/**
 * The figures by name, as {@code trialstat plot KIND} and {@code analyze --plot KIND=FILE} take them:
 * {@code trajectory} (the MMRM LS means of {@code visits[]}, or the observed mean change when no MMRM was
 * fitted), {@code trajectory:observed}, {@code trajectory:lsmean}, {@code forest} (the ANCOVA difference) or {@code forest:KEY} with a statistic's
 * JSON key (for example {@code forest:risk_ratio}), {@code waterfall} and {@code flow}.
 */
public final class PlotKind {
  /** The kinds, for messages and help. */
  public static final String KINDS = "trajectory, forest, forest:KEY (KEY: welch, student, ancova, mmrm, cohens_d, "
      + "hedges_g, risk_difference, risk_ratio, odds_ratio), waterfall, flow, trajectory:observed, trajectory:lsmean";

  private PlotKind() {
  }

  /**
   * Draws one figure of the analysed files.
   *
   * @throws InvalidOptionException for an unknown kind, a figure the results cannot give (no MMRM, no
   *                                comparison) or a one-file figure asked of several files
   */
  public static Plot of(String kind, List<ResultReport.Input> inputs) {
    String k = check(kind);
    if (k.startsWith("forest")) {
      Statistic s = k.equals("forest") ? Statistic.ANCOVA : statistic(k.substring("forest:".length()));
      return ResultFigures.forest(inputs.stream().map(ResultReport.Input::result).toList(), s);
    }
    if (inputs.size() != 1) {
      throw new InvalidOptionException("figure '" + k + "' shows one file, got " + inputs.size()
          + "; only forest combines several files");
    }
    ResultReport.Input in = inputs.get(0);
    return switch (k) {
      case "trajectory", "trajectory:observed", "trajectory:lsmean" -> {
        TrajectoryPlot t = k.equals("trajectory") ? ResultFigures.trajectory(in.result())
            : ResultFigures.trajectory(in.result(), k.equals("trajectory:observed"));
        if (t == null) {
          throw new InvalidOptionException("figure '" + k + "': " + in.result().file() + (k.equals("trajectory:lsmean")
              ? " has no repeated-measures fit (it needs two arms and at least two post-baseline visits)"
              : " has no visit after the baseline"));
        }
        yield t;
      }
      case "waterfall" -> ParticipantFigures.waterfall(in.data(), in.result());
      default -> ParticipantFigures.flow(in.data(), in.result());
    };
  }

  /**
   * Checks a kind's name before any data is read.
   *
   * @return the kind in lower case
   * @throws InvalidOptionException for an unknown kind or statistic
   */
  public static String check(String kind) {
    String k = kind.trim().toLowerCase(Locale.ROOT);
    if (k.startsWith("forest:")) {
      statistic(k.substring("forest:".length()));
    } else if (!List.of("forest", "trajectory", "trajectory:observed", "trajectory:lsmean", "waterfall", "flow").contains(k)) {
      throw new InvalidOptionException("unknown figure '" + kind + "'; expected one of " + KINDS);
    }
    return k;
  }

  private static Statistic statistic(String key) {
    for (Statistic s : Statistic.values()) {
      // only a statistic with one interval: not NNT, a test, nor the multi-part CMH / adjusted blocks
      if (s.key().equals(key) && List.of(Statistic.Kind.DIFFERENCE, Statistic.Kind.STANDARDIZED,
          Statistic.Kind.BINARY).contains(s.kind())) {
        return s;
      }
    }
    throw new InvalidOptionException("forest:" + key + ": no such statistic; expected one of " + KINDS);
  }
}
