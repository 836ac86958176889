package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 24: every command shown in a fenced block of README.md and docs/usage.md runs as written
 * (in-process through {@link Main#run}) and ends with exit 0, the exit code of every documented example.
 * Shell syntax is taken as a shell would: {@code \} continues a line, {@code #} starts a comment,
 * {@code samples/*.csv} is expanded in the project folder, {@code > FILE} captures standard output. Files
 * that a command writes ({@code --output}, {@code --output-dir}, {@code --junit}, {@code --plot NAME=FILE},
 * {@code >}) go to a temporary folder, never into the project.
 *
 * <p>Example names that stand for the reader's own file ({@code trial.csv}, {@code pilot.csv}, ...) are
 * replaced by the bundled sample of the same shape; a command that needs data the project does not ship
 * ({@code ../shared/...}, which tests never copy) is skipped with a message saying which file is absent, as
 * are a pipeline and a synopsis line ({@code COMMAND [OPTIONS] FILE...}). Any other file named by a command
 * must exist: a renamed sample fails here.
 */
class DocumentedCommandsTest {

  private static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("docs", "usage.md"));
  private static final String LAUNCHER = "scripts/trialstat";

  /** The reader's own files in the examples, and the sample of the same shape that stands in for each. */
  private static final Map<String, String> STAND_INS = Map.of(
      "trial.csv", "samples/mapp1_like.csv",
      "pilot.csv", "samples/caps4/small_pilot_caps4.csv",
      "claims.csv", "samples/published/expected.csv",
      "fev_data.csv", "../shared/oracles/mmrm_fev/fev_data.csv",
      "antidepressant_data.csv", "../shared/rbmi/antidepressant_data.csv");
  /** Written by the test into its temporary folder. */
  private static final Map<String, String> WRITTEN = Map.of(
      "runs.txt", "samples/mapp1_like.csv\nsamples/mapp1_like_wide.csv\n",
      "effects.csv", "study,yi,vi,year\nA,-0.9,0.05,2019\nB,-0.5,0.04,2021\nC,-0.7,0.09,2020\n",
      "adam.csv", adamWithTrt01p());
  private static final List<String> OUTPUT_OPTIONS = List.of("--output", "-o", "--output-dir", "--junit");

  @TempDir
  static Path tmp;

  /** One documented command: where it is written, and its words after the launcher. */
  record Documented(Path doc, int line, String text) {
    @Override
    public String toString() {
      return doc + ":" + line + ": " + text;
    }
  }

  /** The commands of the fenced blocks, continuation lines joined, prompts ({@code $ }) removed. */
  static List<Documented> commands(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<Documented> found = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      String t = l.strip();
      if (t.startsWith("$ ")) {
        t = t.substring(2);
      }
      if (!fenced || !t.startsWith(LAUNCHER + " ")) {
        continue;
      }
      int first = i + 1;
      StringBuilder sb = new StringBuilder();
      while (t.endsWith("\\") && i + 1 < lines.size()) {
        sb.append(t, 0, t.length() - 1).append(' ');
        t = lines.get(++i).strip();
      }
      sb.append(t);
      found.add(new Documented(doc, first, withoutComment(sb.toString())));
    }
    return found;
  }

  /** The line without a shell comment: a {@code #} after whitespace, outside quotes. */
  static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
        return line.substring(0, i).strip();
      }
    }
    return line.strip();
  }

  @Test
  void theDocumentsShowCommands() throws IOException {
    assertThat(commands(DOCS.get(0))).hasSizeGreaterThan(10);
    assertThat(commands(DOCS.get(1))).hasSizeGreaterThan(20);
    assertThat(withoutComment("a 'b # c' # d")).isEqualTo("a 'b # c'");
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
    List<Documented> all = new ArrayList<>();
    for (Path doc : DOCS) {
      all.addAll(commands(doc));
    }
    return all.stream().map(d -> DynamicTest.dynamicTest(d.toString(), () -> run(d)));
  }

  private static void run(Documented d) throws IOException {
    List<String> words = ShellWords.split(d.text());
    words = words.subList(1, words.size()); // the launcher
    assumeTrue(!words.isEmpty() && !words.get(0).equals("COMMAND"), "a synopsis, not a command");
    assumeTrue(!words.contains("|"), "a pipeline (standard input from another program)");
    List<String> args = new ArrayList<>();
    Path redirect = null;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals(">") && i + 1 < words.size()) {
        redirect = tmp.resolve(Path.of(words.get(++i)).getFileName());
      } else if (OUTPUT_OPTIONS.contains(w) && i + 1 < words.size()) {
        args.add(w);
        args.add(tmp.resolve(Path.of(words.get(++i)).getFileName()).toString());
      } else if (w.equals("--plot") && i + 1 < words.size() && words.get(i + 1).contains("=")) {
        String[] kv = words.get(++i).split("=", 2);
        args.add(w);
        args.add(kv[0] + "=" + tmp.resolve(Path.of(kv[1]).getFileName()));
      } else {
        args.addAll(input(w));
      }
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.code()).as("%s%nargs: %s%nstderr: %s", d, args, run.err()).isZero();
    assertThat(run.err()).as(d.toString()).doesNotContain("internal error", "Exception");
    if (redirect != null) {
      Files.writeString(redirect, run.out(), StandardCharsets.UTF_8);
    }
  }

  /** A word as the command gets it: a stand-in for an example file, or a glob expanded. */
  private static List<String> input(String word) throws IOException {
    if (word.equals("data/")) { // a folder of trial files
      Path dir = Files.createDirectories(tmp.resolve("data"));
      for (String f : List.of("mapp1_like.csv", "mapp1_like_wide.csv")) {
        Files.copy(Path.of("samples", f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return List.of(dir + "/");
    }
    if (WRITTEN.containsKey(word)) {
      Path p = tmp.resolve(word);
      Files.writeString(p, WRITTEN.get(word), StandardCharsets.UTF_8);
      return List.of(p.toString());
    }
    String w = STAND_INS.getOrDefault(word, word);
    if (w.startsWith("../shared/")) {
      assumeTrue(Files.exists(Path.of(w)), w + " is absent (data of another public project, never copied)");
    }
    if (w.contains("*")) {
      Path dir = Path.of(w).getParent();
      List<String> matches = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Path.of(w).getFileName().toString())) {
        s.forEach(p -> matches.add(p.toString()));
      }
      matches.sort(null);
      assertThat(matches).as("the glob %s matches files", w).isNotEmpty();
      return matches;
    }
    if (looksLikeFile(w)) {
      assertThat(Path.of(w)).as("a documented command names %s", w).exists();
    }
    return List.of(w);
  }

  private static boolean looksLikeFile(String w) {
    return !w.startsWith("-") && (w.startsWith("samples/") || w.matches("[\\w./-]+\\.(csv|xpt|json|toml|sas7bdat)"));
  }

  /** The ADaM-named example of README: the long sample with its columns under ADaM names. */
  private static String adamWithTrt01p() {
    try {
      return Files.readString(Path.of("samples/mapp1_like.csv"))
          .replaceFirst("participant_id,arm,visit,week,caps_total", "USUBJID,TRT01P,AVISIT,AVISITN,AVAL");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
