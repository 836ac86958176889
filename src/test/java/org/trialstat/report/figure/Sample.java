package org.trialstat.report.figure;

import java.nio.file.Path;
import java.util.List;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.TrialAnalysis;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialCsvReader;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.Scale;
import org.trialstat.model.TrialData;

/** The bundled sample trial (samples/mapp1_like.csv), read and analysed with the defaults. */
final class Sample {
  static final Path FILE = Path.of("samples", "mapp1_like.csv");
  static final TrialData DATA = TrialCsvReader.read(FILE, FILE.toString(), ReadOptions.defaults());
  static final AnalysisResult RESULT = TrialAnalysis.analyze(DATA, AnalysisRequest.defaults(Scale.CAPS5));

  /** The sample's HTML report, with a fixed provenance line. */
  static HtmlReport report() {
    return ResultReport.of(List.of(new ResultReport.Input(RESULT, DATA)),
        "trialstat analyze samples/mapp1_like.csv (test build)");
  }

  private Sample() {
  }
}
