package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.TestFiles;

/**
 * Issue 16, item 20: a non-ASCII file name under {@code LC_ALL=C} or {@code env -i} failed with an
 * InvalidPathException; through {@code scripts/trialstat} it must work as under C.UTF-8. The launcher
 * runs from a copy of its folder layout whose {@code target/trialstat.jar} is a manifest-only jar
 * pointing at this test run's class path (so no Maven build is started), with the environment cleared.
 */
class LauncherLocaleTest {

  private static String run(List<String> cmd, Map<String, String> env, Path dir) throws IOException,
      InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + "\n" + new String(out, StandardCharsets.UTF_8);
  }

  private static boolean hasUtf8Locale() throws IOException, InterruptedException {
    Path locale = Path.of("/usr/bin/locale");
    if (!Files.isExecutable(locale)) {
      return false;
    }
    Process p = new ProcessBuilder(locale.toString(), "-a").redirectErrorStream(true).start();
    String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    p.waitFor(30, TimeUnit.SECONDS);
    return all.contains("c.utf8") || all.contains("c.utf-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LC_ALL=C", "env -i", "LANG=POSIX"})
  void nonAsciiFileNameUnderAnAsciiLocale(String how, @TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    assumeTrue(hasUtf8Locale(), "needs the C.UTF-8 locale (locale -a)");
    Path data;
    try {
      data = dir.resolve("pr\u00e9-\u00e9tude.csv");
      Files.copy(Path.of("samples", "mapp1_like.csv"), data);
    } catch (InvalidPathException | IOException e) {
      assumeTrue(false, "this JVM or file system cannot name a file with a non-ASCII name: " + e);
      return;
    }
    Path scripts = Files.createDirectories(dir.resolve("scripts"));
    Files.copy(Path.of("scripts", "trialstat"), scripts.resolve("trialstat"));
    Files.createDirectories(dir.resolve("src/main"));
    Path pom = Files.writeString(dir.resolve("pom.xml"), "");
    Files.setLastModifiedTime(pom, FileTime.fromMillis(0));
    Files.setLastModifiedTime(dir.resolve("src/main"), FileTime.fromMillis(0));
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    StringBuilder cp = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      cp.append(p.toUri().toString()).append(' ');
    }
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().trim());
    Path target = Files.createDirectories(dir.resolve("target"));
    try (OutputStream o = Files.newOutputStream(target.resolve("trialstat.jar"));
        JarOutputStream jar = new JarOutputStream(o, m)) {
      jar.flush();
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", javaBin + ":/usr/bin:/bin",
        // the options replace the launcher's start-up cache, which a throw-away folder does not need
        "TRIALSTAT_JAVA_OPTS", "-XX:TieredStopAtLevel=1"));
    if (how.startsWith("LC_ALL")) {
      env.put("LC_ALL", "C");
    } else if (how.startsWith("LANG")) {
      env.put("LANG", "POSIX");
    }
    List<String> cmd = new ArrayList<>(List.of("/bin/bash", scripts.resolve("trialstat").toString(), "analyze",
        "--format", "csv", data.getFileName().toString()));
    String got = run(cmd, env, dir);
    assertThat(got).as(how).startsWith("0\n").contains("MDMA").doesNotContain("InvalidPath");
    assertThat(TestFiles.resource("edge/expected.tsv")).exists(); // the test resources are on the class path
  }
}
