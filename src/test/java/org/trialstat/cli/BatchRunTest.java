package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;

/** Runs over many files: a result or an error per file, the exit-code rule, file lists, progress, provenance. */
class BatchRunTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  private Path good(String name) throws IOException {
    Path f = tmp.resolve(name);
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), f);
    return f;
  }

  /** A file whose line 2 has a score that is not a number (exit 3 alone). */
  private Path badData(String name) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, "participant_id,arm,visit,caps_total\nP1,Placebo,baseline,x\n");
    return f;
  }

  /** A file without the arm that --control names (exit 2 alone). */
  private Path noSuchArm(String name) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, "participant_id,arm,visit,caps_total\nP1,A,baseline,40\nP1,A,end,30\n"
        + "P2,B,baseline,40\nP2,B,end,35\n");
    return f;
  }

  @Test
  void everyFileGetsItsResultOrItsErrorInOrder() throws IOException {
    Path a = good("a.csv");
    Path b = badData("b.csv");
    Path c = good("c.csv");
    CliRun run = CliRun.of("analyze", "--format", "json", a.toString(), b.toString(), c.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    JsonNode array = MAPPER.readTree(run.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(3);
    assertThat(array.get(0).get("file").asText()).isEqualTo(a.toString());
    assertThat(array.get(0).get("status").asText()).isEqualTo("ok");
    assertThat(array.get(0).has("comparisons")).isTrue();
    JsonNode err = array.get(1);
    assertThat(err.get("status").asText()).isEqualTo("error");
    assertThat(err.get("file").asText()).isEqualTo(b.toString());
    assertThat(err.get("exit_code").asInt()).isEqualTo(3);
    assertThat(err.get("line").asInt()).isEqualTo(2); // the score cell "x": line 2, column 4
    assertThat(err.get("column").asInt()).isEqualTo(4);
    assertThat(err.get("message").asText()).startsWith(b + ":2:4: score \"x\"");
    assertThat(array.get(2).get("status").asText()).isEqualTo("ok");
    assertThat(run.err()).contains("trialstat: " + b + ":2:4: score \"x\"").endsWith("3 files: 2 ok, 1 failed\n");
  }

  @Test
  void csvCarriesTheGoodFilesAndStderrNamesTheBadOnes() throws IOException {
    Path a = good("a.csv");
    Path b = badData("b.csv");
    CliRun run = CliRun.of("analyze", "--format", "csv", a.toString(), b.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    String alone = CliRun.of("analyze", "--format", "csv", a.toString()).out();
    assertThat(run.out()).isEqualTo(alone); // the same rows as the good file alone, header once
    assertThat(run.err()).contains(b.toString());
  }

  @Test
  void tablesShowTheErrorInPlace() throws IOException {
    Path b = badData("b.csv");
    Path a = good("a.csv");
    CliRun run = CliRun.of("analyze", b.toString(), a.toString());
    assertThat(run.out()).startsWith("trialstat analyze: " + b + "\n").contains("ERROR (exit 3): " + b + ":2:4:")
        .contains("trialstat analyze: " + a);
  }

  @Test
  void exitCodeIsTheLargestAmongTheFailures() throws IOException {
    Path a = good("a.csv");
    Path arm = noSuchArm("arm.csv");
    CliRun usage = CliRun.of("analyze", "--control", "Placebo", "--format", "csv", a.toString(), arm.toString());
    assertThat(usage.code()).isEqualTo(ExitCode.USAGE);
    Path bad = badData("bad.csv");
    CliRun both = CliRun.of("analyze", "--control", "Placebo", "--format", "csv", arm.toString(), a.toString(),
        bad.toString());
    assertThat(both.code()).isEqualTo(ExitCode.DATA); // max(2, 3)
    assertThat(both.err()).endsWith("3 files: 1 ok, 2 failed\n");
    CliRun ok = CliRun.of("analyze", "--format", "csv", a.toString(), good("b.csv").toString());
    assertThat(ok.code()).isZero();
  }

  @Test
  void failFastPrintsNothingWhenAFileFails() throws IOException {
    CliRun run = CliRun.of("analyze", "--fail-fast", "--format", "json", good("a.csv").toString(),
        badData("b.csv").toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void mmrmRunsPerFileToo() throws IOException {
    CliRun run = CliRun.of("mmrm", "--baseline", "baseline", "--format", "json", good("a.csv").toString(),
        badData("b.csv").toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    JsonNode array = MAPPER.readTree(run.out());
    assertThat(array.get(0).get("status").asText()).isEqualTo("ok");
    assertThat(array.get(0).has("lsmeans")).isTrue();
    assertThat(array.get(1).get("status").asText()).isEqualTo("error");
  }

  @Test
  void aFolderIsReadInByteOrderOfNamesAndSkipsWhatIsNoInput() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), dir.resolve("b.csv"));
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), dir.resolve("B.csv")); // 'B' < 'b' in bytes
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), dir.resolve("a.csv"));
    Files.writeString(dir.resolve("notes.md"), "not data");
    Files.createDirectories(dir.resolve("sub"));
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), dir.resolve("sub").resolve("c.csv"));
    CliRun run = CliRun.of("analyze", "--format", "json", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> files = new ArrayList<>();
    MAPPER.readTree(run.out()).forEach(n -> files.add(Path.of(n.get("file").asText()).getFileName().toString()));
    assertThat(files).containsExactly("B.csv", "a.csv", "b.csv");
    assertThat(run.err()).contains("skipped, not input files").contains("notes.md, sub/");
    CliRun quiet = CliRun.of("analyze", "--quiet", "--format", "csv", dir.toString());
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void filesFromAListAndFromStandardInput() throws IOException, InterruptedException {
    Path a = good("a.csv");
    Path at = good("@trial.csv"); // picocli's @file expansion is off: a data file may start with @
    Path list = tmp.resolve("list.txt");
    Files.writeString(list, "# inputs\n" + a + "\n\n" + at + "\n");
    CliRun run = CliRun.of("analyze", "--format", "json", "--files-from", list.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode array = MAPPER.readTree(run.out());
    assertThat(array).hasSize(2);
    assertThat(array.get(1).get("file").asText()).isEqualTo(at.toString());
    assertThat(CliRun.of("analyze", "--format", "csv", at.toString()).code()).isZero();
    assertThat(CliRun.of("analyze", "--files-from", tmp.resolve("none.txt").toString()).code())
        .isEqualTo(ExitCode.USAGE);

    // "-" reads the list from standard input (a separate JVM, so that System.in is ours to feed).
    Process p = java(List.of("analyze", "--format", "csv", "--files-from", "-"), List.of()).start();
    p.getOutputStream().write((a + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).contains(a.toString()).contains(at.toString());
  }

  @Test
  void progressOnlyOnATerminal() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed: no pseudo-terminal");
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      files.add(good("t" + i + ".csv").toString());
    }
    // The launcher's rule: TRIALSTAT_STDERR_TTY=1 when [ -t 2 ].
    String launch = "if [ -t 2 ]; then export TRIALSTAT_STDERR_TTY=1; fi; export TRIALSTAT_PROGRESS_DELAY=0; "
        + String.join(" ", javaCommand(List.of("analyze", "--format", "csv"))) + " " + String.join(" ", files)
        + " > " + tmp.resolve("out.csv");
    ProcessBuilder tty = new ProcessBuilder("/usr/bin/script", "-qec", launch, "/dev/null");
    String terminal = run(tty);
    assertThat(terminal).contains("files/s").contains("4/4 files");
    ProcessBuilder pipe = new ProcessBuilder("sh", "-c", launch);
    String piped = run(pipe);
    assertThat(piped).doesNotContain("files/s").contains("4 files: 4 ok, 0 failed");
    ProcessBuilder quiet = new ProcessBuilder("/usr/bin/script", "-qec", launch.replace("--format csv",
        "--format csv --quiet"), "/dev/null");
    assertThat(run(quiet)).doesNotContain("files/s").doesNotContain("4 files:");
  }

  @Test
  void provenanceNamesVersionCommandInputsAndTime() throws Exception {
    Path a = good("a.csv");
    CliRun run = CliRun.of("analyze", "--format", "json", a.toString());
    JsonNode p = MAPPER.readTree(run.out()).get("provenance");
    assertThat(p.get("trialstat_version").asText()).isNotEmpty();
    assertThat(p.get("command_line").asText()).isEqualTo("trialstat analyze --format json " + a);
    JsonNode in = p.get("inputs").get(0);
    assertThat(in.get("path").asText()).isEqualTo(a.toString());
    assertThat(in.get("size").asLong()).isEqualTo(Files.size(a));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(a)));
    assertThat(in.get("sha256").asText()).isEqualTo(sha); // JDK MessageDigest, independent of InputDigest
    assertThat(p.get("time_utc").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    CliRun table = CliRun.of("analyze", a.toString());
    assertThat(table.out()).containsPattern("\nProvenance: trialstat .*; " + java.util.regex.Pattern.quote(a.toString())
        + " sha256 " + sha.substring(0, 12) + "; \\d{4}-.*Z\\.\n$");
    CliRun csv = CliRun.of("analyze", "--format", "csv", a.toString());
    assertThat(csv.out()).doesNotContain("Provenance").doesNotContain(sha); // tidy output stays tidy
  }

  @Test
  void reproducibleRunsAreByteIdentical() throws Exception {
    Path a = good("a.csv");
    CliRun one = CliRun.of("analyze", "--reproducible", "--format", "json", a.toString());
    assertThat(MAPPER.readTree(one.out()).get("provenance").get("time_utc").isNull()).isTrue();
    Thread.sleep(1100);
    assertThat(CliRun.of("analyze", "--reproducible", "--format", "json", a.toString()).out()).isEqualTo(one.out());
    // SOURCE_DATE_EPOCH fixes the time (separate JVM: the variable is read from the environment).
    ProcessBuilder pb = java(List.of("analyze", "--format", "json", a.toString()), List.of());
    pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
    String out = run(pb);
    assertThat(MAPPER.readTree(out.substring(0, out.lastIndexOf('}') + 1)).get("provenance").get("time_utc")
        .asText()).isEqualTo("2023-11-14T22:13:20Z");
  }

  private static List<String> javaCommand(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return cmd;
  }

  private static ProcessBuilder java(List<String> args, List<String> more) {
    List<String> cmd = javaCommand(args);
    cmd.addAll(more);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("TRIALSTAT_STDERR_TTY");
    return pb;
  }

  /** Stdout and stderr of a process, merged. */
  private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
    pb.redirectErrorStream(true);
    pb.environment().remove("TRIALSTAT_STDERR_TTY");
    Process p = pb.start();
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out.toString(StandardCharsets.UTF_8);
  }
}
