package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.trialstat.io.ColumnNames;
import org.trialstat.io.InputShape;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.RowFilter;
import org.trialstat.io.TrialFiles;
import org.trialstat.io.WhereFilter;
import org.trialstat.model.Scale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that say how to read a participant-level file: shared by {@code analyze} and {@code mmrm}. */
public final class InputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** --id-col, --arm-col, --visit-col, --score-col, --dx-col and --week-col, declared by {@link ColumnOption}. */
  @Mixin
  CommandSpec columns = ColumnOption.options();

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

  @Option(names = "--member", paramLabel = "NAME",
      description = "SAS transport member (data set) to read, for a file of several members.")
  String member;

  @Option(names = "--where", paramLabel = "EXPR",
      description = "Keep only rows where EXPR holds: COL OP VALUE (OP =, !=, <, <=, >, >=) or COL in (V1,V2); "
          + "repeatable (all must hold).")
  List<String> where = new ArrayList<>();

  @Option(names = "--param", paramLabel = "CODE", description = "Keep only rows of parameter CODE (--where PARAMCD=CODE).")
  String param;

  @Option(names = "--population", paramLabel = "FLAG",
      description = "Keep only rows of a population flag (--where FLAG=Y), for example ITTFL or EFFFL.")
  String population;

  @Option(names = "--adam",
      description = "CDISC ADaM BDS columns: USUBJID, TRTP (else TRT01P, TRTA, TRT01A), AVISIT, AVISITN (visit "
          + "order), AVAL; the baseline visit is the one flagged ABLFL = Y. Other options override it.")
  boolean adam;

  @Option(names = "--baseline-col", paramLabel = "COL",
      description = "Baseline score on every record (ADaM BASE): data without baseline records can be analysed; "
          + "a participant without one gets it from COL.")
  String baselineCol;

  @Option(names = "--change-col", paramLabel = "COL",
      description = "Change from baseline (ADaM CHG), checked against score - baseline (needs --baseline-col).")
  String changeCol;

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
    Map<String, String> given = givenColumns(covariates);
    // with --adam, a column option not given takes the preset's column
    Function<ColumnOption, String> name =
        c -> adam && !given.containsKey(c.option) ? c.in(ColumnOption.ADAM) : column(c);
    ColumnNames names = new ColumnNames(name.apply(ColumnOption.ID), name.apply(ColumnOption.ARM),
        name.apply(ColumnOption.VISIT), name.apply(ColumnOption.SCORE), name.apply(ColumnOption.DX),
        name.apply(ColumnOption.WEEK));
    return new ReadOptions(names, shape, r[0], r[1], new ArrayList<>(covariates), given);
  }

  /** The value of a column option: given, else its default. */
  private String column(ColumnOption c) {
    return columns.findOption(c.option).getValue();
  }

  /**
   * The column options given on the command line (option to name), for the reader's check that the file
   * has them (issue 16); a blank required column or covariate name is a usage error.
   */
  private Map<String, String> givenColumns(List<String> covariates) {
    Map<String, String> given = new HashMap<>();
    for (ColumnOption c : ColumnOption.values()) {
      if (spec.commandLine().getParseResult().hasMatchedOption(c.option)) {
        String name = column(c);
        if (!c.optional && name.isBlank()) { // a blank --dx-col/--week-col means "no such column" (docs/usage.md)
          throw new ParameterException(spec.commandLine(), c.option + ": expected a column name; got a blank one");
        }
        given.put(c.option, name);
      }
    }
    for (String c : covariates) {
      if (c.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--covariate: expected a column name; got a blank one");
      }
    }
    return given;
  }

  /**
   * Row filters, member, ADaM conventions and baseline columns for these settings: --param, then
   * --population, then --where.
   *
   * @param baselineVisit the command's --baseline, or null
   * @param strict        whether --strict is given
   */
  TrialFiles.Selection selection(String baselineVisit, boolean strict) {
    if (changeCol != null && baselineCol == null) {
      throw new ParameterException(spec.commandLine(), "--change-col " + changeCol + ": give --baseline-col too"
          + " (the change is checked against score - baseline)");
    }
    List<RowFilter> filters = new ArrayList<>();
    if (param != null) {
      filters.add(WhereFilter.equal("--param", "PARAMCD", param));
    }
    if (population != null) {
      filters.add(WhereFilter.equal("--population", population, "Y"));
    }
    for (String w : where) {
      filters.add(WhereFilter.parse(w));
    }
    boolean presetArm = adam && !spec.commandLine().getParseResult().hasMatchedOption("--arm-col");
    return new TrialFiles.Selection(filters, member, presetArm ? ColumnOption.ADAM_ARMS : List.of(),
        adam ? "ABLFL" : null, baselineCol, changeCol, baselineVisit, strict);
  }

  /** Reads one participant-level file with these settings and the command's --baseline and --strict. */
  TrialFiles.Read read(Path file, ReadOptions options, String baselineVisit, boolean strict) {
    return TrialFiles.read(file, file.toString(), options, selection(baselineVisit, strict));
  }
}
