package org.trialstat.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.trialstat.model.Printable;
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
    // Every formatter names Locale.ROOT: the JVM's default locale is never consulted, nor changed.
    PrintWriter o = new StdOut(out);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cmd = TrialstatCommand.commandLine(args);
    cmd.setOut(o);
    cmd.setErr(e);
    CliSetup.configure(cmd);
    cmd.setParameterExceptionHandler((ex, a) -> {
      e.println("trialstat: " + Printable.escape(ex.getMessage()));
      if (ex instanceof CommandLine.UnmatchedArgumentException u) {
        CommandLine.UnmatchedArgumentException.printSuggestions(u, e); // "Did you mean: analyze?"
      }
      e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
      return ExitCode.USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      e.println("trialstat: " + Printable.escape(ExitCode.message(ex)));
      if (ExitCode.of(ex) == ExitCode.INTERNAL && System.getenv("TRIALSTAT_DEBUG") != null) {
        ex.printStackTrace(e);
      }
      return ExitCode.of(ex);
    });
    int code;
    try {
      code = cmd.execute(args);
    } catch (OutOfMemoryError | StackOverflowError x) {
      e.println("trialstat: internal error: " + (x instanceof OutOfMemoryError
          ? "out of memory; raise the heap with TRIALSTAT_JAVA_OPTS=-Xmx4g (or more) and run again"
          : "stack overflow; raise the stack with TRIALSTAT_JAVA_OPTS=-Xss64m and run again"));
      code = ExitCode.INTERNAL;
    }
    o.flush();
    e.flush();
    return code;
  }
}
