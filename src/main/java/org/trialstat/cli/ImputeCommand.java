package org.trialstat.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.ImputeAnalysis;
import org.trialstat.analysis.ImputeRequest;
import org.trialstat.io.TrialFiles;
import org.trialstat.model.DataException;
import org.trialstat.model.ImputeResult;
import org.trialstat.report.ImputeWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trialstat impute}: reference-based conditional mean imputation (rbmi's method_condmean). */
@Command(name = "impute", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Conditional mean imputation with jackknife under MAR, JR, CR, CIR or LMCF after the intercurrent "
        + "event (monotone dropout by default), then ANCOVA of the change at each visit on arm + baseline "
        + "(rbmi's method_condmean(type = \"jackknife\") and ancova)."})
public final class ImputeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  BatchOptions batch;

  @Mixin
  InputOptions input;

  @Mixin
  ComparisonOptions comparison;

  @Option(names = "--baseline", paramLabel = "VISIT",
      description = "Baseline visit; the outcome is the change from it (with --baseline-col: that column's visit).")
  String baseline;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "condmean-jackknife",
      description = "condmean-jackknife (default; the only method so far).")
  String method;

  @Option(names = "--strategy", paramLabel = "S", defaultValue = "MAR",
      description = "After monotone dropout: MAR (default), JR, CR, CIR or LMCF.")
  String strategy;

  @Option(names = "--reference", paramLabel = "ARM=REF",
      description = "Reference arm of an arm (repeatable; default: the control for every arm).")
  Map<String, String> references = new LinkedHashMap<>();

  @Option(names = "--ice", paramLabel = "FILE",
      description = "CSV with columns participant, visit (first visit affected), strategy: overrides per participant.")
  Path ice;

  @Option(names = "--information-anchored", description = "Lu's (2021) information-anchored variance.")
  boolean informationAnchored;

  @Option(names = "--delta", paramLabel = "LIST",
      description = "Tipping point: D1,D2,... or FROM:TO:STEP added to imputed values of --delta-arm.")
  String delta;

  @Option(names = "--delta-arm", paramLabel = "ARM", description = "Arm shifted by --delta (repeatable; default: "
      + "every arm but the control).")
  List<String> deltaArms = new ArrayList<>();

  @Mixin
  StrictnessOption strictness;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    if (!method.equals("condmean-jackknife")) {
      throw new ParameterException(spec.commandLine(), "--method '" + method
          + "' is not available; expected condmean-jackknife (bootstrap and approximate Bayesian are not implemented)");
    }
    Map<String, String[]> iceMap = ice == null ? Map.of() : readIce(ice);
    double[] deltas = deltas(delta);
    var read = input.readOptions(List.of());
    boolean strict = strictness.strictness() == AnalysisRequest.Strictness.STRICT;
    List<Path> all = batch.resolve(output.quiet);
    return PerFileRun.run(spec, all, batch, output, f -> analyze(input.read(f, read, baseline, strict),
        iceMap, deltas), ImputeWriter.perFile(output.format));
  }

  private ImputeResult analyze(TrialFiles.Read in, Map<String, String[]> iceMap, double[] deltas) {
    String base = baseline != null ? baseline : in.baseline();
    if (base == null) {
      throw new ParameterException(spec.commandLine(), "impute needs --baseline VISIT (or --baseline-col)");
    }
    return ImputeAnalysis.analyze(in.data(), new ImputeRequest(comparison.control, base, strategy, references, iceMap,
        informationAnchored, deltas, deltaArms, comparison.confLevel(), strictness.strictness()));
  }

  /** Parses D1,D2,... or FROM:TO:STEP; {0} without the option. */
  double[] deltas(String text) {
    return text == null ? new double[] {0} : SensitivityOptions.parse(spec, text);
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
