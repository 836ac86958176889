package org.trialstat.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on standard error for runs over many files: files done of total, rate and time left,
 * rewritten in place at most five times a second. Shown only when standard error is a terminal, which
 * the launcher tells (JDK 17 cannot, when standard output is redirected) by setting
 * {@code TRIALSTAT_STDERR_TTY=1} after {@code [ -t 2 ]}; never in pipes, files or CI logs, never with
 * {@code --quiet}.
 */
final class Progress {
  private static final long FIRST_NANOS = 500_000_000L;
  private static final long EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final int total;
  private final boolean on;
  private final long start = System.nanoTime();
  private long last;
  private boolean shown;

  private Progress(PrintWriter err, int total, boolean on) {
    this.err = err;
    this.total = total;
    this.on = on;
  }

  static Progress forStderr(PrintWriter err, int total, boolean quiet) {
    boolean tty = "1".equals(System.getenv("TRIALSTAT_STDERR_TTY"));
    return new Progress(err, total, tty && !quiet && total > 1);
  }

  void update(int done) {
    if (!on) {
      return;
    }
    long now = System.nanoTime();
    long after = "0".equals(System.getenv("TRIALSTAT_PROGRESS_DELAY")) ? 0 : FIRST_NANOS;
    if (now - start < after || (shown && now - last < EVERY_NANOS && done < total)) {
      return;
    }
    double seconds = (now - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-9);
    double left = (total - done) / Math.max(rate, 1e-9);
    err.print(String.format(Locale.ROOT, "\r%d/%d files, %.1f files/s, about %.0f s left\u001b[K", done, total,
        rate, left));
    err.flush();
    last = now;
    shown = true;
  }

  void clear() {
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }
}
