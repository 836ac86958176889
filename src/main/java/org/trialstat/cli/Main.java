package org.trialstat.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import picocli.CommandLine;

/** Entry point: {@code java -jar trialstat.jar COMMAND ...}. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs trialstat with the given streams; tests call this directly.
   *
   * @return the exit code (see {@link ExitCode})
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    // Every formatter names Locale.ROOT; the default is set too, for libraries' messages, and restored.
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
    try {
      return execute(out, err, args);
    } finally {
      Locale.setDefault(previous);
    }
  }

  private static int execute(PrintStream out, PrintStream err, String... args) {
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cmd = new CommandLine(new TrialstatCommand());
    cmd.setOut(o);
    cmd.setErr(e);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler((ex, a) -> {
      e.println("trialstat: " + ex.getMessage());
      e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
      return ExitCode.USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof DataException d) {
        e.println("trialstat: " + d.describe());
        return ExitCode.DATA;
      }
      if (ex instanceof InvalidOptionException i) {
        e.println("trialstat: " + i.getMessage());
        return ExitCode.USAGE;
      }
      if (ex instanceof CommandLine.ParameterException p) {
        e.println("trialstat: " + p.getMessage());
        return ExitCode.USAGE;
      }
      e.println("trialstat: internal error: " + ex + " (please report it; set TRIALSTAT_DEBUG=1 for details)");
      if (System.getenv("TRIALSTAT_DEBUG") != null) {
        ex.printStackTrace(e);
      }
      return ExitCode.INTERNAL;
    });
    int code = cmd.execute(args);
    o.flush();
    e.flush();
    return code;
  }
}
