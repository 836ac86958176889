package org.trialstat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialFiles;
import org.trialstat.report.OutputFormat;
import org.trialstat.report.PerFileOutput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reads participant-level files ({@code analyze}, {@code mmrm}, {@code impute}) opens
 * with: the files and how a run over many of them behaves, how to read them, the comparator and the confidence
 * level. Picocli reads a superclass's options before the subclass's, so {@code --help} lists these first, as
 * before, followed by the command's own and its {@link PerFileOptions}.
 */
abstract class ParticipantFileCommand {

  @Spec
  CommandSpec spec;

  @Mixin
  BatchOptions batch;

  @Mixin
  InputOptions input;

  @Mixin
  ComparisonOptions comparison;

  /**
   * The run of a per-file command: each file read with {@code read}, the command's --baseline and the --strict
   * of {@code run}, given to {@code analysis} with its path, and each result written as it completes in the
   * --format of {@code run} ({@link PerFileRun}).
   *
   * @param files    the files, from {@link BatchOptions#resolve}
   * @param baseline the command's --baseline, or null
   */
  <R> int eachFile(List<Path> files, PerFileOptions run, ReadOptions read, String baseline,
      BiFunction<Path, TrialFiles.Read, R> analysis, Function<OutputFormat, PerFileOutput<R>> writer) {
    return PerFileRun.run(spec, files, batch, run.output,
        f -> analysis.apply(f, input.read(f, read, baseline, run.strict)), writer.apply(run.output.format));
  }
}
