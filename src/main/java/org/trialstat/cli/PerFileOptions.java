package org.trialstat.cli;

import org.trialstat.analysis.AnalysisRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that close the list of every per-file command ({@code analyze}, {@code mmrm}, {@code impute}):
 * {@code --strict}, then the output options. A mixin of its own, not part of {@link ParticipantFileCommand},
 * because picocli lists a superclass's options first and these stand after each command's own in --help.
 */
final class PerFileOptions {

  @Option(names = "--strict",
      description = "Make every row excluded for a data problem (missing score, unknown diagnosis, empty covariate) "
          + "an error (exit 3); rows of visits outside the analysis are not data problems.")
  boolean strict;

  @Mixin
  OutputOptions output;

  AnalysisRequest.Strictness strictness() {
    return strict ? AnalysisRequest.Strictness.STRICT : AnalysisRequest.Strictness.LENIENT;
  }
}
