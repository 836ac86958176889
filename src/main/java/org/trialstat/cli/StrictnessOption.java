package org.trialstat.cli;

import org.trialstat.analysis.AnalysisRequest;
import picocli.CommandLine.Option;

/** {@code --strict}, shared by the commands that read participant-level files. */
public final class StrictnessOption {

  @Option(names = "--strict",
      description = "Make every row excluded for a data problem (missing score, unknown diagnosis, empty covariate) "
          + "an error (exit 3); rows of visits outside the analysis are not data problems.")
  boolean strict;

  AnalysisRequest.Strictness strictness() {
    return strict ? AnalysisRequest.Strictness.STRICT : AnalysisRequest.Strictness.LENIENT;
  }
}
