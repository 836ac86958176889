package org.trialstat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.trialstat.analysis.Batch;
import org.trialstat.io.InputDigest;
import org.trialstat.model.DataException;
import org.trialstat.model.Printable;
import org.trialstat.model.Provenance;
import org.trialstat.report.FileError;
import org.trialstat.report.PerFileOutput;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a per-file command ({@code analyze}, {@code mmrm}) over its files: one file, or
 * {@code --fail-fast}, as one computation that fails whole; several files streamed, each with its result
 * or its error, written in the order given as they complete (memory bounded by a few files), a summary
 * line and a progress line on standard error, and the largest exit code among the failures.
 */
final class PerFileRun {

  private PerFileRun() {
  }

  /** One file's result and its provenance entry, computed together on a worker thread. */
  private record Done<R>(R result, Provenance.Input input) {
  }

  static <R> int run(CommandSpec spec, List<Path> files, BatchOptions batch, OutputOptions output,
      Function<Path, R> task, PerFileOutput<R> writer) {
    PrintWriter err = spec.commandLine().getErr();
    Provenance base = RunInfo.of(spec, output.reproducible, List.of());
    Function<Path, Done<R>> job = f -> {
      Supplier<Provenance.Input> digest = InputDigest.start(f, f.toString());
      return new Done<>(task.apply(f), digest.get());
    };
    if (files.size() == 1 || batch.failFast) {
      List<Done<R>> done = Batch.inOrder(files, job);
      output.emit(out -> {
        writer.begin(out, files.size() > 1);
        for (Done<R> d : done) {
          writer.ok(d.result(), base.withInputs(List.of(d.input())));
        }
        writer.end();
      }, spec.commandLine().getOut(), files);
      return ExitCode.OK;
    }
    int[] worst = {ExitCode.OK};
    int[] failed = {0};
    Progress progress = Progress.forStderr(err, files.size(), output.quiet);
    output.emit(out -> {
      writer.begin(out, true);
      try {
        Batch.streamInOrder(files, Runtime.getRuntime().availableProcessors(), job, (i, f, o) -> {
          try {
            if (o.ok()) {
              writer.ok(o.result().result(), base.withInputs(List.of(o.result().input())));
            } else {
              FileError e = error(f, o.error());
              failed[0]++;
              worst[0] = Math.max(worst[0], e.exitCode());
              progress.clear();
              err.println("trialstat: " + Printable.escape(e.message()));
              err.flush();
              writer.error(e);
            }
            out.flush();
          } catch (IOException x) {
            throw new UncheckedIOException(x);
          }
          progress.update(i + 1);
        });
      } catch (UncheckedIOException x) {
        throw x.getCause();
      }
      writer.end();
    }, spec.commandLine().getOut(), files);
    progress.clear();
    if (!output.quiet) {
      err.println(String.format(Locale.ROOT, "%d files: %d ok, %d failed", files.size(), files.size() - failed[0],
          failed[0]));
      err.flush();
    }
    return worst[0];
  }

  private static FileError error(Path f, RuntimeException e) {
    long line = e instanceof DataException d ? d.line() : 0;
    int column = e instanceof DataException d ? d.column() : 0;
    String message = ExitCode.message(e);
    if (!(e instanceof DataException) && !message.contains(f.toString())) {
      message = f + ": " + message;
    }
    return new FileError(f.toString(), ExitCode.of(e), message, line, column);
  }
}
