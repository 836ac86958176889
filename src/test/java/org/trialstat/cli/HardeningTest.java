package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests of issue 16 (hardening round 2), one per item that the integrator fixed on main: each
 * would fail before its fix. The item number is in each test's name.
 */
class HardeningTest {

  private static final Path SAMPLE = Path.of("samples", "mapp1_like.csv");

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Path claimsWithCommand(String command) throws IOException {
    Files.copy(Path.of("samples/published/studies/mapp1.csv"), tmp.resolve("mapp1.csv"));
    return write("claims.csv", "file,command,statistic,expected,compare,tolerance,source\n"
        + "mapp1.csv,\"" + command + "\",\"comparisons[study=MAPP1,treatment=MDMA,control=Placebo].cohens_d"
        + ".estimate\",0.91,abs,,Mitchell 2021\n");
  }

  /** Item 1: a claim command's output option in any spelling is refused and nothing is written. */
  @ParameterizedTest
  @ValueSource(strings = {"summary -o%s", "summary -o %s", "summary --output=%s", "summary --output %s"})
  void item01ClaimCommandsCannotWriteFiles(String spelling) throws IOException {
    Path victim = tmp.resolve("victim.txt");
    Path claims = claimsWithCommand(spelling.formatted(victim));
    byte[] before = Files.readAllBytes(claims);
    CliRun run = CliRun.of("verify", claims.toString());
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.DATA);
    assertThat(victim).doesNotExist();
    assertThat(Files.readAllBytes(claims)).isEqualTo(before);
  }

  /** Item 1: {@code -fjson} (attached format value) is refused as well. */
  @Test
  void item01AttachedFormatIsRefused() throws IOException {
    CliRun run = CliRun.of("verify", claimsWithCommand("summary -fjson").toString());
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.DATA);
    assertThat(run.err()).contains("--format");
  }

  /** Item 2: --junit onto a data file that a claim uses is refused before any claim runs. */
  @Test
  void item02JunitNeverReplacesADataFile() throws IOException {
    Path claims = claimsWithCommand("summary");
    Path data = tmp.resolve("mapp1.csv");
    byte[] before = Files.readAllBytes(data);
    CliRun run = CliRun.of("verify", "--junit", data.toString(), claims.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--junit", "input file").doesNotContain("--output");
    assertThat(run.out()).as("checked before the report").isEmpty();
    assertThat(Files.readAllBytes(data)).isEqualTo(before);
  }

  /** Item 3: -o onto a FIFO writes through it; the FIFO stays a FIFO. */
  @Test
  void item03OutputOntoAFifoWritesThrough() throws Exception {
    Path fifo = tmp.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo not available");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    CliRun run = CliRun.of("analyze", "--format", "json", "-o", fifo.toString(), SAMPLE.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(reader.get(60, TimeUnit.SECONDS)).contains("\"comparisons\"");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.isSymbolicLink(fifo)).isFalse();
  }

  /** Item 3: -o onto a symbolic link replaces the file it names; the link stays. */
  @Test
  void item03OutputOntoASymlinkFollowsIt() throws IOException {
    Path target = write("real/out.json", "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), target);
    CliRun run = CliRun.of("analyze", "--format", "json", "-o", link.toString(), SAMPLE.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).contains("\"comparisons\"");
  }

  /** Item 3: a replaced file keeps its permissions; a stale temporary of a dead process is removed. */
  @Test
  void item03PermissionsKeptAndStaleTemporariesRemoved() throws IOException {
    Path out = write("out.json", "old");
    assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"), "no POSIX permissions");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
    // pid 2^31-2 is not alive on Linux (pid_max is at most 2^22)
    Path stale = write(".out.json.2147483646.tmp", "left by a killed run");
    CliRun run = CliRun.of("analyze", "--format", "json", "-o", out.toString(), SAMPLE.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
    assertThat(stale).doesNotExist();
  }

  /** Item 4: a failed write of standard output (/dev/full) is exit 2 with a message. */
  @Test
  void item04StdoutWriteErrorIsExit2() throws Exception {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full");
    Process q = Subprocess.java(null, "analyze", SAMPLE.toString()).redirectOutput(full.toFile()).start();
    String err = new String(q.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(q.exitValue()).as(err).isEqualTo(ExitCode.USAGE);
    assertThat(err).contains("trialstat:").doesNotContain("\tat ");
  }

  /** Item 5: a data file outside the claims folder is an ERROR line naming the path, never its content. */
  @Test
  void item05DataFilesOutsideTheClaimsFolderAreRefused() throws IOException {
    write("secret.csv", "SECRET-TOKEN-123,x\n1,2\n");
    Path claims = write("claims/claims.csv", """
        file,command,statistic,expected,compare,tolerance,source
        ../secret.csv,summary,"arms[study=X,arm=Y].n",1,value,,up
        /proc/self/environ,summary,"arms[study=X,arm=Y].n",1,value,,abs
        @secret.csv,summary,"arms[study=X,arm=Y].n",1,value,,at
        """);
    Path junit = tmp.resolve("junit.xml");
    CliRun run = CliRun.of("verify", "--junit", junit.toString(), claims.toString());
    String all = run.out() + run.err() + Files.readString(junit);
    assertThat(run.code()).as(all).isNotZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("ERROR"))).hasSize(3);
    assertThat(run.out()).contains("../secret.csv", "/proc/self/environ", "outside the data folder");
    assertThat(all).doesNotContain("SECRET-TOKEN-123").doesNotContain("PATH=");
  }

  /** Item 5: {@code summary @FILE} in a claim's command is no way round the rule. */
  @Test
  void item05AtFileInAClaimCommandIsNoWayRound() throws IOException {
    Path secret = write("secret.csv", "SECRET-TOKEN-123,x\n");
    CliRun run = CliRun.of("verify", claimsWithCommand("summary @" + secret).toString());
    assertThat(run.code()).isNotZero();
    assertThat(run.out() + run.err()).doesNotContain("SECRET-TOKEN-123");
  }

  /** Item 6: a data file named {@code @trial.csv} is analysed (no @file expansion). */
  @Test
  void item06AtFileNamesAreFiles() throws IOException {
    Path at = tmp.resolve("@trial.csv");
    Files.copy(SAMPLE, at);
    CliRun run = CliRun.of("analyze", "--format", "json", "--", at.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"comparisons\"");
  }

  /** Item 7: a stack overflow or out-of-memory error ends in one line, exit 4, naming TRIALSTAT_JAVA_OPTS. */
  @Test
  void item07OutOfMemoryIsOneLineExit4() throws Exception {
    Path big = write("big.csv", BigFile.csv(400_000));
    Process p = Subprocess.java("-Xmx16m", "analyze", big.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assumeTrue(p.exitValue() != 0, "analysed within 16 MB: nothing to test");
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("TRIALSTAT_JAVA_OPTS");
  }

  /** Item 11 and 22: a level too close to 0 or 1, or written as a Java literal, is a usage error. */
  @ParameterizedTest
  @ValueSource(strings = {"1e-300", "1e-17", "0.99999999999999999", "0x1p-1", "0.95f", "0.95d", "1_0"})
  void item11And22ConfLevelRefused(String level) {
    CliRun run = CliRun.of("analyze", "--conf-level", level, SAMPLE.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--conf-level").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  /** Item 23: a mistyped command gets a suggestion. */
  @Test
  void item23MistypedCommandIsSuggested() {
    CliRun run = CliRun.of("analyse", SAMPLE.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("analyze");
  }

  /** Item 23: a mistyped option gets a suggestion. */
  @Test
  void item23MistypedOptionIsSuggested() {
    CliRun run = CliRun.of("analyze", "--conf-levl", "0.9", SAMPLE.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--conf-level");
  }

  /** Item 23: {@code help analyze}, the command list when none is given, and generate-completion. */
  @Test
  void item23HelpCommandListAndCompletion() {
    CliRun help = CliRun.of("help", "analyze");
    assertThat(help.code()).as(help.err()).isZero();
    assertThat(help.out() + help.err()).contains("--conf-level");
    CliRun none = CliRun.of();
    assertThat(none.code()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err()).contains("analyze", "mmrm", "summary", "verify");
    CliRun completion = CliRun.of("generate-completion");
    assertThat(completion.code()).as(completion.err()).isZero();
    assertThat(completion.out()).contains("complete", "trialstat");
  }

  /** Item 24: the documented summary globs take the studies only, not the claims file. */
  @Test
  void item24DocumentedSummaryGlobWorks() throws IOException {
    String[] files;
    try (var s = Files.list(Path.of("samples/published/studies"))) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().map(Path::toString).toArray(String[]::new);
    }
    assertThat(files).hasSize(4);
    String[] args = new String[files.length + 1];
    args[0] = "summary";
    System.arraycopy(files, 0, args, 1, files.length);
    CliRun run = CliRun.of(args);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.exists(Path.of("samples/published/studies/expected.csv"))).isFalse();
  }
}
