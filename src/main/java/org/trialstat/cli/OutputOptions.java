package org.trialstat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.trialstat.io.OutputFiles;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.report.Output;
import org.trialstat.report.OutputFormat;
import picocli.CommandLine.Option;

/** Output options shared by every command. */
public final class OutputOptions {

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "table (default), markdown, csv, tsv or json.", defaultValue = "table")
  OutputFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically: a temporary file, then a rename) instead of standard output.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress, notes or summary lines on standard error; errors only.")
  boolean quiet;

  @Option(names = "--reproducible",
      description = "Byte-identical output across runs: the provenance carries no time (SOURCE_DATE_EPOCH, when set, "
          + "gives the time in any case).")
  boolean reproducible;

  /**
   * Writes the rendered output to --output or to standard output.
   *
   * @throws InvalidOptionException when standard output cannot be written (a full disk, a closed pipe):
   *                                exit 2, as for an --output that cannot be written
   */
  void emit(Output content, PrintWriter out, List<Path> inputs) {
    if (output != null) {
      OutputFiles.writeAtomically(output, content::writeTo, inputs);
      return;
    }
    boolean failed;
    if (out instanceof StdOut std) {
      java.io.PrintStream bytes = std.bytes();
      try {
        content.writeTo(bytes);
        failed = bytes.checkError();
      } catch (IOException e) {
        failed = true;
      }
    } else {
      out.print(content.asText());
      failed = out.checkError();
    }
    if (failed) {
      throw new InvalidOptionException("cannot write to standard output (disk full, or the reader closed the "
          + "pipe?)");
    }
  }
}
