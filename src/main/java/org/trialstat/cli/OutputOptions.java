package org.trialstat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.trialstat.io.OutputFiles;
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

  /** Writes the rendered output to --output or to standard output. */
  void emit(String content, PrintWriter out, List<Path> inputs) {
    if (output == null) {
      out.print(content);
      out.flush();
    } else {
      OutputFiles.writeAtomically(output, content, inputs);
    }
  }
}
