package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PlotCommandTest {
  private static final String SAMPLE = "samples/mapp1_like.csv";

  private static Document xml(String s) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void plotWritesSvgToStandardOutput() throws Exception {
    CliRun run = CliRun.of("plot", "forest:risk_ratio", SAMPLE);
    assertThat(run.code()).as(run.err()).isZero();
    Document d = xml(run.out());
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    // R 4.2.2 (mapp1_like.expected.json): response risk ratio 1.44970414201183 (1.11792110238534 to 1.87995565597781)
    assertThat(run.out()).contains(">1.45 (1.12 to 1.88)</text>");
  }

  @Test
  void analyzePlotAndReportWriteFilesAndLeaveTheTablesAsTheyWere(@TempDir Path dir) throws Exception {
    Path forest = dir.resolve("forest.svg");
    Path flow = dir.resolve("flow.svg");
    Path report = dir.resolve("report.html");
    CliRun plain = CliRun.of("analyze", "--reproducible", SAMPLE);
    CliRun run = CliRun.of("analyze", "--reproducible", "--plot", "forest=" + forest, "--plot", "flow=" + flow, "--report",
        report.toString(), SAMPLE);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(plain.out());
    assertThat(xml(Files.readString(forest)).getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(Files.readString(flow)).contains("MDMA: randomized (n = 46)");
    String html = Files.readString(report);
    xml(html);
    assertThat(html).contains("<figure>", "Provenance: trialstat");
  }

  @Test
  void reportCommandWritesTheHtmlPage(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.html");
    CliRun run = CliRun.of("report", "--reproducible", SAMPLE, "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    String html = Files.readString(out);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("trialstat report --reproducible samples/mapp1_like.csv --output",
        "reproducible run (no time)");
    assertThat(html.split("<figure>", -1)).hasSize(6);
  }

  @Test
  void badKindsAndOptionsAreUsageErrors() {
    CliRun unknown = CliRun.of("plot", "pie", SAMPLE);
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("unknown figure 'pie'", "trajectory, forest");
    CliRun png = CliRun.of("plot", "flow", SAMPLE, "--output", "flow.PNG");
    assertThat(png.code()).isEqualTo(ExitCode.USAGE);
    assertThat(png.err()).contains("--output: figures are written as SVG only");
    CliRun pngPlot = CliRun.of("analyze", SAMPLE, "--plot", "flow=flow.png");
    assertThat(pngPlot.code()).isEqualTo(ExitCode.USAGE);
    assertThat(pngPlot.err()).contains("--plot flow=flow.png: figures are written as SVG only");
    CliRun badOption = CliRun.of("plot", "flow", "--nope", SAMPLE);
    assertThat(badOption.code()).isEqualTo(ExitCode.USAGE);
    assertThat(badOption.err()).contains("--nope");
    CliRun badSpec = CliRun.of("analyze", "--plot", "forest", SAMPLE);
    assertThat(badSpec.code()).isEqualTo(ExitCode.USAGE);
    assertThat(badSpec.err()).contains("expected KIND=FILE");
    CliRun twoFiles = CliRun.of("plot", "waterfall", SAMPLE, "samples/mapp1_like_wide.csv");
    assertThat(twoFiles.code()).isEqualTo(ExitCode.USAGE);
    assertThat(twoFiles.err()).contains("only forest combines several files");
    CliRun early = CliRun.of("analyze", "--plot", "pie=p.svg", SAMPLE);
    assertThat(early.code()).isEqualTo(ExitCode.USAGE);
    assertThat(early.out()).isEmpty();
    CliRun format = CliRun.of("report", "--format", "json", SAMPLE);
    assertThat(format.code()).isEqualTo(ExitCode.USAGE);
    assertThat(format.err()).contains("--format does not apply to report");
    CliRun statistic = CliRun.of("plot", "forest:nnt", SAMPLE);
    assertThat(statistic.code()).isEqualTo(ExitCode.USAGE);
  }
}
