package org.trialstat.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI entry point in-process and captures exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

  private static final java.util.regex.Pattern JSON_PROVENANCE =
      java.util.regex.Pattern.compile("(?s),\n( *)\"provenance\": \\{.*?\n\\1\\}");
  private static final java.util.regex.Pattern TABLE_PROVENANCE =
      java.util.regex.Pattern.compile("\n(- )?Provenance: [^\n]*\n");

  /**
   * Output without its provenance (JSON blocks, table lines), for tests that compare the results of runs
   * whose command lines or input files differ on purpose (provenance names both).
   */
  public static String withoutProvenance(String output) {
    return TABLE_PROVENANCE.matcher(JSON_PROVENANCE.matcher(output).replaceAll("")).replaceAll("");
  }

  /** Standard output without provenance. */
  public String results() {
    return withoutProvenance(out);
  }

  /** {@code analyze OPTIONS... --format json FILE}. */
  public static CliRun analyzeJson(java.nio.file.Path file, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "analyze";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--format";
    args[options.length + 2] = "json";
    args[options.length + 3] = file.toString();
    return of(args);
  }

  public static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
