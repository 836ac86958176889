package org.trialstat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a run over many files behaves: shared by the per-file commands ({@code analyze}, {@code mmrm}). */
public final class BatchOptions {

  @Option(names = "--files-from", paramLabel = "LIST",
      description = "Read the input files from LIST, one path a line (- for standard input); blank lines and lines "
          + "starting with # are skipped. Adds to the FILE arguments.")
  Path filesFrom;

  @Option(names = "--fail-fast",
      description = "Stop at the first file that fails and print nothing (default: every file gets its result or its "
          + "error, and the exit code is the largest among the failures).")
  boolean failFast;
}
