package org.trialstat.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstat.analysis.ImputeAnalysis;
import org.trialstat.analysis.ImputeRequest;
import org.trialstat.io.TrialFiles;
import org.trialstat.model.BootstrapInterval;
import org.trialstat.model.DataException;
import org.trialstat.model.ImputeMethod;
import org.trialstat.model.ImputeStrategy;
import org.trialstat.model.ImputeResult;
import org.trialstat.report.ImputeWriter;
import org.trialstat.model.ResponseRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code trialstat impute}: reference-based conditional mean imputation (rbmi's method_condmean) and
 * approximate Bayesian multiple imputation (method_approxbayes).
 */
@Command(name = ImputeWriter.COMMAND, mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Conditional mean imputation (jackknife or bootstrap) or approximate Bayesian multiple imputation "
        + "under MAR, JR, CR, CIR or LMCF after the intercurrent event (monotone dropout by default), then ANCOVA of "
        + "the change at each visit on arm + baseline (rbmi's method_condmean, method_approxbayes and ancova)."})
public final class ImputeCommand extends ParticipantFileCommand implements Callable<Integer> {

  @Option(names = "--baseline", paramLabel = "VISIT",
      description = "Baseline visit; the outcome is the change from it (with --baseline-col: that column's visit).")
  String baseline;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "condmean-jackknife",
      converter = MethodConverter.class,
      description = "condmean-jackknife (default), condmean-bootstrap, approx-bayes; bayes is refused (not implemented).")
  ImputeMethod method;

  @Option(names = "--strategy", paramLabel = "S", defaultValue = "MAR",
      description = "After monotone dropout: MAR (default), JR, CR, CIR or LMCF.")
  ImputeStrategy strategy;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "" + ImputeRequest.DEFAULT_DRAWS,
      description = "Bootstrap samples (condmean-bootstrap) or imputations (approx-bayes); default 1000.")
  int draws;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the random methods (default 1); the same seed gives the same output on any number of cores.")
  long seed;

  @Option(names = "--bootstrap-ci", paramLabel = "TYPE", defaultValue = "percentile",
      description = "Interval of condmean-bootstrap: percentile (default, as rbmi's pool) or normal.")
  BootstrapInterval interval;

  @Mixin
  ResponderOptions responder;

  /** Maps condmean-jackknife, condmean-bootstrap, approx-bayes, bayes (any case; '-' or '_'). */
  static final class MethodConverter implements ITypeConverter<ImputeMethod> {
    @Override
    public ImputeMethod convert(String value) {
      for (ImputeMethod m : ImputeMethod.values()) {
        if (m.optionName().equalsIgnoreCase(value.trim().replace('_', '-'))) {
          return m;
        }
      }
      throw new TypeConversionException("'" + value
          + "' is not a method; expected condmean-jackknife, condmean-bootstrap, approx-bayes or bayes");
    }
  }

  @Option(names = "--reference", paramLabel = "ARM=REF",
      description = "Reference arm of an arm (repeatable; default: the control for every arm).")
  Map<String, String> references = new LinkedHashMap<>();

  @Option(names = "--ice", paramLabel = "FILE",
      description = "CSV with columns participant, visit (first visit affected), strategy: overrides per participant.")
  Path ice;

  @Option(names = "--information-anchored", description = "Lu's (2021) information-anchored variance.")
  boolean informationAnchored;

  @Mixin
  DeltaOptions delta;

  @Mixin
  PerFileOptions run;

  @Override
  public Integer call() {
    if (method == ImputeMethod.BAYES) {
      throw new ParameterException(spec.commandLine(), ImputeAnalysis.BAYES_REFUSED);
    }
    Map<String, String[]> iceMap = ice == null ? Map.of() : readIce(ice);
    double[] deltas = delta.grid(spec, new double[] {0});
    var read = input.readOptions(List.of());
    return eachFile(batch.resolve(run.output.quiet), run, read, baseline, (f, in) -> analyze(in, iceMap, deltas),
        ImputeWriter::perFile);
  }

  private ImputeResult analyze(TrialFiles.Read in, Map<String, String[]> iceMap, double[] deltas) {
    String base = baseline != null ? baseline : in.baseline();
    if (base == null) {
      throw new ParameterException(spec.commandLine(), "impute needs --baseline VISIT (or --baseline-col)");
    }
    double remission = responder.remissionMax(); // checked before the responder rule, as before
    ResponseRule rule = responder.rule();
    return ImputeAnalysis.analyze(in.data(), new ImputeRequest(comparison.control, base, method, strategy, references,
        iceMap, informationAnchored, deltas, delta.deltaArms, draws, seed, interval, rule, remission, comparison.confLevel(),
        run.strictness()));
  }

  private static Map<String, String[]> readIce(Path file) {
    Map<String, String[]> out = new LinkedHashMap<>();
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = fmt.parse(r)) {
      for (String col : List.of("participant", "visit", "strategy")) {
        if (!p.getHeaderMap().containsKey(col)) {
          throw new DataException(file.toString(), 1, 0, "--ice: no column '" + col
              + "'; expected columns participant, visit, strategy");
        }
      }
      for (CSVRecord rec : p) {
        String id = rec.get("participant").trim();
        if (out.put(id, new String[] {rec.get("visit").trim(), rec.get("strategy").trim()}) != null) {
          throw new DataException(file.toString(), rec.getRecordNumber() + 1, 0,
              "--ice: participant " + id + " is listed twice");
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new DataException(file.toString(), 0, 0, "--ice: cannot read the file: " + e.getMessage());
    }
    return out;
  }
}
