package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.TrialAnalysis;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialCsvReader;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.ResponseRule;
import org.trialstat.model.Scale;
import org.trialstat.report.AnalysisWriter;
import org.trialstat.report.OutputFormat;

/**
 * Same input, same options: byte-identical output whatever the default locale (Turkish dotless i,
 * German decimal comma, Arabic and Devanagari digits), time zone, file encoding or number of cores.
 */
class DeterminismTest {

  /** Locales that break code relying on the default: decimal comma, dotless i, non-ASCII digits. */
  private static final List<Locale> LOCALES = List.of(new Locale("tr", "TR"), Locale.GERMANY,
      Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.forLanguageTag("fa-IR"));
  private static final List<String> ZONES = List.of("Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu");

  /**
   * A semicolon file with decimal commas, upper-case column names (Turkish-i trap for case-insensitive
   * matching), non-ASCII arm and participant names and a non-integer threshold in the output.
   */
  static final String EUROPEAN = String.join("\n",
      "PARTICIPANT_ID;ARM;VISIT;CAPS_TOTAL;PTSD_DX",
      "İ-01;İlaç;BASELINE;40,5;Yes",
      "İ-01;İlaç;WEEK12;20,25;No",
      "İ-02;İlaç;BASELINE;51;TRUE",
      "İ-02;İlaç;WEEK12;45;true",
      "İ-03;İlaç;BASELINE;47,75;y",
      "İ-03;İlaç;WEEK12;12;n",
      "I-04;Plasebo grubu;BASELINE;45;1",
      "I-04;Plasebo grubu;WEEK12;40,5;1",
      "I-05;Plasebo grubu;BASELINE;44;1",
      "I-05;Plasebo grubu;WEEK12;30;0",
      "I-06;Plasebo grubu;BASELINE;61,5;1",
      "I-06;Plasebo grubu;WEEK12;;1") + "\n";

  @TempDir
  Path tmp;

  private Locale savedLocale;
  private TimeZone savedZone;

  @BeforeEach
  void save() {
    savedLocale = Locale.getDefault();
    savedZone = TimeZone.getDefault();
  }

  @AfterEach
  void restore() {
    Locale.setDefault(savedLocale);
    TimeZone.setDefault(savedZone);
  }

  private List<List<String>> commands() throws IOException {
    Path european = tmp.resolve("european.csv");
    Files.writeString(european, EUROPEAN, StandardCharsets.UTF_8);
    String mapp1 = TestFiles.resource("oracles/mapp1_like.csv").toString();
    String dose = TestFiles.resource("oracles/dose_response_caps4.csv").toString();
    String pilot = TestFiles.resource("oracles/small_pilot_caps4.csv").toString();
    List<List<String>> out = new ArrayList<>();
    for (String format : List.of("json", "csv", "tsv", "table", "markdown")) {
      out.add(List.of("analyze", "--reproducible", "--format", format, mapp1));
      out.add(List.of("analyze", "--reproducible", "--format", format, "--control", "Plasebo grubu", "--response-pct", "33.3",
          "--conf-level", "0.9", "--missing", "NONRESPONDER", european.toString()));
      out.add(List.of("analyze", "--reproducible", "--format", format, "--scale", "CAPS4", "--control", "40 mg", dose));
      out.add(List.of("analyze", "--reproducible", "--format", format, "--score-range", "0:136", mapp1, pilot));
    }
    return out;
  }

  private static String key(List<String> args) {
    return String.join(" ", args);
  }

  private Map<String, String> runAll() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (List<String> args : commands()) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.code()).as(run.err()).isZero();
      out.put(key(args), run.out());
    }
    return out;
  }

  @Test
  void cliOutputDoesNotDependOnLocaleOrTimeZone() throws IOException {
    Locale.setDefault(Locale.ROOT);
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Map<String, String> reference = runAll();
    assertThat(reference.values()).allSatisfy(o -> assertThat(o).isNotEmpty().doesNotContain("NaN", "Infinity"));
    for (int i = 0; i < LOCALES.size(); i++) {
      Locale.setDefault(LOCALES.get(i));
      TimeZone.setDefault(TimeZone.getTimeZone(ZONES.get(i % ZONES.size())));
      assertThat(runAll()).as(LOCALES.get(i).toLanguageTag()).isEqualTo(reference);
    }
  }

  /**
   * The same below the command line: reader, analysis and writers called directly with the default
   * locale set (the CLI entry point itself resets the default to {@code Locale.ROOT}, so this checks
   * that no formatting code depends on that reset).
   */
  @Test
  void libraryOutputDoesNotDependOnTheDefaultLocale() throws IOException {
    Path european = tmp.resolve("european.csv");
    Files.writeString(european, EUROPEAN, StandardCharsets.UTF_8);
    Locale.setDefault(Locale.ROOT);
    List<String> reference = renderLibrary(european);
    for (Locale l : LOCALES) {
      Locale.setDefault(l);
      Locale.setDefault(Locale.Category.FORMAT, l);
      Locale.setDefault(Locale.Category.DISPLAY, l);
      assertThat(renderLibrary(european)).as(l.toLanguageTag()).isEqualTo(reference);
    }
  }

  private static List<String> renderLibrary(Path european) {
    ReadOptions read = ReadOptions.defaults();
    AnalysisRequest request = new AnalysisRequest(Scale.CAPS5, 0, 80, "Plasebo grubu", null, null,
        new ResponseRule(ResponseRule.Kind.PERCENT, 33.3), Double.NaN, MissingPolicy.NONRESPONDER, 0.9,
        AnalysisRequest.Strictness.LENIENT, AnalysisRequest.RepeatedMeasures.AUTO);
    AnalysisResult r = TrialAnalysis.analyze(TrialCsvReader.read(european, "european.csv", read), request);
    AnalysisResult m = TrialAnalysis.analyze(TrialCsvReader.read(TestFiles.resource("oracles/mapp1_like.csv"),
        "mapp1_like.csv", ReadOptions.defaults()), AnalysisRequest.defaults(Scale.CAPS5));
    List<String> out = new ArrayList<>();
    for (OutputFormat f : OutputFormat.values()) {
      out.add(AnalysisWriter.render(List.of(r, m), f, true).asText());
    }
    return out;
  }

  /**
   * A separate JVM started with {@code LANG=de_DE.UTF-8}, {@code -Duser.language=tr}, another time
   * zone, a Latin-1 default encoding and one or many cores prints the same bytes as this JVM. It runs
   * {@code Main} from the test class path (always current); when {@code target/trialstat.jar} exists it
   * also runs the jar under each environment and checks that those runs agree with each other (the jar
   * may be older than the sources, so it is not compared with the in-process output).
   */
  @Test
  void separateJvmsWithOtherLocalesPrintTheSameBytes() throws IOException, InterruptedException {
    Locale.setDefault(Locale.ROOT);
    Path european = tmp.resolve("european.csv");
    Files.writeString(european, EUROPEAN, StandardCharsets.UTF_8);
    String mapp1 = TestFiles.resource("oracles/mapp1_like.csv").toString();
    String pilot = TestFiles.resource("oracles/small_pilot_caps4.csv").toString();
    List<List<String>> commands = List.of(
        List.of("analyze", "--reproducible", "--format", "json", "--control", "Plasebo grubu", european.toString()),
        List.of("analyze", "--reproducible", "--format", "csv", "--control", "Plasebo grubu", "--response-pct", "33.3",
            european.toString()),
        List.of("analyze", "--reproducible", "--format", "json", "--score-range", "0:136", mapp1, pilot),
        List.of("analyze", "--reproducible", "--control", "Plasebo grubu", european.toString()));
    List<List<String>> jvmOptions = List.of(
        List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati",
            "-XX:ActiveProcessorCount=1"),
        List.of("-Duser.language=de", "-Duser.country=DE", "-Dfile.encoding=ISO-8859-1",
            "-XX:ActiveProcessorCount=8"));
    Map<String, String> env = Map.of("LANG", "de_DE.UTF-8", "LC_ALL", "de_DE.UTF-8", "TZ", "Asia/Kathmandu");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "trialstat.jar");
    for (List<String> args : commands) {
      byte[] expected = CliRun.of(args.toArray(String[]::new)).out().getBytes(StandardCharsets.UTF_8);
      byte[] firstJar = null;
      for (List<String> options : jvmOptions) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        assertThat(new String(run(cmd, env), StandardCharsets.UTF_8)).as(options + " " + args)
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        if (Files.isRegularFile(jar)) {
          List<String> jcmd = new ArrayList<>(List.of(java));
          jcmd.addAll(options);
          jcmd.addAll(List.of("-jar", jar.toString()));
          jcmd.addAll(args);
          byte[] got = run(jcmd, env);
          if (firstJar == null) {
            firstJar = got;
          } else {
            assertThat(got).as("jar " + options + " " + args).isEqualTo(firstJar);
          }
        }
      }
    }
  }

  private static byte[] run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(cmd.get(cmd.size() - 1)).isZero();
    return out.toByteArray();
  }
}
