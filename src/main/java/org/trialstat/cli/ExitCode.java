package org.trialstat.cli;

import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import picocli.CommandLine;

/** The exit codes of trialstat: public API, documented in docs/errors.md. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** {@code verify}: at least one published claim was not reproduced. */
  public static final int VERIFICATION_FAILED = 1;
  /** Usage error: an unknown option, a bad option value, an arm or visit the data does not have. */
  public static final int USAGE = 2;
  /** Input data error: the message names the file, line and column. */
  public static final int DATA = 3;
  /** Internal error: a bug in trialstat; please report it. */
  public static final int INTERNAL = 4;

  private ExitCode() {
  }

  /** The exit code of an exception that ends a command: the one mapping of every command. */
  static int of(Throwable e) {
    if (e instanceof DataException) {
      return DATA;
    }
    if (e instanceof InvalidOptionException || e instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return INTERNAL;
  }

  /** The message printed after "trialstat: " for an exception that ends a command. */
  static String message(Throwable e) {
    if (e instanceof DataException d) {
      return d.describe();
    }
    if (of(e) == USAGE) {
      return e.getMessage();
    }
    return "internal error: " + e + " (please report it; set TRIALSTAT_DEBUG=1 for details)";
  }
}
