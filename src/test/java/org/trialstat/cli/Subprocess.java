package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs trialstat's entry point in a new JVM (this test run's java and class path), for process-level tests. */
final class Subprocess {
  private Subprocess() {
  }

  /**
   * A process builder for {@code java [jvmOption] -cp CLASSPATH org.trialstat.cli.Main args...}, in the
   * project root, with stderr kept apart.
   *
   * @param jvmOption one JVM option (for example {@code -Xmx128m}), or null
   */
  static ProcessBuilder java(String jvmOption, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (jvmOption != null) {
      cmd.add(jvmOption);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }
}
