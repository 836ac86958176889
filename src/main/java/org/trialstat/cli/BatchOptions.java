package org.trialstat.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The files of a per-file command ({@code analyze}, {@code mmrm}, {@code impute}) and how a run over many
 * of them behaves.
 */
public final class BatchOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Trial files, or folders whose input files are read (not their subfolders).")
  List<Path> files;

  @Option(names = "--files-from", paramLabel = "LIST",
      description = "Read the input files from LIST, one path a line (- for standard input); blank lines and lines "
          + "starting with # are skipped. Adds to the FILE arguments.")
  Path filesFrom;

  @Option(names = "--fail-fast",
      description = "Stop at the first file that fails and print nothing (default: every file gets its result or its "
          + "error, and the exit code is the largest among the failures).")
  boolean failFast;

  /**
   * The files to read: the FILE arguments with folders expanded, then those of {@code --files-from}.
   *
   * @param quiet no note on standard error about what a folder's listing skipped
   */
  List<Path> resolve(boolean quiet) {
    return FileList.resolve(files, filesFrom, spec.commandLine().getErr(), quiet);
  }
}
