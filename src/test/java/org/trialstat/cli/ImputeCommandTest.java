package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.Threads.onThreads;

import org.junit.jupiter.api.Test;

/**
 * {@code trialstat impute} on the command line: the random methods' output is byte-identical for the
 * same seed whatever the parallelism (the draws run on the fork-join pool the command runs in: one
 * thread, then three), the option enums, and the refusals (exit 2, docs/errors.md).
 */
class ImputeCommandTest {

  static final String FILE = "samples/mapp1_like.csv";

  static CliRun run(String... extra) {
    String[] base = {"impute", "--baseline", "baseline", "--format", "json", "--reproducible", FILE};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, 1);
    System.arraycopy(extra, 0, args, 1, extra.length);
    System.arraycopy(base, 1, args, 1 + extra.length, base.length - 1);
    return CliRun.of(args);
  }

  @Test
  void approxBayesIsByteIdenticalOnOneOrThreeThreads() throws Exception {
    String[] opts = {"--method", "approx-bayes", "--draws", "25", "--seed", "11", "--strategy", "jr"};
    CliRun one = onThreads(1, () -> run(opts));
    CliRun three = onThreads(3, () -> run(opts));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(three.out()).isEqualTo(one.out());
    assertThat(one.out()).contains("\"draws\": 25", "\"seed\": 11", "\"df\": ", "Rubin's rules with Barnard-Rubin df");
    CliRun other = run("--method", "approx-bayes", "--draws", "25", "--seed", "12", "--strategy", "JR");
    assertThat(other.out()).isNotEqualTo(one.out());
  }

  @Test
  void condmeanBootstrapIsByteIdenticalOnOneOrThreeThreads() throws Exception {
    String[] opts = {"--method", "condmean-bootstrap", "--draws", "20", "--seed", "4", "--bootstrap-ci", "normal"};
    CliRun one = onThreads(1, () -> run(opts));
    CliRun three = onThreads(3, () -> run(opts));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(three.out()).isEqualTo(one.out());
    assertThat(one.out()).contains("\"bootstrap_ci\": \"normal\"").doesNotContain("\"df\"");
  }

  @Test
  void refusals() {
    CliRun bayes = run("--method", "bayes");
    assertThat(bayes.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bayes.err()).contains("--method bayes", "not implemented");
    assertThat(run("--method", "mcmc").err()).contains("'mcmc' is not a method");
    assertThat(run("--strategy", "J2R").code()).isEqualTo(ExitCode.USAGE);
    CliRun anchored = run("--method", "approx-bayes", "--information-anchored");
    assertThat(anchored.code()).isEqualTo(ExitCode.USAGE);
    assertThat(anchored.err()).contains("information-anchored already");
    assertThat(run("--method", "approx-bayes", "--draws", "1").err()).contains("--draws 1: expected at least 2");
  }
}
